"""Every change to notifications: sending one, and marking them read."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from django.db import transaction
from django.utils import timezone

from alongside.accounts.models import Person

from .models import Notification
from .tasks import email_notification


def notify(*, people: Iterable[Person], message: str, link: str = "") -> None:
    """Once the caller's change commits, leave a note in each person's inbox and
    email those who asked a generic "something new" note (never the message
    itself). Callers call it inside their action; a change that is rolled back tells
    nobody. Outside a transaction it happens at once.

    `message` must be the system's own words: never anything a peer wrote. Callers
    decide who should hear (for example, not people taking a break from a group).
    """
    transaction.on_commit(partial(_leave_notes, list(people), message, link))


def _leave_notes(people: list[Person], message: str, link: str) -> None:
    for person in people:
        Notification.objects.create(person=person, message=message, link=link)
        if person.can_receive_email:
            email_notification.enqueue(person.pk)


def mark_all_read(*, person: Person) -> int:
    """Mark every unread note of the person's own as read now; returns how many.
    Touches nobody else's notes and tells nobody."""
    return Notification.objects.unread_for(person).update(read_at=timezone.now())
