"""Saying you will come, taking it back, and offering a freed place to the next
person."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.meetings.actions.shared import (
    RSVP_KEPT_FOR,
    local_phrase,
    occurrence_link,
)
from alongside.meetings.models import Occurrence, Rsvp
from alongside.meetings.permissions import check_rsvp
from alongside.notifications.actions import notify


def say_coming(
    *, person: Person, occurrence: Occurrence, now: datetime | None = None
) -> Rsvp:
    """Say you will come. Optional; nobody else learns who. Saying it twice (a
    double click) keeps the first.

    Preconditions: a current member of the group; the meeting is neither cancelled
    nor begun. When the meeting has a capacity and it is full, the person joins the
    waiting list, first come first served. No one is told.
    """
    check_rsvp(person, occurrence)
    now = now or timezone.now()
    if occurrence.is_cancelled:
        raise ValidationError(
            "This meeting has been cancelled, so there is nothing to say yes to."
        )
    if occurrence.starts_at <= now:
        raise ValidationError("This meeting has already started or finished.")
    existing = Rsvp.objects.filter(occurrence=occurrence, person=person).first()
    if existing is not None:
        return existing
    capacity = occurrence.meeting.capacity
    with transaction.atomic():
        # Lock the occurrence so two people cannot take the last place at once.
        Occurrence.objects.select_for_update().filter(pk=occurrence.pk).first()
        full = (
            capacity is not None
            and Rsvp.objects.filter(occurrence=occurrence).coming().count() >= capacity
        )
        try:
            with transaction.atomic():
                return Rsvp.objects.create(
                    occurrence=occurrence, person=person, is_waiting=full
                )
        except IntegrityError:
            return Rsvp.objects.get(occurrence=occurrence, person=person)


def withdraw_coming(*, person: Person, occurrence: Occurrence) -> bool:
    """Take back "I will come". Nobody notices or minds; nothing is recorded.

    Side effects: if this frees a place, the first person on the waiting list gets
    it and is told privately (a note only to them). Returns whether there was one.
    """
    check_rsvp(person, occurrence)
    with transaction.atomic():
        Occurrence.objects.select_for_update().filter(pk=occurrence.pk).first()
        rsvp = Rsvp.objects.filter(occurrence=occurrence, person=person).first()
        if rsvp is None:
            return False
        was_coming = not rsvp.is_waiting
        rsvp.delete()
        if was_coming:
            _offer_place(occurrence)
    return True


def _offer_place(occurrence: Occurrence) -> None:
    capacity = occurrence.meeting.capacity
    if capacity is None:
        return
    if Rsvp.objects.filter(occurrence=occurrence).coming().count() >= capacity:
        return
    first = Rsvp.objects.filter(occurrence=occurrence).waiting().first()
    if first is None:
        return
    first.is_waiting = False
    first.save(update_fields=["is_waiting"])
    message = (
        "A place has come up for a meeting you hoped to come to, at "
        f"{local_phrase(occurrence.starts_at, occurrence.meeting.time_zone)}. "
        "It is yours if you want it."
    )
    transaction.on_commit(
        partial(
            notify,
            people=[first.person],
            message=message,
            link=occurrence_link(occurrence),
        )
    )


def forget_old_rsvps(*, now: datetime | None = None) -> int:
    """Delete every RSVP a week after its meeting ended (cancelled ones too). A
    system action: the worker runs it. Returns how many went."""
    now = now or timezone.now()
    deleted, _ = Rsvp.objects.filter(
        occurrence__ends_at__lt=now - RSVP_KEPT_FOR
    ).delete()
    return deleted
