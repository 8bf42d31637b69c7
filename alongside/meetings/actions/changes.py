"""Telling people about a changed or cancelled meeting, by the background worker after
the commit. Notes never name the group, its topic or the place."""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django_tasks import task

from alongside.accounts.models import Person
from alongside.meetings.actions.shared import (
    local_phrase,
    occurrence_link,
    people_to_tell,
)
from alongside.meetings.models import Occurrence
from alongside.notifications.actions import notify


def tell_later(occurrence: Occurrence, what: str) -> None:
    """After commit, queue telling people that this meeting changed."""
    transaction.on_commit(partial(tell_about_change_task.enqueue, occurrence.pk, what))


CHANGE_WORDS = {
    "new": "A new meeting has been added to one of your groups, starting {when}.",
    "moved": "A meeting in one of your groups has moved. It now starts {when}.",
    "cancelled": "A meeting in one of your groups, due {when}, has been cancelled.",
}


def tell_about_change(*, occurrence_id: int, what: str) -> int:
    """Leave a neutral note about a new, moved or cancelled meeting for each person
    who chose reminders for the group, or said they would come. A system action:
    the worker runs it. Returns how many were told."""
    occurrence = (
        Occurrence.objects.filter(pk=occurrence_id).select_related("meeting").first()
    )
    if occurrence is None or what not in CHANGE_WORDS:
        return 0
    people = list(Person.objects.filter(pk__in=people_to_tell(occurrence)))
    when = local_phrase(occurrence.starts_at, occurrence.meeting.time_zone)
    notify(
        people=people,
        message=CHANGE_WORDS[what].format(when=when),
        link=occurrence_link(occurrence),
    )
    return len(people)


@task()
def tell_about_change_task(occurrence_id: int, what: str) -> int:
    """Tell the people who chose reminders that a meeting is new, moved or
    cancelled."""
    return tell_about_change(occurrence_id=occurrence_id, what=what)
