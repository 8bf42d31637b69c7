"""The agreement policy, role by state, and the posting gate for conversations."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from alongside.accounts.models import Person
from alongside.agreements import actions, permissions
from alongside.agreements.models import ChangeAction, Reading, ReadingChoice
from alongside.conversations.permissions import check_post_in
from alongside.organisations.models import Role
from alongside.peergroups import actions as group_actions
from alongside.peergroups.models import GroupRole, PeerGroup, Status

from .conftest import Circle, adopt_first_version, open_proposal
from .factories import PeerGroupFactory, person_in, person_in_organisation


def _anonymous(group: PeerGroup) -> Person:
    return AnonymousUser()  # type: ignore[return-value]


def _other_organisation(group: PeerGroup) -> Person:
    return person_in(PeerGroupFactory.create())


def _organisation_peer(group: PeerGroup) -> Person:
    return person_in_organisation(group.organisation)


def _organisation_admin(group: PeerGroup) -> Person:
    return person_in_organisation(group.organisation, org_role=Role.ADMIN)


def _organisation_supervisor(group: PeerGroup) -> Person:
    return person_in_organisation(group.organisation, org_role=Role.SUPERVISOR)


def _member(status: str, role: str = GroupRole.MEMBER) -> Callable[[PeerGroup], Person]:
    return lambda group: person_in(group, status=status, role=role)


PEOPLE: dict[str, Callable[[PeerGroup], Person]] = {
    "anonymous": _anonymous,
    "other organisation": _other_organisation,
    "organisation peer, not in group": _organisation_peer,
    "organisation admin, not in group": _organisation_admin,
    "organisation supervisor, not in group": _organisation_supervisor,
    "asked to join": _member(Status.REQUESTED),
    "declined": _member(Status.DECLINED),
    "left": _member(Status.LEFT),
    "active member": _member(Status.ACTIVE),
    "paused member": _member(Status.PAUSED),
    "active facilitator": _member(Status.ACTIVE, GroupRole.FACILITATOR),
    "paused facilitator": _member(Status.PAUSED, GroupRole.FACILITATOR),
}

# view: read the current agreement · part: proposals, discussion, history ·
# propose: suggest and discuss · respond: consent round · facilitate: adopt, review,
# settings · reading: confirm or ask to talk first
POLICY = [
    # who                                   view   part   propose respond facil. reading
    ("anonymous",                             False, False, False, False, False, False),
    ("other organisation",                    False, False, False, False, False, False),
    ("organisation peer, not in group",       True,  False, False, False, False, False),
    ("organisation admin, not in group",      True,  False, False, False, False, False),
    ("organisation supervisor, not in group", True,  False, False, False, False, False),
    ("asked to join",                         True,  False, False, False, False, False),
    ("declined",                              True,  False, False, False, False, False),
    ("left",                                  True,  False, False, False, False, False),
    ("active member",                         True,  True,  True,  True,  False, True),
    ("paused member",                         True,  True,  False, True,  False, True),
    ("active facilitator",                    True,  True,  True,  True,  True,  True),
    ("paused facilitator",                    True,  True,  False, True,  False, True),
]  # fmt: skip


@pytest.mark.parametrize(
    ("who", "view", "part", "propose", "respond", "facilitate", "reading"), POLICY
)
def test_agreement_policy(
    circle: Circle,
    who: str,
    view: bool,
    part: bool,
    propose: bool,
    respond: bool,
    facilitate: bool,
    reading: bool,
) -> None:
    adopt_first_version(circle)
    proposal = open_proposal(circle)
    person = PEOPLE[who](circle.group)

    assert permissions.can_view_agreement(person, circle.group) is view
    assert permissions.can_take_part(person, circle.group) is part
    assert permissions.can_propose(person, circle.group) is propose
    assert permissions.can_comment(person, proposal) is propose
    assert permissions.can_respond(person, proposal) is respond
    assert permissions.can_facilitate_agreement(person, circle.group) is facilitate
    assert permissions.can_record_reading(person, circle.group) is reading
    assert (proposal in permissions.proposals_visible_to(person, circle.group)) is part


@pytest.mark.parametrize(("who", "part"), [(row[0], row[2]) for row in POLICY])
def test_own_reading_shown_only_to_people_taking_part(
    circle: Circle, who: str, part: bool
) -> None:
    version = adopt_first_version(circle)
    person = PEOPLE[who](circle.group)
    if person.is_authenticated:
        Reading.objects.create(
            person=person, version=version, choice=ReadingChoice.CONFIRMED
        )

    shown = permissions.reading_shown_to(person, circle.group, version)

    assert (shown is not None) is part
    assert permissions.reading_shown_to(person, circle.group, None) is None


@pytest.mark.parametrize(("shows_name", "name"), [(True, "Made-up name"), (False, "")])
def test_responder_name_shown_only_when_they_chose(
    circle: Circle, shows_name: bool, name: str
) -> None:
    adopt_first_version(circle)
    proposal = open_proposal(circle)
    response = actions.respond_to_proposal(
        person=circle.facilitator,
        proposal=proposal,
        choice="agree",
        reason="A made-up reason.",
        shows_name=shows_name,
    )

    shown = permissions.responder_name_shown(
        response, {circle.facilitator.pk: "Made-up name"}
    )

    assert shown == name


@pytest.mark.parametrize(
    ("who", "may_manage"),
    [
        ("organisation admin, not in group", True),
        ("organisation supervisor, not in group", False),
        ("active facilitator", False),
        ("active member", False),
        ("other organisation", False),
    ],
)
def test_only_admins_manage_organisation_items(
    circle: Circle, who: str, may_manage: bool
) -> None:
    person = PEOPLE[who](circle.group)
    assert (
        permissions.can_manage_organisation_items(person, circle.group.organisation)
        is may_manage
    )


def test_group_without_an_adopted_agreement_does_not_block_posting(
    circle: Circle,
) -> None:
    open_proposal(circle)
    newcomer = person_in(circle.group)
    assert permissions.has_confirmed_current_agreement(newcomer, circle.group)
    check_post_in(newcomer, circle.group)


def test_newcomer_must_confirm_before_posting(circle: Circle) -> None:
    adopt_first_version(circle)
    newcomer = person_in(circle.group)
    assert not permissions.has_confirmed_current_agreement(newcomer, circle.group)
    with pytest.raises(PermissionDenied, match="agreement"):
        check_post_in(newcomer, circle.group)

    actions.confirm_agreement(person=newcomer, group=circle.group)

    assert permissions.has_confirmed_current_agreement(newcomer, circle.group)
    check_post_in(newcomer, circle.group)


def test_asking_to_talk_first_does_not_count_as_confirming(circle: Circle) -> None:
    adopt_first_version(circle)
    newcomer = person_in(circle.group)
    reading = actions.ask_to_talk_first(person=newcomer, group=circle.group)
    assert reading.choice == ReadingChoice.TALK_FIRST
    assert not permissions.has_confirmed_current_agreement(newcomer, circle.group)


def test_member_who_confirmed_an_earlier_version_is_invited_not_blocked(
    circle: Circle,
) -> None:
    adopt_first_version(circle)
    actions.confirm_agreement(person=circle.member, group=circle.group)
    proposal = open_proposal(circle)
    actions.respond_to_proposal(
        person=circle.facilitator, proposal=proposal, choice="agree"
    )
    actions.adopt_proposal(person=circle.facilitator, proposal=proposal)

    assert not permissions.has_read_latest_version(circle.member, circle.group)
    assert permissions.has_confirmed_current_agreement(circle.member, circle.group)


def test_anonymous_has_not_confirmed(circle: Circle) -> None:
    assert not permissions.has_confirmed_current_agreement(
        AnonymousUser(),  # type: ignore[arg-type]
        circle.group,
    )


def test_member_already_in_the_group_before_the_first_agreement_is_not_blocked(
    circle: Circle,
) -> None:
    adopt_first_version(circle)
    assert not permissions.has_read_latest_version(circle.member, circle.group)
    assert permissions.has_confirmed_current_agreement(circle.member, circle.group)


def test_someone_who_comes_back_after_leaving_confirms_the_agreement_first(
    circle: Circle,
) -> None:
    group_actions.leave_group(person=circle.member, group=circle.group)
    proposal = actions.propose_changes(
        person=circle.facilitator,
        group=circle.group,
        changes=[actions.Change(ChangeAction.ADD, "Made-up item one.")],
        reason="Our first agreement.",
    )
    actions.adopt_proposal(person=circle.facilitator, proposal=proposal)
    group_actions.return_to_group(person=circle.member, group=circle.group)
    assert not permissions.has_confirmed_current_agreement(circle.member, circle.group)
