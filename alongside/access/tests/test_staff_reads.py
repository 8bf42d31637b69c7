"""Each kind of staff read is recorded once per item, and only the author sees it."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from alongside.access.models import Item, ReaderRole, Reason, StaffRead
from alongside.accounts.models import Person
from alongside.conversations.models import Post, PostStatus
from alongside.conversations.tests.factories import thread_with_post
from alongside.organisations.models import Role
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.factories import MembershipFactory
from alongside.safety.models import (
    DecisionAction,
    DutyPeriod,
    Escalation,
    Incident,
    ModerationDecision,
    Report,
)
from conftest import client_for, person_with_role

pytestmark = pytest.mark.django_db


def _post(group: PeerGroup, author: Person, **fields: object) -> Post:
    return thread_with_post(group, author, **fields).posts.get()


def _member(group: PeerGroup) -> Person:
    person = person_with_role(group.organisation, Role.PEER)
    MembershipFactory.create(group=group, person=person)
    return person


def test_queue_records_one_read_per_held_post_shown(
    facilitator_client: Client, facilitator: Person, peer: Person, group: PeerGroup
) -> None:
    other = _member(group)
    first = _post(group, peer, status=PostStatus.HELD)
    second = _post(group, other, status=PostStatus.HELD)
    _post(group, peer)  # shared, not waiting: not shown, not recorded

    response = facilitator_client.get(reverse("safety:queue", args=[group.pk]))

    assert response.status_code == 200
    reads = StaffRead.objects.order_by("object_id")
    assert [(r.author_id, r.object_id) for r in reads] == [
        (peer.pk, first.pk),
        (other.pk, second.pk),
    ]
    assert {r.reason for r in reads} == {Reason.HELD_POST}
    assert {r.reader_role for r in reads} == {ReaderRole.FACILITATOR}
    assert {r.reader_id for r in reads} == {facilitator.pk}


def test_looking_again_soon_is_the_same_read(
    facilitator_client: Client, peer: Person, group: PeerGroup
) -> None:
    post = _post(group, peer, status=PostStatus.HELD)

    facilitator_client.get(reverse("safety:queue", args=[group.pk]))
    facilitator_client.get(reverse("safety:queue-decide", args=[group.pk, post.pk]))
    facilitator_client.get(reverse("safety:queue", args=[group.pk]))

    assert StaffRead.objects.count() == 1


def test_deciding_records_the_post_and_each_reporters_note(
    facilitator_client: Client, peer: Person, group: PeerGroup
) -> None:
    reporter = _member(group)
    quiet_reporter = _member(group)
    post = _post(group, peer)
    report = Report.objects.create(
        post=post, group=group, reporter=reporter, reason="other", note="A note."
    )
    Report.objects.create(
        post=post, group=group, reporter=quiet_reporter, reason="other"
    )

    response = facilitator_client.get(
        reverse("safety:queue-decide", args=[group.pk, post.pk])
    )

    assert response.status_code == 200
    post_read = StaffRead.objects.get(item=Item.POST)
    assert (post_read.author_id, post_read.reason) == (peer.pk, Reason.REPORT)
    note_read = StaffRead.objects.get(item=Item.REPORT_NOTE)
    assert (note_read.author_id, note_read.object_id) == (reporter.pk, report.pk)
    assert StaffRead.objects.count() == 2


def test_admin_sees_the_queue_without_words_and_nothing_is_recorded(
    admin_client: Client, peer: Person, group: PeerGroup
) -> None:
    _post(group, peer, status=PostStatus.HELD)

    response = admin_client.get(reverse("safety:queue", args=[group.pk]))

    assert response.status_code == 200
    assert "placeholder words" not in response.content.decode()
    assert StaffRead.objects.count() == 0


def test_facilitators_own_held_post_is_not_recorded(
    facilitator_client: Client, facilitator: Person, group: PeerGroup
) -> None:
    _post(group, facilitator, status=PostStatus.HELD)

    facilitator_client.get(reverse("safety:queue", args=[group.pk]))

    assert StaffRead.objects.count() == 0


def test_handling_an_escalation_on_duty_is_recorded_as_the_person_on_duty(
    supervisor: Person, peer: Person, group: PeerGroup
) -> None:
    post = _post(group, peer)
    escalation = Escalation.objects.create(
        organisation=group.organisation, group=group, post=post, person_at_risk=peer
    )
    escalation.alerted.add(supervisor)
    DutyPeriod.objects.create(person=supervisor, organisation=group.organisation)

    response = client_for(supervisor).get(
        reverse("safety:escalation-detail", args=[escalation.pk])
    )

    assert response.status_code == 200
    read = StaffRead.objects.get()
    assert (read.author_id, read.object_id, read.reason, read.reader_role) == (
        peer.pk,
        post.pk,
        Reason.ESCALATION,
        ReaderRole.ON_DUTY,
    )


def test_an_incident_about_a_post_is_recorded(
    supervisor: Person, peer: Person, group: PeerGroup
) -> None:
    post = _post(group, peer)
    decision = ModerationDecision.objects.create(
        post=post, group=group, action=DecisionAction.PUBLISH, reason="Checked."
    )
    incident = Incident.objects.create(
        organisation=group.organisation,
        group=group,
        category="other",
        severity="low",
        what_happened="Recorded in the supervisor's own words.",
        decision=decision,
    )

    response = client_for(supervisor).get(
        reverse("safety:incident-detail", args=[group.organisation.slug, incident.pk])
    )

    assert response.status_code == 200
    read = StaffRead.objects.get()
    assert (read.author_id, read.item, read.object_id, read.reader_role) == (
        peer.pk,
        Item.INCIDENT,
        incident.pk,
        ReaderRole.SUPERVISOR,
    )


def test_a_reply_to_a_decision_read_by_the_facilitator_is_recorded(
    facilitator_client: Client, peer: Person, group: PeerGroup
) -> None:
    post = _post(group, peer)
    decision = ModerationDecision.objects.create(
        post=post,
        group=group,
        action=DecisionAction.HIDE,
        reason="Checked.",
        author_reply="A reply.",
    )

    facilitator_client.get(reverse("safety:decision-detail", args=[decision.pk]))
    client_for(peer).get(reverse("safety:decision-detail", args=[decision.pk]))

    read = StaffRead.objects.get()
    assert (read.item, read.object_id, read.reason) == (
        Item.DECISION_REPLY,
        decision.pk,
        Reason.DECISION_REPLY,
    )


def test_a_peer_sees_only_reads_of_their_own_words(
    facilitator_client: Client, peer: Person, group: PeerGroup
) -> None:
    other = _member(group)
    _post(group, peer, status=PostStatus.HELD)
    _post(group, other, status=PostStatus.HELD)
    facilitator_client.get(reverse("safety:queue", args=[group.pk]))
    page = reverse("access:staff-reads")

    mine = client_for(peer).get(page)
    theirs = client_for(other).get(page)

    assert mine.status_code == 200
    assert len(mine.context["rows"]) == 1
    assert len(theirs.context["rows"]) == 1
    assert "A facilitator of" in mine.content.decode()
    assert "placeholder words" not in mine.content.decode()


def test_nobody_else_sees_a_peers_list(
    facilitator_client: Client,
    facilitator: Person,
    supervisor: Person,
    org_admin: Person,
    peer: Person,
    group: PeerGroup,
) -> None:
    _post(group, peer, status=PostStatus.HELD)
    facilitator_client.get(reverse("safety:queue", args=[group.pk]))
    page = reverse("access:staff-reads")

    for person in (facilitator, supervisor, org_admin):
        response = client_for(person).get(page, {"person": peer.pk})
        assert response.context["rows"] == []
    assert Client().get(page).status_code == 302


def test_the_empty_page_is_reassuring(peer_client: Client) -> None:
    response = peer_client.get(reverse("access:staff-reads"))

    assert response.status_code == 200
    assert "Nobody outside your groups has read anything you wrote" in (
        response.content.decode()
    )


def test_account_settings_link_to_the_page(peer_client: Client) -> None:
    response = peer_client.get(reverse("accounts:settings"))

    assert reverse("access:staff-reads") in response.content.decode()
