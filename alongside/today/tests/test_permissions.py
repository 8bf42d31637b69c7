"""Role-by-state tables: who has a Today page, and that each rule's set form (which
the page reads through) answers exactly as the rule itself does, in every state."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from alongside.agreements import permissions as agreement_rules
from alongside.agreements.tests.factories import AgreementFactory
from alongside.peergroups import permissions as group_rules
from alongside.peergroups.models import PeerGroup, Status
from alongside.peergroups.tests.factories import MembershipFactory, PeerGroupFactory
from alongside.peergroups.tests.states import POLICY_STATES, STATES, person_in_state
from alongside.safety import permissions as safety_rules
from alongside.safety.models import Escalation, Incident
from alongside.today.permissions import can_see_today, check_see_today

from .worlds import member_of, post_in

pytestmark = pytest.mark.django_db

ALL_STATES = ("anonymous", *STATES, *POLICY_STATES)


def actor(state: str, group: PeerGroup) -> Any:
    if state == "anonymous":
        return AnonymousUser()
    return person_in_state(state, group)


def table(*allowed: str) -> list[tuple[str, bool]]:
    unknown = set(allowed) - set(ALL_STATES)
    assert not unknown, unknown
    return [(state, state in allowed) for state in ALL_STATES]


STAFF = ("facilitator", "org admin", "supervisor", *POLICY_STATES)


@pytest.mark.parametrize(("state", "expected"), table(*STAFF))
def test_who_has_a_today_page(state: str, expected: bool) -> None:
    person = actor(state, PeerGroupFactory.create())

    assert can_see_today(person) is expected
    if not expected:
        with pytest.raises(Http404):
            check_see_today(person)


@pytest.mark.parametrize(("state", "expected"), table("facilitator", "org admin"))
def test_queues_seen_across_groups_match_the_queue_rule(
    state: str, expected: bool
) -> None:
    group = PeerGroupFactory.create()
    person = actor(state, group)

    in_set = safety_rules.queue_groups_visible_to(person).filter(pk=group.pk).exists()

    assert in_set is expected
    if person.is_authenticated:
        assert safety_rules.can_see_queue(person, group) is expected


@pytest.mark.parametrize(("state", "expected"), table("facilitator", "org admin"))
def test_requests_seen_across_groups_match_the_requests_rule(
    state: str, expected: bool
) -> None:
    group = PeerGroupFactory.create()
    request = MembershipFactory.create(group=group, status=Status.REQUESTED)
    person = actor(state, group)

    in_set = group_rules.join_requests_visible_to(person).filter(pk=request.pk)

    assert in_set.exists() is expected
    assert group_rules.can_manage_requests(person, group) is expected


@pytest.mark.parametrize(("state", "expected"), table("facilitator"))
def test_agreements_facilitated_across_groups_match_the_facilitating_rule(
    state: str, expected: bool
) -> None:
    group = PeerGroupFactory.create()
    agreement = AgreementFactory.create(group=group)
    person = actor(state, group)

    in_set = agreement_rules.agreements_facilitated_by(person).filter(pk=agreement.pk)

    assert in_set.exists() is expected
    assert agreement_rules.can_facilitate_agreement(person, group) is expected


@pytest.mark.parametrize(
    ("state", "expected"),
    table("facilitator", "org admin", "supervisor", "supervisor handling"),
)
def test_incidents_seen_across_organisations_match_the_incident_rule(
    state: str, expected: bool
) -> None:
    group = PeerGroupFactory.create()
    incident = Incident.objects.create(
        organisation=group.organisation,
        group=group,
        category="other",
        severity="low",
        what_happened="Placeholder words.",
    )
    person = actor(state, group)

    in_set = safety_rules.incidents_visible_anywhere_to(person).filter(pk=incident.pk)

    assert in_set.exists() is expected
    if person.is_authenticated:
        by_rule = safety_rules.incidents_visible_to(person, group.organisation)
        assert by_rule.filter(pk=incident.pk).exists() is expected


def _open_alert(group: PeerGroup) -> Escalation:
    author = member_of(group)
    return Escalation.objects.create(
        organisation=group.organisation,
        group=group,
        post=post_in(group, author, "placeholder words"),
        person_at_risk=author,
    )


@pytest.mark.parametrize(
    ("state", "expected"), table("facilitator", "supervisor handling")
)
def test_alerts_to_acknowledge_match_the_acknowledging_rule(
    state: str, expected: bool
) -> None:
    group = PeerGroupFactory.create()
    escalation = _open_alert(group)
    person = actor(state, group)

    in_set = safety_rules.escalations_to_acknowledge_by(person).filter(pk=escalation.pk)

    assert in_set.exists() is expected
    if person.is_authenticated:
        assert safety_rules.can_acknowledge(person, escalation) is expected


def test_an_alert_about_oneself_or_acknowledged_is_not_to_acknowledge() -> None:
    group = PeerGroupFactory.create()
    facilitator = person_in_state("facilitator", group)
    about_them = _open_alert(group)
    about_them.person_at_risk = facilitator
    about_them.save()
    settled = _open_alert(group)
    settled.status = "acknowledged"
    settled.save()

    def found(escalation: Escalation) -> bool:
        waiting = safety_rules.escalations_to_acknowledge_by(facilitator)
        return waiting.filter(pk=escalation.pk).exists()

    assert not found(about_them)
    assert not safety_rules.can_acknowledge(facilitator, about_them)
    assert not found(settled)
    assert not safety_rules.can_acknowledge(facilitator, settled)
