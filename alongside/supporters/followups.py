"""Follow-ups after a crisis a supporter handled: offered, never required, and
never reported to anyone. Three days and four weeks after, the supporter gets a
kind note in their inbox, pointing to a check-in and to "I need help".

`offer_crisis_follow_ups` is a system action for alongside.safety (taking up an
alert about someone at risk, recording a serious incident). The daily check
(`actions.check_supporters_daily`, the database task worker) sends what is due.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.actions import notify
from alongside.organisations.models import Organisation

from .followup_models import FOLLOW_UP_DAYS, FollowUp, FollowUpStep
from .permissions import is_supporter

MESSAGES = {
    FollowUpStep.THREE_DAYS: "A few days ago you helped someone through a crisis. "
    "How are you doing? A check-in takes a minute, and you can ask for help or a "
    "talk at any time. Nobody else sees this.",
    FollowUpStep.FOUR_WEEKS: "It is four weeks since you helped someone through a "
    "crisis. Things can catch up with us later: how are you now? A check-in, or a "
    "talk with your supervisor, is there if you want it. Nobody else sees this.",
}


@transaction.atomic
def offer_crisis_follow_ups(
    *, person: Person, organisation: Organisation, on: date | None = None
) -> list[FollowUp]:
    """Plan the two follow-ups for a supporter who handled a crisis. Nobody is told
    now, and nobody else ever. A follow-up still waiting is not planned twice
    (several alerts on one shift bring one note, not several)."""
    if not is_supporter(person, organisation):
        return []
    day = on or timezone.localdate()
    planned = []
    for step, days in FOLLOW_UP_DAYS.items():
        waiting = FollowUp.objects.filter(
            organisation=organisation, person=person, step=step, sent_at__isnull=True
        ).exists()
        if not waiting:
            planned.append(
                FollowUp.objects.create(
                    organisation=organisation,
                    person=person,
                    step=step,
                    due_on=day + timedelta(days=days),
                )
            )
    return planned


def send_due_follow_ups(*, today: date | None = None) -> int:
    """Send each follow-up due by today, once. A system action for the daily check;
    returns how many were sent. Someone who is no longer a supporter there is not
    written to."""
    today = today or timezone.localdate()
    sent = 0
    for follow_up in FollowUp.objects.due_on(today).select_related(
        "organisation", "person"
    ):
        with transaction.atomic():
            marked = FollowUp.objects.filter(
                pk=follow_up.pk, sent_at__isnull=True
            ).update(sent_at=timezone.now())
            if not marked or not is_supporter(follow_up.person, follow_up.organisation):
                continue
            notify(
                people=[follow_up.person],
                message=MESSAGES[FollowUpStep(follow_up.step)],
                link=reverse(
                    "supporters:check-in",
                    kwargs={"slug": follow_up.organisation.slug},
                ),
            )
            sent += 1
    return sent
