""" "I need help" soon: asking and answering. Help now is a call through the
escalation chain (alongside.safety.help_actions), so that it moves on through
the duty rota and the chain's own task, like every alert."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.actions import notify
from alongside.organisations.models import Organisation
from alongside.supporters.models import (
    HelpRequest,
    Urgency,
)
from alongside.supporters.permissions import (
    check_acknowledge_help,
    check_ask_for_help,
    supervision_route_of,
)


def _people_to_ask(help_request: HelpRequest) -> list[Person]:
    """The asker's own supervisor; without one, the organisation's supervisors;
    without any, its admins. Never the asker."""
    return supervision_route_of(
        help_request.person, help_request.organisation, excluding=frozenset()
    )


@transaction.atomic
def ask_for_help(
    *,
    person: Person,
    organisation: Organisation,
    urgency: str = Urgency.SOON,
    now: datetime | None = None,
) -> HelpRequest:
    """A supporter asks to talk with a supervisor in the next two working days. It
    reaches their supervisor (see _people_to_ask), in their inbox. An open request
    is given back rather than sent twice."""
    check_ask_for_help(person, organisation)
    if urgency not in Urgency.values:
        raise ValidationError({"urgency": "Please choose now or soon."})
    existing = (
        HelpRequest.objects.open()
        .filter(organisation=organisation, person=person, urgency=urgency)
        .first()
    )
    if existing is not None:
        return existing
    help_request = HelpRequest.objects.create(
        organisation=organisation,
        person=person,
        urgency=urgency,
        created_at=now or timezone.now(),
    )
    people = _people_to_ask(help_request)
    if people:
        help_request.alerted.add(*people)
        notify(
            people=people,
            message="A supporter would like to talk with a supervisor in the next two "
            "working days. Please open it and get in touch.",
            link=reverse(
                "supporters:help-detail", kwargs={"help_request_id": help_request.pk}
            ),
        )
    return help_request


@transaction.atomic
def acknowledge_help(*, person: Person, help_request: HelpRequest) -> HelpRequest:
    """Someone it reached answers it, and the supporter is told someone will be in
    touch. If someone answered first, theirs is kept."""
    help_request = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    if not help_request.is_open:
        return help_request
    check_acknowledge_help(person, help_request)
    help_request.acknowledged_by = person
    help_request.acknowledged_at = timezone.now()
    help_request.save(update_fields=["acknowledged_by", "acknowledged_at"])
    notify(
        people=[help_request.person],
        message="A supervisor has seen that you asked to talk and will be in touch "
        "with you.",
        link=reverse(
            "supporters:help-detail", kwargs={"help_request_id": help_request.pk}
        ),
    )
    return help_request
