"""The demo shows one-to-one support's settings and the check after a meeting:
Northgate keeps teams apart with its list; Hollybank meets in person only; sam is
offered the check after a meeting with jo, and only sam."""

from __future__ import annotations

import pytest

from alongside.demo.seed import seed
from alongside.organisations.models import Organisation

from ..models import Match
from ..pair_policy import policy_for
from ..permissions import meeting_checks_waiting_for

pytestmark = pytest.mark.django_db


def test_the_demo_shows_the_settings_and_a_check_offered_to_sam() -> None:
    seed()
    seed()

    northgate = policy_for(Organisation.objects.get(slug="northgate-staff"))
    hollybank = policy_for(Organisation.objects.get(slug="hollybank"))
    assert northgate.keeps_teams_apart and "Pharmacy" in northgate.teams
    assert hollybank.is_in_person_only and hollybank.is_in_person_only_fixed
    match = Match.objects.active().get(peer__username="sam")
    assert match.meetings.filter(format="phone").count() == 1
    assert meeting_checks_waiting_for(match.peer, match).exists()
    assert not meeting_checks_waiting_for(match.supporter, match).exists()
