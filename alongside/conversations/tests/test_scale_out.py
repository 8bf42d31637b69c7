"""Several server processes share live rooms through the Redis channel layer.

Two uvicorn processes, as production runs them, share one database and one private
redis-server. A message sent to the first server must reach a member connected to the
second, and its author must get the ack. The servers cannot see pytest-django's test
database, so they get a database of their own, filled by bench/fixtures.py.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
import uuid
from typing import Any

import pytest
from channels_redis.core import RedisChannelLayer

from bench.processes import Servers, free_port, make_fixtures, server_env

from .sockets import join, next_of_type, wait_for_presence

pytestmark = pytest.mark.skipif(
    shutil.which("redis-server") is None,
    reason="redis-server is not installed: the scale-out test starts its own "
    "(apt-get install redis-server; `make test` installs it)",
)


async def send_through_first_receive_through_second(
    first_port: int, second_port: int, author: dict[str, Any], reader: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any], str]:
    client_id = str(uuid.uuid4())
    async with (
        await join(first_port, author) as author_socket,
        await join(second_port, reader) as reader_socket,
    ):
        # Both are in the room once the reader's arrival is counted on the first server.
        await asyncio.wait_for(wait_for_presence(author_socket, here=2), 20)
        await author_socket.send(
            json.dumps(
                {
                    "type": "send",
                    "client_id": client_id,
                    "body": "Hello from the other server",
                    "content_warning": "",
                }
            )
        )
        ack = await asyncio.wait_for(next_of_type(author_socket, "ack"), 20)
        received = await asyncio.wait_for(next_of_type(reader_socket, "message"), 20)
    return ack, received, client_id


def test_message_sent_through_one_server_reaches_a_member_on_another(
    servers: Servers, database_url: str
) -> None:
    fixtures = json.loads(make_fixtures(database_url=database_url, people=2, groups=1))
    author, reader = fixtures["clients"]
    env = server_env(database_url=database_url, redis_url=servers.redis())
    first_port, second_port = free_port(), free_port()
    servers.uvicorn("first", port=first_port, env=env)
    servers.uvicorn("second", port=second_port, env=env)

    ack, received, client_id = asyncio.run(
        send_through_first_receive_through_second(
            first_port, second_port, author, reader
        )
    )

    assert ack["client_id"] == client_id
    assert ack["status"] == "published"
    assert received["client_id"] == client_id
    assert received["id"] == ack["id"]
    assert "Hello from the other server" in received["html"]


async def quiet_then_send(
    first_port: int, second_port: int, author: dict[str, Any], reader: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any], str]:
    async with (
        await join(first_port, author) as author_socket,
        await join(second_port, reader) as reader_socket,
    ):
        await asyncio.wait_for(wait_for_presence(author_socket, here=2), 20)
        # Nothing happens in the room for longer than the layer waits for an event.
        await asyncio.sleep(2 * RedisChannelLayer.brpop_timeout + 1)
        client_id = str(uuid.uuid4())
        await author_socket.send(
            json.dumps(
                {
                    "type": "send",
                    "client_id": client_id,
                    "body": "Still here after a quiet spell",
                    "content_warning": "",
                }
            )
        )
        ack = await asyncio.wait_for(next_of_type(author_socket, "ack"), 20)
        received = await asyncio.wait_for(next_of_type(reader_socket, "message"), 20)
    return ack, received, client_id


def test_sockets_stay_open_through_a_quiet_spell(
    servers: Servers, database_url: str
) -> None:
    """Each server waits on Redis for the next event; a wait that ends with nothing
    must not end in an error that drops the room's sockets."""
    fixtures = json.loads(make_fixtures(database_url=database_url, people=2, groups=1))
    author, reader = fixtures["clients"]
    env = server_env(database_url=database_url, redis_url=servers.redis())
    first_port, second_port = free_port(), free_port()
    servers.uvicorn("first", port=first_port, env=env)
    servers.uvicorn("second", port=second_port, env=env)

    ack, received, client_id = asyncio.run(
        quiet_then_send(first_port, second_port, author, reader)
    )

    assert ack["client_id"] == client_id
    assert received["client_id"] == client_id
    assert "Still here after a quiet spell" in received["html"]


def layer_as_configured(redis_url: str) -> RedisChannelLayer:
    """The channel layer as config/settings.py sets it up when REDIS_URL is set."""
    found = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, config.settings as s; print(json.dumps(s.CHANNEL_LAYERS))",
        ],
        env={**os.environ, "REDIS_URL": redis_url},
        capture_output=True,
        text=True,
        check=True,
    )
    config = json.loads(found.stdout)["default"]["CONFIG"]
    return RedisChannelLayer(**config)


def test_many_sockets_joining_and_leaving_at_once_are_all_served(
    servers: Servers,
) -> None:
    """A crowd arriving or leaving together needs many Redis calls at the same
    moment; none of them is refused."""
    layer = layer_as_configured(servers.redis())

    async def crowd() -> int:
        channels = [await layer.new_channel() for _ in range(300)]
        await asyncio.gather(*(layer.group_add("crowd", c) for c in channels))
        await layer.group_send("crowd", {"type": "hello"})
        received = await asyncio.gather(
            *(asyncio.wait_for(layer.receive(c), 20) for c in channels)
        )
        await asyncio.gather(*(layer.group_discard("crowd", c) for c in channels))
        return len(received)

    assert asyncio.run(crowd()) == 300
