"""A socket that drops mid-conversation leaves the room, just as a goodbye would.

A phone loses its signal while the server is writing to it. The server (uvicorn, as
production runs it) then raises instead of reporting a disconnect, so this needs a
real server process: an in-process test client never drops.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

from bench.processes import Servers, free_port, make_fixtures, server_env

from .sockets import join, next_of_type, wait_for_presence


async def close_while_the_ack_is_on_its_way(
    port: int, author: dict[str, Any], reader: dict[str, Any]
) -> dict[str, Any]:
    async with await join(port, reader) as reader_socket:
        author_socket = await join(port, author)
        await asyncio.wait_for(wait_for_presence(reader_socket, here=2), 20)
        await author_socket.send(
            json.dumps(
                {
                    "type": "send",
                    "client_id": str(uuid.uuid4()),
                    "body": "Sent just as the signal went",
                    "content_warning": "",
                }
            )
        )
        await author_socket.close()
        message = await asyncio.wait_for(next_of_type(reader_socket, "message"), 20)
        # The author is no longer counted as here.
        await asyncio.wait_for(wait_for_presence(reader_socket, here=1), 20)
    return message


def test_a_socket_lost_mid_send_stops_counting_as_here(
    servers: Servers, database_url: str
) -> None:
    fixtures = json.loads(make_fixtures(database_url=database_url, people=2, groups=1))
    author, reader = fixtures["clients"]
    port = free_port()
    servers.uvicorn("server", port=port, env=server_env(database_url=database_url))

    message = asyncio.run(close_while_the_ack_is_on_its_way(port, author, reader))

    # Nothing was lost: the message was committed and delivered before the drop.
    assert "Sent just as the signal went" in message["html"]
