"""Venues and their safety checklists, and the members' answers about a venue."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.meetings.actions.shared import DOUBLE_CLICK, LONGEST_WAIVER_DAYS
from alongside.meetings.models import (
    ACCESS_FACTS,
    CHECKLIST,
    VENUE_CHECK_EVERY,
    VENUE_QUESTIONS,
    Felt,
    Occurrence,
    Venue,
    VenueCheck,
    VenueCheckTurn,
)
from alongside.meetings.permissions import (
    check_answer_venue_check,
    check_manage_venues,
    check_waive_checklist,
    venue_check_blocker,
)
from alongside.organisations.models import UNDO_WINDOW, Organisation
from alongside.organisations.permissions import role_in


def answer_venue_check(
    *,
    person: Person,
    occurrence: Occurrence,
    answers: dict[str, str],
    today: date | None = None,
) -> VenueCheck:
    """Keep a member's three answers about the venue of a meeting they could have
    come to, with no link to them: no person, and only the day.

    Preconditions: a current member; the meeting at the venue is over; they have
    not answered about this venue in the last three months (venue_check_blocker).
    Side effects: their next turn is kept by month only, apart from the answers.
    """
    check_answer_venue_check(person, occurrence)
    blocker = venue_check_blocker(person, occurrence, today)
    if blocker:
        raise ValidationError(blocker)
    if set(answers) != {name for name, _ in VENUE_QUESTIONS} or any(
        value not in Felt.values for value in answers.values()
    ):
        raise ValidationError("Please choose an answer for each question.")
    today = today or timezone.localdate()
    venue_id = occurrence.meeting.venue_id
    assert venue_id is not None
    after = today + VENUE_CHECK_EVERY
    next_from = (after.replace(day=1) + timedelta(days=32)).replace(day=1)
    with transaction.atomic():
        check = VenueCheck.objects.create(
            venue_id=venue_id, answered_on=today, **answers
        )
        VenueCheckTurn.objects.update_or_create(
            person=person, venue_id=venue_id, defaults={"next_from": next_from}
        )
    return check


def save_venue(
    *,
    person: Person,
    organisation: Organisation,
    venue: Venue | None,
    fields: dict[str, object],
    today: date | None = None,
) -> Venue:
    """Add a venue, or change its facts. When any access fact changes, they are
    marked as checked today by the person's role.

    Preconditions: the person is staff of the organisation; the venue (if any)
    is the organisation's. No side effects.
    """
    check_manage_venues(person, organisation)
    if venue is not None and venue.organisation_id != organisation.pk:
        raise PermissionDenied
    today = today or timezone.localdate()
    if venue is None:
        # A double click on "Add the venue" adds it once.
        venue = Venue.objects.in_use().filter(
            organisation=organisation,
            name=fields.get("name", ""),
            created_at__gte=timezone.now() - DOUBLE_CLICK,
        ).first() or Venue(organisation=organisation)
    access_names = {"step_free", *(name for name, _ in ACCESS_FACTS)}
    access_changed = venue.pk is None or any(
        getattr(venue, name) != fields[name] for name in access_names if name in fields
    )
    for name, value in fields.items():
        setattr(venue, name, value)
    if access_changed:
        venue.access_checked_on = today
        venue.access_checked_by_role = role_in(person, organisation) or ""
    venue.save()
    return venue


def complete_checklist(
    *,
    person: Person,
    venue: Venue,
    ticked: Iterable[str],
    today: date | None = None,
) -> Venue:
    """Record the being-safe checklist as complete today, by the person's role.

    Preconditions: staff of the venue's organisation; every item ticked (an
    unticked item is a kind message, and what was ticked stays). No side effects.
    """
    check_manage_venues(person, venue.organisation)
    ticked = set(ticked)
    missing = [label for name, label in CHECKLIST if name not in ticked]
    if missing:
        raise ValidationError(
            "Every item needs a tick before the checklist is complete. Still to "
            "check: " + " ".join(missing)
        )
    today = today or timezone.localdate()
    for name, _ in CHECKLIST:
        setattr(venue, name, True)
    venue.checklist_completed_on = today
    venue.checklist_completed_by_role = role_in(person, venue.organisation) or ""
    venue.save()
    return venue


def waive_checklist(
    *, person: Person, venue: Venue, days: int, now: datetime | None = None
) -> Venue:
    """Let meetings be published at a venue whose checklist is overdue, for up to
    30 days. Preconditions: an admin of the organisation. The decision is kept on
    the venue (who, when, until when) and shown on its page."""
    check_waive_checklist(person, venue.organisation)
    if not 1 <= days <= LONGEST_WAIVER_DAYS:
        raise ValidationError(
            f"Please choose between 1 and {LONGEST_WAIVER_DAYS} days."
        )
    now = now or timezone.now()
    venue.checklist_waived_by = person
    venue.checklist_waived_at = now
    venue.checklist_waived_until = timezone.localdate(now) + timedelta(days=days)
    venue.save(
        update_fields=[
            "checklist_waived_by",
            "checklist_waived_at",
            "checklist_waived_until",
        ]
    )
    return venue


def remove_venue(*, person: Person, venue: Venue, now: datetime | None = None) -> Venue:
    """Take a venue out of use. Refused, kindly, while meetings still to come are
    held there; past meetings keep it. Removing it twice changes nothing."""
    check_manage_venues(person, venue.organisation)
    now = now or timezone.now()
    if venue.removed_at is not None:
        return venue
    still_used = Occurrence.objects.filter(
        meeting__venue=venue, is_cancelled=False, ends_at__gt=now
    ).count()
    if still_used:
        raise ValidationError(
            f"{still_used} meeting{'s' if still_used != 1 else ''} still to come "
            f"{'are' if still_used != 1 else 'is'} held here. Please move or cancel "
            "them first, or choose another venue for them."
        )
    venue.removed_at = now
    venue.save(update_fields=["removed_at"])
    return venue


@transaction.atomic
def restore_venue(*, person: Person, venue: Venue) -> bool:
    """Put a removed venue back in use, if it was removed within UNDO_WINDOW.
    False when it is too late, so the page can say so."""
    check_manage_venues(person, venue.organisation)
    if venue.removed_at is None:
        return True
    if venue.removed_at < timezone.now() - UNDO_WINDOW:
        return False
    venue.removed_at = None
    venue.save(update_fields=["removed_at"])
    return True
