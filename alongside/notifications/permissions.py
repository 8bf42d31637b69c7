"""Who may see which notifications. The only place that decides.

A notification is its person's alone: nobody else reads it, opens it or marks it
read, staff included. Anyone else asking for it by id gets 404, as if it did not
exist.
"""

from __future__ import annotations

from django.http import Http404

from alongside.accounts.models import Person

from .models import Notification, NotificationQuerySet


def notifications_visible_to(person: Person) -> NotificationQuerySet:
    """The person's own notifications; none when not signed in. Reads only."""
    if not person.is_authenticated:
        return Notification.objects.none()
    return Notification.objects.for_person(person)


def get_notification_for(person: Person, notification_id: int) -> Notification:
    """One of the person's own notifications; 404 for anyone else's, and for one
    that is missing. Reads only."""
    try:
        return notifications_visible_to(person).get(pk=notification_id)
    except Notification.DoesNotExist:
        raise Http404 from None


def check_own_notification(person: Person, notification: Notification) -> None:
    """Raises Http404 unless the note is the person's own. No side effects."""
    if not person.is_authenticated or notification.person_id != person.pk:
        raise Http404
