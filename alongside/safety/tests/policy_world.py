"""Safety objects for the URL x role policy test: someone else's shared post in the
group, reported by another member, a decision and an escalation about it, an
incident in the group, and a supporter's call for help now."""

from __future__ import annotations

import uuid

from alongside.agreements.models import AgreementVersion
from alongside.agreements.tests.factories import ReadingFactory
from alongside.conversations import actions as conversation_actions
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.states import person_in_state
from alongside.safety import help_actions
from alongside.safety.models import (
    DecisionAction,
    Escalation,
    Incident,
    ModerationDecision,
    PhraseRule,
    Report,
)
from alongside.supporters.tests.factories import member_of


def safety_objects(group: PeerGroup) -> dict[str, int]:
    author = person_in_state("active", group)
    # Groups in the policy test have an agreement; this author has read it.
    for version in AgreementVersion.objects.filter(agreement__group=group):
        ReadingFactory.create(version=version, person=author)
    thread = conversation_actions.start_thread(
        person=author,
        group=group,
        title="A week of small wins",
        kind="sharing",
        body="I went for a walk every day this week.",
        content_warning="",
        content_warning_text="",
        client_id=uuid.uuid4(),
    )
    post = thread.posts.get()
    # Reported by another member, so that it waits for a decision: a post in no
    # such state is never opened to decide about (see test_staff_reads_need_a_state).
    reporter = person_in_state("active", group)
    Report.objects.create(post=post, group=group, reporter=reporter, reason="other")
    decision = ModerationDecision.objects.create(
        post=post,
        group=group,
        action=DecisionAction.PUBLISH,
        reason="Made for the policy test.",
    )
    escalation = Escalation.objects.create(
        organisation=group.organisation,
        group=group,
        post=post,
        person_at_risk=author,
    )
    incident = Incident.objects.create(
        organisation=group.organisation,
        group=group,
        category="other",
        severity="low",
        what_happened="Made for the policy test.",
    )
    # A supporter's call for help now, with no supervisor of their own, nobody on
    # duty and no chain: it reaches the organisation's supervisors and admins.
    call = help_actions.ask_for_help_now(
        person=member_of(group.organisation), organisation=group.organisation
    )
    rule = PhraseRule.objects.create(
        organisation=group.organisation, group=group, pattern="weigh in", action="hold"
    )
    return {
        "call_id": call.pk,
        "rule_id": rule.pk,
        "post_id": post.pk,
        "decision_id": decision.pk,
        "escalation_id": escalation.pk,
        "incident_id": incident.pk,
    }
