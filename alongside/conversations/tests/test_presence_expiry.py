"""Nobody is shown as here after their server has stopped: presence not refreshed
within a minute is not counted, a starting server forgets what a stopped one left,
and a socket that is still open keeps (or puts back) its own row."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.core.management import call_command
from django.utils import timezone

from alongside.conversations import live, presence, presence_keeper
from alongside.conversations.models import LiveConnection
from alongside.peergroups.models import PeerGroup

from .factories import open_room
from .test_consumers import communicator, receive_until, signed_in


def test_a_socket_refreshes_its_presence_well_within_the_minute_it_lasts() -> None:
    assert timedelta(minutes=1) >= live.STALE_AFTER
    # Two refreshes fit inside the window, so a slow one never drops someone here.
    assert live.STALE_AFTER.total_seconds() > 2 * presence_keeper.REFRESH_SECONDS


@pytest.mark.django_db
@pytest.mark.parametrize("seconds_ago", [61, 120, 15 * 60])
def test_presence_not_refreshed_for_a_minute_is_not_counted(
    group: PeerGroup, seconds_ago: int
) -> None:
    fresh, left_behind = signed_in(group), signed_in(group)
    LiveConnection.objects.create(channel_name="fresh", group=group, person=fresh)
    LiveConnection.objects.create(
        channel_name="from-a-stopped-server",
        group=group,
        person=left_behind,
        seen_at=timezone.now() - timedelta(seconds=seconds_ago),
    )

    assert live.presence_in(group.pk).here == 1
    assert not LiveConnection.objects.filter(person=left_behind).exists()


@pytest.mark.django_db(transaction=True)
def test_a_starting_server_forgets_presence_and_open_sockets_put_theirs_back(
    group: PeerGroup, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(presence_keeper, "REFRESH_SECONDS", 0.05)
    still_here, gone = signed_in(group), signed_in(group)
    open_room(group)
    LiveConnection.objects.create(
        channel_name="held-by-the-stopped-server", group=group, person=gone
    )

    async def scenario() -> None:
        socket = communicator(group, still_here)
        await socket.connect()
        await receive_until(socket, "presence")
        await database_sync_to_async(call_command)("clear_live_presence")
        await asyncio.sleep(0.3)
        people = await database_sync_to_async(
            lambda: set(LiveConnection.objects.values_list("person_id", flat=True))
        )()
        assert people == {still_here.pk}
        await socket.disconnect()

    async_to_sync(scenario)()


@pytest.mark.django_db
def test_one_refresh_keeps_every_socket_of_a_process_and_puts_back_a_cleared_one(
    group: PeerGroup,
) -> None:
    away, here, cleared = signed_in(group), signed_in(group), signed_in(group)
    an_hour_ago = timezone.now() - timedelta(hours=1)
    LiveConnection.objects.create(
        channel_name="away",
        group=group,
        person=away,
        is_away=True,
        shows_away=True,
        seen_at=an_hour_ago,
    )
    LiveConnection.objects.create(
        channel_name="here", group=group, person=here, seen_at=an_hour_ago
    )

    presence.still_here_together(
        rows=[
            presence.Row("away", group.pk, away.pk),
            presence.Row("here", group.pk, here.pk),
            presence.Row("cleared", group.pk, cleared.pk),
        ]
    )

    rows = {row.channel_name: row for row in LiveConnection.objects.all()}
    assert set(rows) == {"away", "here", "cleared"}
    assert all(row.seen_at > an_hour_ago for row in rows.values())
    # Stepping away is kept; only the time is new.
    assert rows["away"].is_away and rows["away"].shows_away
    assert rows["cleared"].person_id == cleared.pk
    assert live.presence_in(group.pk) == live.Presence(
        here=2, taking_a_moment=1, names=[]
    )
