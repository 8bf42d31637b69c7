"""Writing the short debrief after a meeting someone facilitated: "anything to pass
on, anything you need?". Optional, sealed, and for their supervisor only; the
supervisor is told that one is waiting, never what it says."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.notifications.actions import notify

from .debrief_permissions import can_write_debrief
from .facilitating_models import FacilitatedMeeting, MeetingDebrief
from .permissions import current_supervisor_of


@transaction.atomic
def write_debrief(
    *, person: Person, facilitated: FacilitatedMeeting, to_pass_on: str, needs: str
) -> MeetingDebrief:
    """The facilitator writes (or rewrites) their debrief; it goes to their current
    supervisor, who is told once. Needs a supervisor, and some words: an empty
    debrief is simply not written."""
    if not can_write_debrief(person, facilitated):
        raise PermissionDenied
    to_pass_on, needs = to_pass_on.strip(), needs.strip()
    if not to_pass_on and not needs:
        raise ValidationError(
            "There is nothing written yet. A debrief is optional: you can leave it."
        )
    supervisor = current_supervisor_of(person, facilitated.organisation)
    if supervisor is None:
        raise ValidationError(
            "You do not have a supervisor yet, so there is nobody to send it to. "
            "What you wrote is still here."
        )
    debrief, created = MeetingDebrief.objects.update_or_create(
        facilitated_meeting=facilitated,
        defaults={
            "organisation": facilitated.organisation,
            "supervisor": supervisor,
            "to_pass_on": to_pass_on,
            "needs": needs,
        },
    )
    if created:
        notify(
            people=[supervisor],
            message="Someone you supervise left a short debrief after a meeting they "
            "facilitated.",
            link=reverse(
                "supporters:debrief-detail", kwargs={"debrief_id": debrief.pk}
            ),
        )
    return debrief
