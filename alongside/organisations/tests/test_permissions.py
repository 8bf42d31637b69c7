"""Role-by-state tables for every rule in organisations/permissions.py."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from alongside.accounts.models import Person
from alongside.organisations import permissions
from alongside.organisations.models import GroupCreation, Organisation, Role
from alongside.peergroups.tests.factories import PeerGroupFactory
from alongside.peergroups.tests.states import STATES, person_in_state


def person_and_organisation(state: str) -> tuple[Person, Organisation]:
    group = PeerGroupFactory.create()
    return person_in_state(state, group), group.organisation


EXPECTED_ROLE = {
    "none": Role.PEER,
    "requested": Role.PEER,
    "active": Role.PEER,
    "paused": Role.PEER,
    "left": Role.PEER,
    "declined": Role.PEER,
    "facilitator": Role.FACILITATOR,
    "org admin": Role.ADMIN,
    "supervisor": Role.SUPERVISOR,
    "other group": Role.PEER,
    "other organisation": None,
}

STAFF_STATES = {"facilitator", "org admin", "supervisor"}

# Who may start a group, for each of the organisation's choices.
# Y: allowed, .: not allowed. Columns follow STATES.
#                       none req act pau left dec fac adm sup ogr oorg
CREATE_GROUP = {
    GroupCreation.ADMINS: ".   .   .   .   .    .   .   Y   .   .   .",
    GroupCreation.STAFF:  ".   .   .   .   .    .   Y   Y   Y   .   .",
    GroupCreation.ANYONE: "Y   Y   Y   Y   Y    Y   Y   Y   Y   Y   .",
}  # fmt: skip


def create_group_table() -> list[tuple[str, str, bool]]:
    rows: list[tuple[str, str, bool]] = []
    for policy, marks in CREATE_GROUP.items():
        values = marks.split()
        assert len(values) == len(STATES)
        rows.extend(
            (policy.value, state, value == "Y")
            for state, value in zip(STATES, values, strict=True)
        )
    return rows


@pytest.mark.django_db
@pytest.mark.parametrize("state", STATES)
def test_role_in_by_state(state: str) -> None:
    person, organisation = person_and_organisation(state)

    assert permissions.role_in(person, organisation) == EXPECTED_ROLE[state]


@pytest.mark.django_db
@pytest.mark.parametrize("state", STATES)
def test_organisation_is_visible_only_to_its_own_people(state: str) -> None:
    person, organisation = person_and_organisation(state)

    visible = organisation in permissions.organisations_visible_to(person)

    assert visible is (state != "other organisation")


@pytest.mark.django_db
@pytest.mark.parametrize("state", STATES)
def test_get_organisation_for_answers_404_to_people_outside_it(state: str) -> None:
    person, organisation = person_and_organisation(state)

    if state == "other organisation":
        with pytest.raises(Http404):
            permissions.get_organisation_for(person, organisation.slug)
    else:
        assert permissions.get_organisation_for(person, organisation.slug) == (
            organisation
        )


@pytest.mark.django_db
def test_get_organisation_for_answers_404_for_a_missing_organisation() -> None:
    person, _ = person_and_organisation("active")

    with pytest.raises(Http404):
        permissions.get_organisation_for(person, "no-such-service")


@pytest.mark.django_db
@pytest.mark.parametrize("state", STATES)
def test_is_staff_by_state(state: str) -> None:
    person, _ = person_and_organisation(state)

    assert permissions.is_staff(person) is (state in STAFF_STATES)


@pytest.mark.django_db
@pytest.mark.parametrize("state", STATES)
def test_only_the_organisation_admin_may_manage_it(state: str) -> None:
    person, organisation = person_and_organisation(state)
    allowed = state == "org admin"

    assert permissions.can_manage_organisation(person, organisation) is allowed
    if allowed:
        permissions.check_manage_organisation(person, organisation)
    else:
        with pytest.raises(Http404):
            permissions.check_manage_organisation(person, organisation)


@pytest.mark.django_db
@pytest.mark.parametrize(("policy", "state", "expected"), create_group_table())
def test_who_may_create_a_group_follows_the_organisation_policy(
    policy: str, state: str, expected: bool
) -> None:
    person, organisation = person_and_organisation(state)
    organisation.group_creation = policy
    organisation.save()

    assert permissions.can_create_group(person, organisation) is expected
    if expected:
        permissions.check_create_group(person, organisation)
    else:
        with pytest.raises(Http404):
            permissions.check_create_group(person, organisation)


@pytest.mark.django_db
def test_anonymous_visitor_belongs_to_no_organisation() -> None:
    _, organisation = person_and_organisation("none")
    visitor = AnonymousUser()

    assert permissions.role_in(visitor, organisation) is None  # type: ignore[arg-type]
    assert permissions.is_staff(visitor) is False  # type: ignore[arg-type]
    assert not permissions.organisations_visible_to(visitor).exists()  # type: ignore[arg-type]
    assert permissions.can_create_group(visitor, organisation) is False  # type: ignore[arg-type]
    assert permissions.can_manage_organisation(visitor, organisation) is False  # type: ignore[arg-type]
