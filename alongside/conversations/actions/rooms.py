"""Opening and closing a group's live room."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.conversations import live
from alongside.conversations.models import (
    LiveRoom,
)
from alongside.conversations.permissions import (
    check_manage_live_room,
)
from alongside.peergroups.models import PeerGroup


@transaction.atomic
def open_live_room(*, person: Person, group: PeerGroup) -> LiveRoom:
    """A facilitator opens the room for a meeting."""
    check_manage_live_room(person, group)
    room, _ = LiveRoom.objects.get_or_create(group=group)
    room.is_open = True
    room.opened_at = timezone.now()
    room.save()
    transaction.on_commit(lambda: live.room_changed(group.pk, is_open=True))
    return room


@transaction.atomic
def close_live_room(*, person: Person, group: PeerGroup) -> LiveRoom:
    """A facilitator closes the room after a meeting. Everything said stays readable."""
    check_manage_live_room(person, group)
    room, _ = LiveRoom.objects.get_or_create(group=group)
    room.is_open = False
    room.save()
    is_open = room.is_open_now
    transaction.on_commit(lambda: live.room_changed(group.pk, is_open=is_open))
    return room


@transaction.atomic
def set_room_always_open(
    *, person: Person, group: PeerGroup, is_always_open: bool
) -> LiveRoom:
    """The group chooses a room that is always open, or one opened for meetings."""
    check_manage_live_room(person, group)
    room, _ = LiveRoom.objects.get_or_create(group=group)
    room.is_always_open = is_always_open
    room.save()
    is_open = room.is_open_now
    transaction.on_commit(lambda: live.room_changed(group.pk, is_open=is_open))
    return room
