"""Who is in a live room: the one writer of a socket's presence row
(`LiveConnection`). The room's socket calls these as it joins, keeps itself fresh,
steps away and leaves. Each is a system action of the socket itself: the socket has
already checked (`permissions.can_join_live_room`) that the person may be here.

Reading who is here, clearing rows as a server starts and forgetting rows gone stale
are in `live.py` (`presence_in`, `clear_presence`)."""

from __future__ import annotations

from django.utils import timezone

from alongside.accounts.models import Person
from alongside.peergroups.models import PeerGroup

from .models import LiveConnection


def join_room(*, channel_name: str, group: PeerGroup, person: Person) -> None:
    """Count this socket as here. Precondition: the person may join the room."""
    LiveConnection.objects.update_or_create(
        channel_name=channel_name, defaults={"group": group, "person": person}
    )


def still_here(*, channel_name: str, group: PeerGroup, person: Person) -> None:
    """Refresh this socket's row, or put it back if a starting server cleared it
    (live.clear_presence). Precondition: as `join_room`."""
    LiveConnection.objects.update_or_create(
        channel_name=channel_name,
        defaults={"group": group, "person": person, "seen_at": timezone.now()},
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
