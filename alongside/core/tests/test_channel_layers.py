"""The in-process channel layer delivers as Channels' own does, with less work."""

from __future__ import annotations

import asyncio

import pytest
from channels.exceptions import ChannelFull

from alongside.core.channel_layers import InMemoryChannelLayer


def test_group_send_reaches_every_member_in_order() -> None:
    async def scenario() -> None:
        layer = InMemoryChannelLayer()
        first = await layer.new_channel()
        second = await layer.new_channel()
        await layer.group_add("live-1", first)
        await layer.group_add("live-1", second)
        for number in range(3):
            await layer.group_send("live-1", {"type": "x", "number": number})
        for channel in (first, second):
            got = [(await layer.receive(channel))["number"] for _ in range(3)]
            assert got == [0, 1, 2]

    asyncio.run(scenario())


def test_each_receiver_gets_its_own_copy_of_the_event() -> None:
    async def scenario() -> None:
        layer = InMemoryChannelLayer()
        first = await layer.new_channel()
        second = await layer.new_channel()
        await layer.group_add("live-1", first)
        await layer.group_add("live-1", second)
        event = {"type": "x", "number": 1}
        await layer.group_send("live-1", event)
        received = await layer.receive(first)
        received["number"] = 2
        assert (await layer.receive(second))["number"] == 1
        assert event["number"] == 1

    asyncio.run(scenario())


def test_a_discarded_channel_stops_receiving_group_events() -> None:
    async def scenario() -> None:
        layer = InMemoryChannelLayer()
        channel = await layer.new_channel()
        await layer.group_add("live-1", channel)
        await layer.group_discard("live-1", channel)
        await layer.group_send("live-1", {"type": "x"})
        assert channel not in layer.channels

    asyncio.run(scenario())


def test_a_full_channel_refuses_sends_and_is_skipped_by_group_sends() -> None:
    async def scenario() -> None:
        layer = InMemoryChannelLayer(capacity=1)
        full = await layer.new_channel()
        other = await layer.new_channel()
        await layer.group_add("live-1", full)
        await layer.group_add("live-1", other)
        await layer.send(full, {"type": "x", "number": 0})
        with pytest.raises(ChannelFull):
            await layer.send(full, {"type": "x", "number": 1})
        await layer.group_send("live-1", {"type": "x", "number": 2})
        assert (await layer.receive(full))["number"] == 0
        assert (await layer.receive(other))["number"] == 2

    asyncio.run(scenario())


def test_idle_queues_are_dropped_by_the_clean_up() -> None:
    async def scenario() -> None:
        layer = InMemoryChannelLayer()
        channel = await layer.new_channel()
        await layer.send(channel, {"type": "x"})
        await layer.receive(channel)
        assert channel in layer.channels
        layer._next_clean_at = 0.0
        layer._clean_expired()
        assert channel not in layer.channels

    asyncio.run(scenario())


def test_invalid_channel_names_are_refused() -> None:
    async def scenario() -> None:
        layer = InMemoryChannelLayer()
        with pytest.raises(TypeError):
            await layer.send("not a name!", {"type": "x"})

    asyncio.run(scenario())
