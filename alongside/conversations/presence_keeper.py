"""Keeps the presence rows of a server process's live-room sockets fresh, all of
them in one database call every REFRESH_SECONDS, rather than one call for each
socket (`presence.still_here_together`). A row not refreshed for `live.STALE_AFTER`
is no longer counted, so the interval must stay well inside it."""

from __future__ import annotations

import asyncio
import logging
import weakref
from typing import Protocol

from channels.db import database_sync_to_async

from . import presence

logger = logging.getLogger(__name__)

REFRESH_SECONDS = 20.0


class KeptSocket(Protocol):
    def presence_row(self) -> presence.Row | None: ...


class PresenceKeeper:
    """The sockets of this process (of its event loop) whose rows are kept fresh."""

    def __init__(self) -> None:
        self._sockets: set[KeptSocket] = set()
        self._task: asyncio.Task[None] | None = None

    def keep(self, socket: KeptSocket) -> None:
        self._sockets.add(socket)
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._refresh())

    def drop(self, socket: KeptSocket) -> None:
        self._sockets.discard(socket)
        if not self._sockets and self._task is not None:
            self._task.cancel()
            self._task = None

    async def _refresh(self) -> None:
        while True:
            await asyncio.sleep(REFRESH_SECONDS)
            rows = [
                row
                for row in (socket.presence_row() for socket in self._sockets)
                if row is not None
            ]
            if not rows:
                continue
            try:
                await database_sync_to_async(presence.still_here_together)(rows=rows)
            except Exception as error:
                # Tried again at the next interval; rows go stale only after several.
                logger.error(
                    "Live-room presence was not refreshed (%s).", type(error).__name__
                )


_by_loop: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, PresenceKeeper] = (
    weakref.WeakKeyDictionary()
)


def presence_keeper() -> PresenceKeeper:
    loop = asyncio.get_running_loop()
    keeper = _by_loop.get(loop)
    if keeper is None:
        keeper = _by_loop[loop] = PresenceKeeper()
    return keeper
