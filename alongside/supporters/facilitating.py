"""Keeping the meetings supporters facilitated: the records that count towards
leading alone (`cofacilitating.py`) and that a debrief hangs on (`debriefs.py`).

`record_facilitated_meeting` is a system action for alongside.meetings, which sits
above supporters: it checks that the recorder facilitates the group and that the
meeting was held, then calls this with the meeting's id and time.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.notifications.actions import notify
from alongside.organisations.models import Organisation

from .cofacilitating import is_experienced_facilitator
from .facilitating_models import FacilitatedMeeting
from .permissions import is_supporter


@transaction.atomic
def record_facilitated_meeting(
    *,
    recorder: Person,
    organisation: Organisation,
    occurrence_id: int,
    held_at: datetime,
    facilitators: list[Person],
) -> list[FacilitatedMeeting]:
    """Keep who facilitated a held meeting. Each facilitator's record counts towards
    leading alone when someone experienced was among the others. Saying it again
    replaces the list (a record with a debrief is kept). Each facilitator newly
    recorded is thanked in their inbox and offered a debrief for their supervisor.

    Preconditions (checked by the caller, alongside.meetings): the recorder
    facilitates the meeting's group, and the meeting was held."""
    if not facilitators:
        raise ValidationError("Please choose who facilitated the meeting.")
    if any(not is_supporter(person, organisation) for person in facilitators):
        raise ValidationError("Please choose from the group's facilitators.")
    experienced = {
        person.pk
        for person in facilitators
        if is_experienced_facilitator(person, organisation)
    }
    FacilitatedMeeting.objects.filter(
        occurrence_id=occurrence_id, debrief__isnull=True
    ).exclude(person__in=facilitators).delete()
    records = []
    for person in facilitators:
        record, created = FacilitatedMeeting.objects.update_or_create(
            person=person,
            occurrence_id=occurrence_id,
            defaults={
                "organisation": organisation,
                "held_at": held_at,
                "with_experienced": bool(experienced - {person.pk}),
                "recorded_by": recorder,
            },
        )
        records.append(record)
        if created:
            notify(
                people=[person],
                message="Thank you for facilitating. If you like, leave a short "
                "debrief for your supervisor: anything to pass on, anything you "
                "need.",
                link=reverse(
                    "supporters:debrief", kwargs={"facilitated_id": record.pk}
                ),
            )
    return records
