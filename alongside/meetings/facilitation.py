"""Saying who facilitated a meeting once it has been held. The record belongs to
alongside.supporters (it counts towards a new facilitator leading alone, and a
facilitator's debrief hangs on it); this checks the meeting's side and calls its
system action."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.peergroups.models import Membership
from alongside.supporters.facilitating import record_facilitated_meeting
from alongside.supporters.facilitating_models import FacilitatedMeeting

from .models import Occurrence
from .permissions import check_manage_meetings


def facilitators_of_group(occurrence: Occurrence) -> list[Membership]:
    """The group's current facilitators: the people who can be said to have
    facilitated it."""
    return list(
        Membership.objects.facilitating()
        .filter(group=occurrence.meeting.group)
        .select_related("person")
        .order_by("display_name", "pk")
    )


@transaction.atomic
def record_who_facilitated(
    *,
    person: Person,
    occurrence: Occurrence,
    facilitators: list[Person],
    now: datetime | None = None,
) -> list[FacilitatedMeeting]:
    """Keep who facilitated a held meeting (not cancelled, and begun).

    Preconditions: the person facilitates the group (check_manage_meetings); each
    one chosen is a current facilitator of the group. Side effects: those newly
    recorded are thanked and offered a debrief (alongside.supporters)."""
    group = occurrence.meeting.group
    check_manage_meetings(person, group)
    now = now or timezone.now()
    if occurrence.is_cancelled or occurrence.starts_at > now:
        raise ValidationError(
            "You can say who facilitated a meeting once it has happened."
        )
    allowed = {membership.person_id for membership in facilitators_of_group(occurrence)}
    if any(chosen.pk not in allowed for chosen in facilitators):
        raise ValidationError("Please choose from the group's facilitators.")
    return record_facilitated_meeting(
        recorder=person,
        organisation=group.organisation,
        occurrence_id=occurrence.pk,
        held_at=occurrence.starts_at,
        facilitators=facilitators,
    )
