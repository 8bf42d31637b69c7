"""The floor: the least a live room can do, written directly on `websockets`.

Rooms keyed by the path /ws/groups/<room>/live/, broadcast to everyone in the room,
an ack to the sender. No authentication, no database, no rendering beyond escaping.
It speaks the same socket protocol as Alongside so the same clients can drive it.

    python -m bench.floor_server --port 8765
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import html
import itertools
import json
import re
import signal

from websockets.asyncio.server import ServerConnection, broadcast, serve

ROOM_PATH = re.compile(r"^/ws/groups/(?P<room>[0-9]+)/live/$")


class Floor:
    def __init__(self) -> None:
        self.rooms: dict[str, set[ServerConnection]] = {}
        self.ids = itertools.count(1)

    async def handle(self, connection: ServerConnection) -> None:
        match = ROOM_PATH.match(connection.request.path if connection.request else "")
        if match is None:
            await connection.close(code=4404)
            return
        room = self.rooms.setdefault(match["room"], set())
        room.add(connection)
        broadcast(room, json.dumps({"type": "presence", "here": len(room)}))
        try:
            async for raw in connection:
                event = json.loads(raw)
                if event.get("type") != "send":
                    continue
                message_id = next(self.ids)
                client_id = event["client_id"]
                await connection.send(
                    json.dumps(
                        {
                            "type": "ack",
                            "client_id": client_id,
                            "id": message_id,
                            "status": "published",
                        }
                    )
                )
                broadcast(
                    room,
                    json.dumps(
                        {
                            "type": "message",
                            "id": message_id,
                            "client_id": client_id,
                            "html": f"<p>{html.escape(event.get('body', ''))}</p>",
                        }
                    ),
                )
        finally:
            room.discard(connection)
            broadcast(room, json.dumps({"type": "presence", "here": len(room)}))


async def main(host: str, port: int) -> None:
    floor = Floor()
    stop = asyncio.get_running_loop().create_future()
    for signum in (signal.SIGTERM, signal.SIGINT):
        asyncio.get_running_loop().add_signal_handler(signum, stop.set_result, None)
    # Compression as uvicorn negotiates it by default; clients may decline it.
    async with serve(floor.handle, host, port):
        await stop


def run() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    try:
        import uvloop  # uvicorn runs on uvloop too; the floor gets the same loop.
    except ImportError:
        asyncio.run(main(args.host, args.port))
    else:
        with contextlib.suppress(KeyboardInterrupt):
            uvloop.run(main(args.host, args.port))


if __name__ == "__main__":
    run()
