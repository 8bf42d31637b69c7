"""Every change to notifications: sending one, and marking them read."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from django.db import transaction
from django.utils import timezone

from alongside.accounts.models import Person

from .models import Notification
from .permissions import check_own_notification
from .tasks import email_notification


def notify(
    *,
    people: Iterable[Person],
    message: str,
    link: str = "",
    email_copy: bool = True,
) -> None:
    """Once the caller's change commits, leave a note in each person's inbox and
    email those who asked a generic "something new" note (never the message
    itself). Callers call it inside their action; a change that is rolled back tells
    nobody. Outside a transaction it happens at once.

    One notice per event: someone who already has the same note, unread, is not
    given it again (nor emailed again); that note moves to the top instead. So three
    reports of one post, a risky post edited twice, or a double click never leave
    three identical notes. Once read, the next one arrives as new.

    `message` must be the system's own words: never anything a peer wrote. Callers
    decide who should hear (for example, not people taking a break from a group).
    A caller that sends an email of its own about the same event (an alert) passes
    `email_copy=False`, so nobody is emailed twice.
    """
    transaction.on_commit(
        partial(_leave_notes, list(people), message, link, email_copy=email_copy)
    )


def _leave_notes(
    people: list[Person], message: str, link: str, *, email_copy: bool = True
) -> None:
    people = list({person.pk: person for person in people}.values())
    waiting = Notification.objects.filter(
        person__in=people, message=message, link=link, read_at__isnull=True
    )
    already = set(waiting.values_list("person_id", flat=True))
    if already:
        waiting.update(created_at=timezone.now())
    for person in people:
        if person.pk in already:
            continue
        Notification.objects.create(person=person, message=message, link=link)
        if email_copy and person.can_receive_email:
            email_notification.enqueue(person.pk)


def mark_all_read(*, person: Person) -> int:
    """Mark every unread note of the person's own as read now; returns how many.
    Touches nobody else's notes and tells nobody."""
    return Notification.objects.unread_for(person).update(read_at=timezone.now())


def mark_read(*, person: Person, notification: Notification) -> Notification:
    """The person has opened their own note: it is read from now (the first time
    only). Raises Http404 for anyone else's note; tells nobody."""
    check_own_notification(person, notification)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_read_without_links(
    *, person: Person, notifications: Iterable[Notification]
) -> int:
    """Notes with nothing to open are read in full on the inbox: showing them there
    is opening them. Only the person's own, unread, link-less notes change."""
    ids = [note.pk for note in notifications if not note.link and not note.read_at]
    return (
        Notification.objects.unread_for(person)
        .filter(pk__in=ids)
        .update(read_at=timezone.now())
    )
