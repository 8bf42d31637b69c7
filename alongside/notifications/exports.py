"""What a person's data download holds from notifications. Used by
alongside.privacy.registry."""

from __future__ import annotations

from alongside.accounts.models import Person
from alongside.core.exports import Row, when

from .models import Notification


def export_notifications(person: Person) -> list[Row]:
    # Notifications are written by the system, never by another peer.
    return [
        {
            "message": n.message,
            "created_at": when(n.created_at),
            "read_at": when(n.read_at),
        }
        for n in Notification.objects.filter(person=person)
    ]
