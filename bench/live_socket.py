"""One live message through the whole socket path, in one process: its CPU time.

    .venv/bin/python -m bench.live_socket

Fills a throwaway SQLite database (bench.fixtures) with one room of ten, opens ten
sockets on the real ASGI application (`config.asgi`: the origin check, sign-in by
session cookie, Channels, the live consumer, the in-memory channel layer and the
room's one reader), then sends messages from each in turn and waits for the
sender's ack and the room's ten frames (the author's own copy and nine others). It
prints the CPU time a message, from the frame read to the last frame written, as
the median of five runs. uvicorn's framing and the kernel's writes are not in it
(`make bench` measures those); Channels' test communicator stands in for uvicorn.
Prints figures only. `--profile FILE` writes cProfile statistics of one more run, for
the event loop and the database thread (FILE.loop, FILE.database).
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import cProfile
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from typing import Any

from bench.processes import LOOPBACK, ROOT, server_env

MESSAGES = 300
RUNS = 5
PEOPLE = 10


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profile", metavar="FILE", default="")
    args = parser.parse_args(argv)
    work = tempfile.mkdtemp(prefix="alongside-live-socket.")
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    os.environ.update(server_env(database_url=f"sqlite:///{work}/bench.sqlite3"))
    fill = ["bench.fixtures", "--people", str(PEOPLE), "--groups", "1"]
    made = subprocess.run(  # noqa: S603 - our own fixed command
        [sys.executable, "-m", *fill],
        cwd=ROOT,
        capture_output=True,
        check=True,
        text=True,
    )
    clients = json.loads(made.stdout)["clients"]
    asyncio.run(measure(clients, profile=args.profile))
    return 0


async def measure(clients: list[dict[str, Any]], *, profile: str) -> None:
    from asgiref.sync import sync_to_async
    from channels.testing import WebsocketCommunicator

    from config.asgi import application

    sockets = []
    for client in clients:
        socket = WebsocketCommunicator(
            application,
            f"/ws/groups/{client['group_id']}/live/",
            headers=[
                (b"origin", f"http://{LOOPBACK}".encode()),
                (b"host", LOOPBACK.encode()),
                (b"cookie", f"sessionid={client['sessionid']}".encode()),
            ],
        )
        connected, _ = await socket.connect()
        if not connected:
            raise RuntimeError("A benchmark socket was refused.")
        sockets.append(socket)
    # Let the arrivals' presence settle, then forget what it sent.
    await asyncio.sleep(1)
    for socket in sockets:
        while not socket.output_queue.empty():
            socket.output_queue.get_nowait()

    async def one(number: int) -> None:
        sender = sockets[number % len(sockets)]
        client_id = str(uuid.uuid4())
        await sender.send_to(
            text_data=json.dumps(
                {
                    "type": "send",
                    "client_id": client_id,
                    "body": f"Benchmark message {number}. Nothing to see here.",
                    "content_warning": "",
                    "content_warning_text": "",
                }
            )
        )
        for socket in sockets:
            waiting = {"message", "ack"} if socket is sender else {"message"}
            while waiting:
                output = await socket.output_queue.get()
                if output["type"] != "websocket.send":
                    continue
                frame = json.loads(output["text"])
                if frame["type"] == "error":
                    raise RuntimeError(f"The benchmark message failed: {frame}")
                if frame.get("client_id") == client_id:
                    waiting.discard(frame["type"])

    for number in range(100):
        await one(number)
    runs = []
    for run in range(RUNS):
        started = time.process_time()
        for number in range(MESSAGES):
            await one(run * MESSAGES + number)
        runs.append(1000 * (time.process_time() - started) / MESSAGES)
    print(
        f"One live message to a room of {PEOPLE}, frame in to ack and frames out:"
        f" {statistics.median(runs):.2f} ms of CPU (median; fastest {min(runs):.2f};"
        f" each run {', '.join(f'{r:.2f}' for r in runs)})"
    )
    if profile:
        loop_profile = cProfile.Profile(time.thread_time)
        database_profile = cProfile.Profile(time.thread_time)
        await sync_to_async(database_profile.enable, thread_sensitive=True)()
        loop_profile.enable()
        for number in range(MESSAGES):
            await one(number)
        loop_profile.disable()
        await sync_to_async(database_profile.disable, thread_sensitive=True)()
        loop_profile.dump_stats(f"{profile}.loop")
        database_profile.dump_stats(f"{profile}.database")
        print(f"Profiles written to {profile}.loop and {profile}.database")
    for socket in sockets:
        await socket.disconnect()


if __name__ == "__main__":
    sys.exit(main())
