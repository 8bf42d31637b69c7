"""The rules for the ending and referrals, as a table of who by state: each row
names a person and whether each rule lets them."""

from __future__ import annotations

import pytest

from alongside.accounts.models import Person
from alongside.organisations.models import Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.supporters.models import Supervision
from alongside.supporters.tests.factories import member_of

from .. import actions
from ..ending_models import Basis
from ..models import Match
from ..permissions import (
    can_answer_survey,
    can_countersign,
    can_delete_conversation,
    can_give_consent,
    can_read_surveys,
    can_refer,
    can_sign_referrals,
)
from .ending_factories import agreed, service_of
from .factories import matched, peer_of

pytestmark = pytest.mark.django_db

WHO = ("peer", "supporter", "other_peer", "facilitator", "supervisor", "admin")


def people(match: Match) -> dict[str, Person]:
    organisation = match.organisation
    return {
        "peer": match.peer,
        "supporter": match.supporter,
        "other_peer": peer_of(organisation),
        "facilitator": member_of(organisation, Role.FACILITATOR),
        "supervisor": member_of(organisation, Role.SUPERVISOR),
        "admin": member_of(organisation, Role.ADMIN),
    }


@pytest.mark.parametrize(
    ("who", "refer", "consent", "countersign", "sign_any", "read_surveys"),
    [
        ("peer", False, True, False, False, False),
        ("supporter", True, False, False, False, False),
        ("other_peer", False, False, False, False, False),
        ("facilitator", False, False, False, False, True),
        ("supervisor", False, False, True, True, True),
        ("admin", False, False, True, True, True),
    ],
)
def test_referral_and_survey_rules_while_the_support_goes_on(
    who: str,
    refer: bool,
    consent: bool,
    countersign: bool,
    sign_any: bool,
    read_surveys: bool,
) -> None:
    match = matched(OrganisationFactory.create())
    Supervision.objects.filter(supporter=match.supporter).delete()
    person = people(match)[who]
    with_consent = actions.record_referral(
        person=match.supporter,
        match=match,
        service=service_of(match.organisation),
        basis=Basis.CONSENT,
        items=["name"],
        why="A placeholder.",
    )
    under_limits = actions.record_referral(
        person=match.supporter,
        match=match,
        service=service_of(match.organisation),
        basis=Basis.LIMITS,
        items=["safety"],
        why="A placeholder.",
    )

    assert can_refer(person, match) is refer
    assert can_give_consent(person, with_consent) is consent
    assert can_give_consent(person, under_limits) is False
    assert can_countersign(person, under_limits) is countersign
    assert can_countersign(person, with_consent) is False
    assert can_sign_referrals(person) is sign_any
    assert can_read_surveys(person, match.organisation) is read_surveys
    assert can_answer_survey(person, match) is False
    assert can_delete_conversation(person, match) is False


@pytest.mark.parametrize(
    ("who", "answer_survey", "delete_conversation", "refer"),
    [
        ("peer", True, True, False),
        ("supporter", False, False, False),
        ("other_peer", False, False, False),
        ("admin", False, False, False),
    ],
)
def test_rules_after_the_end(
    who: str, answer_survey: bool, delete_conversation: bool, refer: bool
) -> None:
    match = agreed(matched(OrganisationFactory.create()))
    person = people(match)[who]
    actions.end_support(person=match.peer, match=match)
    match.refresh_from_db()

    assert can_answer_survey(person, match) is answer_survey
    assert can_delete_conversation(person, match) is delete_conversation
    assert can_refer(person, match) is refer
