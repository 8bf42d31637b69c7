"""One-to-one support's settings and safety in the demo (`make demo`): Northgate's
staff scheme keeps teams apart, with its list of departments (set by fran, a
coordinator there); sam and jo spoke on the phone two days ago, and sam is offered
the check after that meeting. Hollybank, a secure service, meets in person only
by its kind, with nothing to seed. Seeding twice adds nothing."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation

from . import actions
from .demo import agreed_back_then
from .models import Match, OneToOneSettings

NORTHGATE_TEAMS = [
    "Emergency department",
    "Intensive care",
    "Maternity",
    "Pharmacy",
    "Theatres",
    "Wards",
]


def seed_pair_safety(people: dict[str, Person], *, riverside: Organisation) -> None:
    northgate = Organisation.objects.filter(slug="northgate-staff").first()
    if (
        northgate is None
        or OneToOneSettings.objects.filter(organisation=northgate).exists()
    ):
        return
    actions.save_pair_settings(
        person=people["fran"],
        organisation=northgate,
        is_in_person_only=False,
        keeps_teams_apart=True,
        teams=NORTHGATE_TEAMS,
    )
    match = (
        Match.objects.active()
        .filter(organisation=riverside, peer=people["sam"], supporter=people["jo"])
        .first()
    )
    if match is None:
        return
    two_days_ago = timezone.localtime().replace(
        hour=18, minute=30, second=0, microsecond=0
    ) - timedelta(days=2)
    agreed_back_then(
        actions.plan_meeting(
            person=people["jo"],
            match=match,
            starts_at=two_days_ago,
            minutes=30,
            format="phone",
        )
    )
    actions.offer_checks_after_meetings(now=timezone.now())
