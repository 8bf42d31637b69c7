"""The in-process channel layer used when there is no Redis (one server process).

Channels' own InMemoryChannelLayer does work on every event that grows with the number
of open sockets: each receive and group send scans every channel and every group
membership for expiry, each send validates the channel name with a regular expression,
deep-copies the event and builds a throwaway queue, and each group send starts a task
per member. A live room delivers every message to every socket in it, so that work was
a large share of a message's cost. This layer keeps the same behaviour (capacity,
expiry of undelivered events after `expiry` seconds and of group memberships after
`group_expiry`) and does the expiry scan at most once a second, when it also drops
the queues of channels nobody is receiving on.

Events are flat dicts of plain values; each receiver gets its own copy of the dict
(not of values inside it), so handlers must not change values they are given.
"""

from __future__ import annotations

import asyncio
import time
from functools import lru_cache
from typing import Any

from channels.exceptions import ChannelFull
from channels.layers import InMemoryChannelLayer as ChannelsInMemoryChannelLayer

# Expiry is measured in seconds (60 by default); scanning for it more often than this
# changes nothing anyone can observe.
CLEAN_INTERVAL_SECONDS = 1.0


class InMemoryChannelLayer(ChannelsInMemoryChannelLayer):  # type: ignore[misc]
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._next_clean_at = 0.0

    def require_valid_channel_name(self, name: str, receive: bool = False) -> bool:
        # Channel names are made by the server and checked once each.
        return _valid_channel_name(self, name, receive)

    def _clean_expired(self) -> None:
        now = time.monotonic()
        if now < self._next_clean_at:
            return
        self._next_clean_at = now + CLEAN_INTERVAL_SECONDS
        super()._clean_expired()
        # Queues are kept between receives (making one per delivered event was a
        # real cost); the ones nobody is waiting on and nothing is in go here.
        for channel, queue in list(self.channels.items()):
            if queue.empty() and not queue._getters:
                del self.channels[channel]

    def _queue(self, channel: str) -> asyncio.Queue[tuple[float, dict[str, Any]]]:
        queue: asyncio.Queue[tuple[float, dict[str, Any]]] | None = self.channels.get(
            channel
        )
        if queue is None:
            queue = self.channels[channel] = asyncio.Queue(
                maxsize=self.get_capacity(channel)
            )
        return queue

    def _offer(self, channel: str, message: dict[str, Any]) -> bool:
        """Queue a copy of the event for the channel; False if its queue is full."""
        try:
            self._queue(channel).put_nowait((time.time() + self.expiry, dict(message)))
        except asyncio.QueueFull:
            return False
        return True

    async def send(self, channel: str, message: dict[str, Any]) -> None:
        assert isinstance(message, dict), "message is not a dict"
        assert "__asgi_channel__" not in message
        self.require_valid_channel_name(channel)
        if not self._offer(channel, message):
            raise ChannelFull(channel)

    async def receive(self, channel: str) -> dict[str, Any]:
        self.require_valid_channel_name(channel)
        self._clean_expired()
        _, message = await self._queue(channel).get()
        return message

    async def group_send(self, group: str, message: dict[str, Any]) -> None:
        assert isinstance(message, dict), "Message is not a dict"
        self.require_valid_group_name(group)
        self._clean_expired()
        # Straight into each member's queue, in order; a full queue drops the event
        # for that member only, as Channels' layer does.
        for channel in list(self.groups.get(group, ())):
            self._offer(channel, message)


@lru_cache(maxsize=8192)
def _valid_channel_name(
    layer: ChannelsInMemoryChannelLayer, name: str, receive: bool
) -> bool:
    return bool(
        ChannelsInMemoryChannelLayer.require_valid_channel_name(layer, name, receive)
    )
