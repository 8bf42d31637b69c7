"""Every change to notifications: sending one, and marking them read."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from django.db import transaction
from django.utils import timezone

from alongside.accounts.models import Person

from .models import Notification
from .tasks import email_notification


def notify(
    *, people: Iterable[Person], message: str, link: str = ""
) -> list[Notification]:
    """Leave a note in each person's inbox, and email those who asked a generic
    "something new" note (never the message itself), after commit.

    `message` must be the system's own words: never anything a peer wrote. Callers
    decide who should hear (for example, not people taking a break from a group).
    """
    created = [
        Notification.objects.create(person=person, message=message, link=link)
        for person in people
    ]
    for notification in created:
        if notification.person.can_receive_email:
            transaction.on_commit(
                partial(email_notification.enqueue, notification.person.pk)
            )
    return created


def mark_all_read(*, person: Person) -> int:
    """Mark every unread note of the person's own as read now; returns how many.
    Touches nobody else's notes and tells nobody."""
    return Notification.objects.unread_for(person).update(read_at=timezone.now())
