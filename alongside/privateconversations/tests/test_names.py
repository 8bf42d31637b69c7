"""Without a group name, people in a private conversation go by the name they chose
for others to see, or a kind fallback; never by how they sign in."""

from __future__ import annotations

import pytest

from alongside.organisations.models import Role
from alongside.organisations.tests.factories import OrganisationFactory

from ..names import PERSON_FALLBACK, TEAM_FALLBACK, person_name, team_name
from .factories import member_of

pytestmark = pytest.mark.django_db


def test_a_chosen_name_is_used_where_there_is_no_group_name() -> None:
    organisation = OrganisationFactory.create()
    staff = member_of(organisation, Role.FACILITATOR)
    peer = member_of(organisation)
    staff.known_as, peer.known_as = "Fran (facilitator)", "Sam R"

    assert team_name(staff, organisation, None) == "Fran (facilitator)"
    assert person_name(peer, organisation, None) == "Sam R"


def test_without_a_chosen_name_the_fallbacks_stay() -> None:
    organisation = OrganisationFactory.create()
    staff = member_of(organisation, Role.FACILITATOR)
    peer = member_of(organisation)

    assert team_name(staff, organisation, None) == TEAM_FALLBACK
    assert person_name(peer, organisation, None) == PERSON_FALLBACK.format(
        organisation=organisation.name
    )
    assert staff.username not in team_name(staff, organisation, None)
