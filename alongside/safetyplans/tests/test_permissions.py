"""Who reads a plan: its owner, and through a live share only. Every staff role,
an escalation's handler and the owner's group are refused, by table."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.buddying import actions as buddying_actions
from alongside.buddying.models import Match, MatchStatus
from alongside.buddying.tests.factories import (
    coordinator_of,
    offered,
    ready_supporter,
    request_from,
)
from alongside.conversations.tests.factories import thread_with_post
from alongside.organisations.models import Organisation, OrganisationRole, Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.peergroups.models import GroupRole, Membership, PeerGroup, Status
from alongside.peergroups.tests.factories import MembershipFactory
from alongside.safety.models import Escalation
from conftest import person_with_role

from .. import actions
from ..models import PlanShare, SafetyPlan
from ..permissions import (
    can_change_plan,
    can_share_with,
    get_link_share,
    get_own_share,
    get_share_for,
    people_to_share_with,
    plans_visible_to,
    recipient_for,
)
from .factories import link_share, plan_with_words, share_with

pytestmark = pytest.mark.django_db


def _actor(kind: str, organisation: Organisation, group: PeerGroup) -> Person:
    """Someone standing in one relation to the owner (a member of `group`)."""
    if kind == "group member":
        person = person_with_role(organisation, Role.PEER)
        MembershipFactory.create(group=group, person=person)
    elif kind == "group facilitator":
        person = person_with_role(organisation, Role.FACILITATOR, second_factor=True)
        MembershipFactory.create(group=group, person=person, role=GroupRole.FACILITATOR)
    elif kind == "handler of an escalation about the owner":
        person = person_with_role(organisation, Role.SUPERVISOR, second_factor=True)
    elif kind == "outsider":
        person = person_with_role(OrganisationFactory.create(), Role.ADMIN)
    else:
        person = person_with_role(organisation, kind, second_factor=True)
    return person


ACTORS = [
    "group member",
    "group facilitator",
    Role.PEER_SUPPORTER,
    Role.FACILITATOR,
    Role.SUPERVISOR,
    Role.ADMIN,
    "handler of an escalation about the owner",
    "outsider",
]


@pytest.mark.parametrize("kind", ACTORS)
def test_nobody_but_the_owner_may_read_or_change_a_plan(
    kind: str, organisation: Organisation, group: PeerGroup, peer: Person
) -> None:
    plan = plan_with_words(peer)
    actor = _actor(kind, organisation, group)
    post = thread_with_post(group, peer).posts.get()
    escalation = Escalation.objects.create(
        organisation=organisation, group=group, post=post, person_at_risk=peer
    )
    escalation.alerted.add(actor)

    assert can_change_plan(peer, plan)
    assert not can_change_plan(actor, plan)
    assert plans_visible_to(actor) == []
    assert plans_visible_to(peer) == [plan]
    with pytest.raises(Http404):
        get_own_share(actor, link_share(peer)[0].pk)


def _revoked(share: PlanShare, owner: Person) -> None:
    actions.revoke_share(person=owner, share=share)


def _recipient_left(share: PlanShare, owner: Person) -> None:
    assert share.recipient is not None
    OrganisationRole.objects.filter(person=share.recipient).delete()


def _owner_left(share: PlanShare, owner: Person) -> None:
    OrganisationRole.objects.filter(person=owner).delete()


def _unchanged(share: PlanShare, owner: Person) -> None:
    pass


@pytest.mark.parametrize(
    ("state", "change", "opens"),
    [
        ("live", _unchanged, True),
        ("stopped", _revoked, False),
        ("recipient left the organisation", _recipient_left, False),
        ("owner left the organisation", _owner_left, False),
    ],
)
def test_a_named_share_opens_only_while_live_and_in_one_organisation(
    state: str,
    change: Callable[[PlanShare, Person], None],
    opens: bool,
    organisation: Organisation,
    peer: Person,
) -> None:
    supporter = person_with_role(organisation, Role.PEER_SUPPORTER)
    plan_with_words(peer)
    share = share_with(peer, supporter)

    change(share, peer)

    if opens:
        assert get_share_for(supporter, share.pk) == share
    else:
        with pytest.raises(Http404):
            get_share_for(supporter, share.pk)


def test_a_named_share_opens_for_nobody_else(
    organisation: Organisation, group: PeerGroup, peer: Person
) -> None:
    supporter = person_with_role(organisation, Role.PEER_SUPPORTER)
    plan_with_words(peer)
    share = share_with(peer, supporter)
    link, _ = link_share(peer)

    for kind in ACTORS:
        actor = _actor(kind, organisation, group)
        for share_id in (share.pk, link.pk):
            with pytest.raises(Http404):
                get_share_for(actor, share_id)
    with pytest.raises(Http404):
        get_share_for(peer, share.pk)


@pytest.mark.parametrize(
    ("state", "opens"),
    [("live", True), ("stopped", False), ("ended", False), ("unknown", False)],
)
def test_a_link_opens_only_while_live(state: str, opens: bool, peer: Person) -> None:
    share, token = link_share(peer)
    if state == "stopped":
        actions.revoke_share(person=peer, share=share)
    elif state == "ended":
        PlanShare.objects.filter(pk=share.pk).update(
            expires_at=timezone.now() - timedelta(seconds=1)
        )
    elif state == "unknown":
        token = token[:-2] + "xx"

    if opens:
        assert get_link_share(token) == share
    else:
        with pytest.raises(Http404):
            get_link_share(token)


def test_junk_tokens_are_not_found() -> None:
    for token in ("", "x" * 5000, "'; DROP TABLE x; --", "\u202e\u0645"):
        with pytest.raises(Http404):
            get_link_share(token)


def _their_supporter(organisation: Organisation, peer: Person) -> Person:
    supporter = ready_supporter(organisation)
    support_request = request_from(peer, organisation)
    offer = offered(support_request, supporter, coordinator_of(organisation))
    return buddying_actions.accept_offer(person=supporter, offer=offer).supporter


def _supporter_whose_match_ended(organisation: Organisation, peer: Person) -> Person:
    supporter = _their_supporter(organisation, peer)
    Match.objects.filter(supporter=supporter).update(status=MatchStatus.ENDED)
    return supporter


def _facilitator_of_their_group(organisation: Organisation, peer: Person) -> Person:
    person = person_with_role(organisation, Role.FACILITATOR)
    group = Membership.objects.filter(person=peer).get().group
    MembershipFactory.create(group=group, person=person, role=GroupRole.FACILITATOR)
    return person


def _facilitator_while_they_are_paused(
    organisation: Organisation, peer: Person
) -> Person:
    person = _facilitator_of_their_group(organisation, peer)
    Membership.objects.filter(person=peer).update(status=Status.PAUSED)
    return person


def _facilitator_of_another_group(organisation: Organisation, peer: Person) -> Person:
    person = person_with_role(organisation, Role.FACILITATOR)
    MembershipFactory.create(person=person, role=GroupRole.FACILITATOR)
    return person


def _member_of_their_group(organisation: Organisation, peer: Person) -> Person:
    person = person_with_role(organisation, Role.PEER)
    group = Membership.objects.filter(person=peer).get().group
    MembershipFactory.create(group=group, person=person)
    return person


def _peer_supporter_of_the_organisation(
    organisation: Organisation, peer: Person
) -> Person:
    return person_with_role(organisation, Role.PEER_SUPPORTER)


def _facilitator_who_closed_their_account(
    organisation: Organisation, peer: Person
) -> Person:
    person = _facilitator_of_their_group(organisation, peer)
    Person.objects.filter(pk=person.pk).update(is_active=False)
    person.refresh_from_db()
    return person


def _facilitator_who_left_the_organisation(
    organisation: Organisation, peer: Person
) -> Person:
    person = _facilitator_of_their_group(organisation, peer)
    OrganisationRole.objects.filter(person=person).delete()
    return person


def _themselves(organisation: Organisation, peer: Person) -> Person:
    Membership.objects.filter(person=peer).update(role=GroupRole.FACILITATOR)
    return peer


@pytest.mark.parametrize(
    ("state", "make", "may"),
    [
        ("their one-to-one supporter", _their_supporter, True),
        ("a supporter whose match ended", _supporter_whose_match_ended, False),
        ("a facilitator of their group", _facilitator_of_their_group, True),
        ("a facilitator, the owner paused", _facilitator_while_they_are_paused, False),
        ("a facilitator of another group", _facilitator_of_another_group, False),
        ("a member of their group", _member_of_their_group, False),
        ("a peer supporter, nothing more", _peer_supporter_of_the_organisation, False),
        ("a facilitator gone", _facilitator_who_closed_their_account, False),
        ("a facilitator who left", _facilitator_who_left_the_organisation, False),
        ("themselves", _themselves, False),
    ],
)
def test_a_plan_is_shared_by_name_only_with_someone_supporting_the_owner(
    state: str,
    make: Callable[[Organisation, Person], Person],
    may: bool,
    organisation: Organisation,
    peer: Person,
) -> None:
    recipient = make(organisation, peer)

    assert can_share_with(peer, recipient) is may, state
    assert (recipient_for(peer, recipient.pk) == recipient) is may, state
    listed = [person for person, _ in people_to_share_with(peer)]
    assert (recipient in listed) is may, state


def test_the_list_shows_the_name_others_see_and_why_never_a_sign_in_name(
    organisation: Organisation, peer: Person, outsider: Person
) -> None:
    supporter = _their_supporter(organisation, peer)
    facilitator = _facilitator_of_their_group(organisation, peer)
    group = Membership.objects.filter(person=peer).get().group

    labels = dict(people_to_share_with(peer))

    assert labels[supporter] == f"{supporter.shown_name}, your one-to-one supporter"
    facilitates = f"{facilitator.shown_name}, facilitator of {group.name}"
    assert labels[facilitator] == facilitates
    for person in (supporter, facilitator):
        assert person.username not in labels[person]
    assert people_to_share_with(outsider) == []
    assert recipient_for(peer, outsider.pk) is None
    assert recipient_for(peer, 10**9) is None
    assert not SafetyPlan.objects.filter(owner=outsider).exists()
