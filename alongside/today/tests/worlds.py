"""Groups with something of every kind waiting, for the Today page's tests.

Words here are neutral placeholders, and each is distinct so that a test can check
that none of them reaches the page.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from alongside.accounts.models import Person
from alongside.agreements.tests.factories import AgreementFactory
from alongside.conversations.models import Post, PostStatus, Thread
from alongside.organisations.models import Organisation, Role
from alongside.organisations.tests.factories import OrganisationRoleFactory
from alongside.peergroups.models import GroupRole, PeerGroup, Status
from alongside.peergroups.tests.factories import MembershipFactory, PeerGroupFactory
from alongside.safety.models import Escalation, Incident, Report

HELD_WORDS = "placeholder held words"
REPORTED_WORDS = "placeholder reported words"
AT_RISK_WORDS = "placeholder words of someone at risk"
REPORT_NOTE = "placeholder note from a reporter"
REQUESTER_NAME = "Placeholder Requester"
INCIDENT_WORDS = "placeholder account of an incident"
WORDS = (HELD_WORDS, REPORTED_WORDS, AT_RISK_WORDS, REPORT_NOTE, INCIDENT_WORDS)


@dataclass
class Busy:
    group: PeerGroup
    escalation: Escalation
    incident: Incident


def member_of(group: PeerGroup, **fields: object) -> Person:
    membership = MembershipFactory.create(group=group, **fields)
    OrganisationRoleFactory.create(
        organisation=group.organisation, person=membership.person, role=Role.PEER
    )
    return membership.person


def post_in(group: PeerGroup, author: Person, body: str, **fields: object) -> Post:
    thread = Thread.objects.create(group=group, author=author, title="A title")
    return Post.objects.create(
        group=group,
        thread=thread,
        author=author,
        kind="sharing",
        body=body,
        client_id=uuid.uuid4(),
        **fields,
    )


def busy_group(
    organisation: Organisation, facilitator: Person, number: int = 0
) -> Busy:
    """A group the facilitator facilitates with one of everything waiting: a held
    post, a reported post, a request to join, an open alert, an open incident and
    an agreement due for review."""
    group = PeerGroupFactory.create(organisation=organisation)
    MembershipFactory.create(
        group=group,
        person=facilitator,
        role=GroupRole.FACILITATOR,
        display_name=f"Facilitator {number}",
    )
    author = member_of(group)
    post_in(group, author, HELD_WORDS, status=PostStatus.HELD)
    reported = post_in(group, author, REPORTED_WORDS)
    Report.objects.create(
        post=reported,
        group=group,
        reporter=member_of(group),
        reason="other",
        note=REPORT_NOTE,
    )
    member_of(group, status=Status.REQUESTED, display_name=f"{REQUESTER_NAME} {number}")
    at_risk = post_in(group, author, AT_RISK_WORDS)
    escalation = Escalation.objects.create(
        organisation=organisation,
        group=group,
        post=at_risk,
        person_at_risk=author,
        created_at=timezone.now() - timedelta(minutes=12),
    )
    incident = Incident.objects.create(
        organisation=organisation,
        group=group,
        category="other",
        severity="low",
        what_happened=INCIDENT_WORDS,
    )
    AgreementFactory.create(
        group=group, review_due_on=timezone.localdate() + timedelta(days=3)
    )
    return Busy(group=group, escalation=escalation, incident=incident)
