"""Talking to a live room on a real server process, as a browser would."""

from __future__ import annotations

import json
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

from bench.processes import LOOPBACK


async def join(port: int, client: dict[str, Any]) -> ClientConnection:
    return await connect(
        f"ws://{LOOPBACK}:{port}/ws/groups/{client['group_id']}/live/",
        additional_headers={
            "Origin": f"http://{LOOPBACK}:{port}",
            "Cookie": f"sessionid={client['sessionid']}",
        },
        open_timeout=20,
    )


async def next_of_type(socket: ClientConnection, kind: str) -> dict[str, Any]:
    while True:
        event: dict[str, Any] = json.loads(await socket.recv())
        if event["type"] == kind:
            return event


async def wait_for_presence(socket: ClientConnection, *, here: int) -> None:
    """Until the room counts exactly this many people here."""
    while (await next_of_type(socket, "presence"))["here"] != here:
        pass
