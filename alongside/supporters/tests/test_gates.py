"""Training gates, enforced where the work is taken on: going on duty (safety),
starting and so facilitating a group (peergroups), and the rota that the escalation
chain reads as on duty."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from alongside.conversations.tests.factories import thread_with_post
from alongside.organisations.models import GroupCreation, Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.factories import MembershipFactory, PeerGroupFactory
from alongside.safety import actions as safety_actions
from alongside.safety.models import DutyPeriod
from alongside.supporters import actions
from alongside.supporters.models import FacilitatedMeeting, Gate, ShiftKind
from alongside.supporters.permissions import NotTrained
from conftest import client_for

from .factories import ShiftFactory, member_of, required_module, trained

pytestmark = pytest.mark.django_db


def test_untrained_staff_are_told_why_they_cannot_go_on_duty() -> None:
    organisation = OrganisationFactory.create()
    module = required_module(organisation, Gate.ON_DUTY)
    facilitator = member_of(organisation, Role.FACILITATOR)
    client = client_for(facilitator)

    page = client.get(reverse("safety:duty"))
    assert module.name in page.content.decode()
    response = client.post(
        reverse("safety:duty"),
        {"organisation": organisation.slug, "on_duty": "on"},
        follow=True,
    )

    assert response.status_code == 200
    assert f"you need current training in: {module.name}" in response.content.decode()
    assert not DutyPeriod.objects.filter(person=facilitator).exists()
    with pytest.raises(NotTrained):
        safety_actions.go_on_duty(person=facilitator, organisation=organisation)


def test_trained_staff_go_on_duty_and_can_always_go_off() -> None:
    organisation = OrganisationFactory.create()
    module = required_module(organisation, Gate.ON_DUTY)
    facilitator = member_of(organisation, Role.FACILITATOR)
    record = trained(facilitator, module)

    safety_actions.go_on_duty(person=facilitator, organisation=organisation)
    assert facilitator in safety_actions.on_duty_in(organisation)
    # Training running out never keeps someone on duty.
    record.expires_on = timezone.localdate() - timedelta(days=1)
    record.save()
    safety_actions.go_off_duty(person=facilitator, organisation=organisation)

    assert facilitator not in safety_actions.on_duty_in(organisation)


def test_untrained_people_cannot_start_a_group_and_keep_what_they_typed() -> None:
    organisation = OrganisationFactory.create(group_creation=GroupCreation.ANYONE)
    module = required_module(organisation, Gate.FACILITATE)
    supporter = member_of(organisation, Role.PEER_SUPPORTER)
    client = client_for(supporter)
    url = reverse("peergroups:group-create", args=[organisation.slug])

    response = client.post(
        url,
        {
            "name": "Evening walkers",
            "shared_experience": "Walking helps us.",
            "format": "online",
            "join_policy": "open",
        },
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert module.name in text and "Before facilitating a group" in text
    assert 'value="Evening walkers"' in text
    assert not PeerGroup.objects.filter(organisation=organisation).exists()

    trained(supporter, module)
    form = {
        "name": "Evening walkers",
        "shared_experience": "Walking helps us.",
        "format": "online",
        "join_policy": "open",
    }
    # Trained, but new: co-facilitating until three meetings alongside someone
    # experienced (test_cofacilitating.py).
    response = client.post(url, form)
    assert "You are co-facilitating for now" in response.content.decode()
    for occurrence_id in (1, 2, 3):
        FacilitatedMeeting.objects.create(
            organisation=organisation,
            person=supporter,
            occurrence_id=occurrence_id,
            held_at=timezone.now(),
            with_experienced=True,
        )
    response = client.post(url, form)
    assert response.status_code == 302
    assert PeerGroup.objects.filter(organisation=organisation).count() == 1


def test_the_escalation_chain_alerts_whoever_the_rota_has_on_crisis_cover() -> None:
    organisation = OrganisationFactory.create()
    module = required_module(organisation, Gate.ON_DUTY)
    on_shift = member_of(organisation, Role.SUPERVISOR)
    on_break = member_of(organisation, Role.SUPERVISOR)
    for person in (on_shift, on_break):
        trained(person, module)
        ShiftFactory.create(
            organisation=organisation, person=person, kind=ShiftKind.CRISIS
        )
    actions.take_break(person=on_break, organisation=organisation)
    ShiftFactory.create(
        organisation=organisation,
        person=on_break,
        kind=ShiftKind.CRISIS,
    )
    later = member_of(organisation, Role.SUPERVISOR)
    trained(later, module)
    ShiftFactory.create(
        organisation=organisation,
        person=later,
        starts_at=timezone.now() + timedelta(hours=5),
        ends_at=timezone.now() + timedelta(hours=9),
    )
    group = PeerGroupFactory.create(organisation=organisation)
    author = MembershipFactory.create(group=group).person
    post = thread_with_post(group, author).posts.get()

    escalation = safety_actions.raise_escalation(post_id=post.pk)

    assert safety_actions.on_duty_in(organisation) == [on_shift]
    assert escalation is not None
    assert list(escalation.alerted.all()) == [on_shift]
