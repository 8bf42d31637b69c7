"""Who is in a live room: the one writer of a socket's presence row
(`LiveConnection`). The room's socket calls these as it joins, keeps itself fresh,
steps away and leaves. Each is a system action of the socket itself: the socket has
already checked (`permissions.can_join_live_room`) that the person may be here.

Reading who is here is in `live.py` (`presence_in`), which forgets rows gone stale
through `forget_stale` here; `clear_presence` runs as a server starts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from alongside.accounts.models import Person
from alongside.peergroups.models import PeerGroup

from .models import LiveConnection


def join_room(*, channel_name: str, group: PeerGroup, person: Person) -> None:
    """Count this socket as here. Precondition: the person may join the room."""
    LiveConnection.objects.update_or_create(
        channel_name=channel_name, defaults={"group": group, "person": person}
    )


@dataclass(frozen=True)
class Row:
    """What a socket's presence row holds about whose socket it is and where."""

    channel_name: str
    group_id: int
    person_id: int


# Rows refreshed in one statement; well inside every database's limit on parameters.
ROWS_AT_ONCE = 500


def still_here_together(*, rows: list[Row]) -> None:
    """Refresh the rows of many sockets at once (every socket of a server
    process), or put back those a starting server cleared (clear_presence): one
    update, and only when some were missing one read and one insert. Precondition:
    as `join_room`, for each."""
    now = timezone.now()
    for start in range(0, len(rows), ROWS_AT_ONCE):
        chunk = rows[start : start + ROWS_AT_ONCE]
        names = [row.channel_name for row in chunk]
        refreshed = LiveConnection.objects.filter(channel_name__in=names).update(
            seen_at=now
        )
        if refreshed == len(chunk):
            continue
        kept = set(
            LiveConnection.objects.filter(channel_name__in=names).values_list(
                "channel_name", flat=True
            )
        )
        LiveConnection.objects.bulk_create(
            [
                LiveConnection(
                    channel_name=row.channel_name,
                    group_id=row.group_id,
                    person_id=row.person_id,
                    seen_at=now,
                )
                for row in chunk
                if row.channel_name not in kept
            ],
            ignore_conflicts=True,
        )


def step_away(*, channel_name: str, is_away: bool, shows_away: bool) -> None:
    """Mark this socket as away (or back), and whether others see "taking a
    moment" rather than "here". Counts as a refresh."""
    LiveConnection.objects.filter(channel_name=channel_name).update(
        is_away=is_away, shows_away=shows_away, seen_at=timezone.now()
    )


def leave_room(*, channel_name: str) -> None:
    """Stop counting this socket as here. Safe to call twice."""
    LiveConnection.objects.filter(channel_name=channel_name).delete()


def forget_stale(*, group_id: int, before: datetime) -> None:
    """Forget the group's rows not refreshed since `before`: their sockets are gone
    without a goodbye. A system action of the room's presence reading."""
    LiveConnection.objects.filter(group_id=group_id, seen_at__lt=before).delete()


def clear_presence() -> int:
    """Forget every row of who is here: run as a server starts (scripts/serve.sh), so
    nobody is counted through a socket the stopped server held. Sockets still open on
    other processes put their rows back at their next refresh. Returns how many went."""
    deleted, _ = LiveConnection.objects.all().delete()
    return deleted
