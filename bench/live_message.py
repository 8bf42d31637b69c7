"""The database work of one live message, in one process: its queries and CPU time.

    .venv/bin/python -m bench.live_message

Fills a throwaway SQLite database (bench.fixtures), then calls
`conversations.actions.post_live_message` as the live socket does (with the facts
it keeps, `conversations.live_facts`), 200 times, five times over, and prints the
queries one message makes and the median CPU time a message (also as the socket
calls it, on the database thread from a running event loop, and the cost of that
hop alone); then the same for rendering a message for its room and its author
(`live.message_event`). Prints figures only; the broadcast goes to the in-memory
channel layer.
"""

from __future__ import annotations

import atexit
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable

from bench.processes import ROOT, server_env

MESSAGES = 200
BODY = "a few words for the room, about as long as most"
RUNS = 5


def cpu_ms_each(work: Callable[[], object]) -> list[float]:
    runs = []
    for _ in range(RUNS):
        started = time.process_time()
        for _ in range(MESSAGES):
            work()
        runs.append(1000 * (time.process_time() - started) / MESSAGES)
    return runs


def main() -> int:
    work = tempfile.mkdtemp(prefix="alongside-live-message.")
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    os.environ.update(server_env(database_url=f"sqlite:///{work}/bench.sqlite3"))
    subprocess.run(
        [sys.executable, "-m", "bench.fixtures", "--people", "20", "--groups", "2"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    import django

    django.setup()
    from django.db import connections
    from django.test.utils import CaptureQueriesContext

    from alongside.conversations import actions, live
    from alongside.conversations.live_facts import live_facts_of
    from alongside.conversations.models import Post
    from alongside.peergroups.models import Membership

    membership = Membership.objects.select_related("person", "group__organisation")[0]
    person, group = membership.person, membership.group
    held = live_facts_of(person, group)

    def one() -> Post:
        post, _ = actions.post_live_message(
            person=person,
            group=group,
            body=BODY,
            content_warning="",
            content_warning_text="",
            client_id=uuid.uuid4(),
            held=held,
        )
        return post

    for _ in range(50):
        one()
    with (
        CaptureQueriesContext(connections["default"]) as main_queries,
        CaptureQueriesContext(connections["keys"]) as keys_queries,
    ):
        post = one()
    print(f"Queries a message: {len(main_queries)} main, {len(keys_queries)} keys")
    for query in main_queries.captured_queries:
        print(f"  {query['sql'][:70]}")
    runs = cpu_ms_each(one)
    print(
        f"post_live_message: {statistics.median(runs):.2f} ms of CPU a message"
        f" (median; each run {', '.join(f'{r:.2f}' for r in runs)})"
    )
    print_as_the_socket_does(one)
    post = (
        Post.objects.with_author_name()
        .select_related("group__organisation")
        .get(pk=post.pk)
    )
    runs = cpu_ms_each(lambda: live.message_event(post))
    print(
        f"message_event (room and author): {statistics.median(runs):.2f} ms"
        f" (median; each run {', '.join(f'{r:.2f}' for r in runs)})"
    )
    print_framing(live.message_event(post)["frame"])
    return 0


def print_as_the_socket_does(one: Callable[[], object]) -> None:
    """The same, called as the live socket calls it: from a running event loop, on
    the database thread (channels' database_sync_to_async), its broadcast kept and
    made on the loop when the call returns (live.sends_kept), as in the server
    (without a loop it starts a thread of its own, which the figure above
    includes). Then the hop alone."""
    import asyncio

    from channels.db import database_sync_to_async

    from alongside.conversations import live

    def nothing() -> None:
        return None

    async def each(work: Callable[[], object]) -> list[float]:
        call = database_sync_to_async(work)
        runs = []
        for _ in range(RUNS):
            started = time.process_time()
            for _ in range(MESSAGES):
                sends = await call()
                if sends is not None:
                    await live.send_kept(sends)
            runs.append(1000 * (time.process_time() - started) / MESSAGES)
        return runs

    def kept(work: Callable[[], object]) -> Callable[[], object]:
        def keeping() -> object:
            with live.sends_kept() as sends:
                work()
            return sends

        return keeping

    async def measure() -> None:
        for name, work in (
            ("post_live_message on the database thread", kept(one)),
            ("the hop alone (loop to database thread and back)", nothing),
        ):
            runs = await each(work)
            print(
                f"{name}: {statistics.median(runs):.2f} ms of CPU a message"
                f" (median; each run {', '.join(f'{r:.2f}' for r in runs)})"
            )

    asyncio.run(measure())


def print_framing(frame: str) -> None:
    """What sending one finished frame costs for each socket in a room of ten, as
    uvicorn's websocket protocol makes it, with and without permessage-deflate (with
    the settings uvicorn offers browsers); and its size on the wire."""
    from websockets.extensions.permessage_deflate import PerMessageDeflate
    from websockets.protocol import Protocol, Side

    for name, deflate in (("with permessage-deflate", True), ("uncompressed", False)):
        sockets = []
        for _ in range(10):
            socket = Protocol(Side.SERVER)
            if deflate:
                socket.extensions = [
                    PerMessageDeflate(False, False, 12, 12, {"memLevel": 5})
                ]
            sockets.append(socket)
        sizes: list[int] = []

        # Each message's words differ (the same one again would compress to nothing).

        def to_room(
            sockets: list[Protocol] = sockets, sizes: list[int] = sizes
        ) -> None:
            text = frame.replace(BODY, f"{uuid.uuid4()} {uuid.uuid4()}")
            for socket in sockets:
                socket.send_text(text.encode())
                sizes.append(sum(len(part) for part in socket.data_to_send()))

        runs = cpu_ms_each(to_room)
        print(
            f"framing for 10 sockets, {name}: {statistics.median(runs):.3f} ms"
            f" a message ({len(frame.encode())} bytes of text,"
            f" {statistics.median(sizes):.0f} on the wire for each socket)"
        )


if __name__ == "__main__":
    sys.exit(main())
