"""What a person's data download holds from safety: their posts with their own notes
asking for another look and replies to decisions (kept by safety, so the posts are
exported here), their reports, decisions, duty, alerts and incidents. Never who
reported whom. Used by alongside.privacy.registry."""

from __future__ import annotations

from alongside.accounts.models import Person
from alongside.conversations.models import Post
from alongside.core.exports import Row, when
from alongside.peergroups.exports import group_names_of

from .models import (
    DutyPeriod,
    Escalation,
    EscalationEvent,
    EscalationStep,
    Incident,
    ModerationDecision,
    PhraseRuleVersion,
    Report,
)


def export_posts(person: Person) -> list[Row]:
    """The person's posts, with their own appeal notes and replies to decisions.
    A reply is linked to its thread by number only: the thread's title may be someone
    else's words."""
    names = group_names_of(person)
    posts = Post.objects.filter(author=person).prefetch_related("appeals")
    # A post can have more than one decision, each with its own reply.
    replies: dict[int, list[str]] = {}
    for post_id, reply in (
        ModerationDecision.objects.filter(post__author=person)
        .exclude(author_reply="")
        .order_by("created_at", "pk")
        .values_list("post_id", "author_reply")
    ):
        replies.setdefault(post_id, []).append(reply)
    return [
        {
            "group": names.get(p.group_id, ""),
            "where": f"conversation {p.thread_id}" if p.thread_id else "live room",
            "kind": p.get_kind_display(),
            "text": p.body,
            "content_warning": p.warning_label,
            "status": p.get_status_display(),
            "created_at": when(p.created_at),
            "edited_at": when(p.edited_at),
            "deleted_at": when(p.deleted_at),
            "your_notes_asking_for_another_look": [
                a.note for a in p.appeals.all() if a.note
            ],
            "your_replies_to_decisions": replies.get(p.pk, []),
        }
        for p in posts
    ]


def export_phrase_rule_changes(person: Person) -> list[Row]:
    return [
        {"rule": v.rule_id, "changed_at": when(v.changed_at)}
        for v in PhraseRuleVersion.objects.filter(changed_by=person)
    ]


def export_reports(person: Person) -> list[Row]:
    # The reporter's own words and choices; never the reported post's words or
    # who wrote it.
    names = group_names_of(person)
    return [
        {
            "group": names.get(r.group_id, ""),
            "reason": r.get_reason_display(),
            "your_note": r.note,
            "agreement_item": r.agreement_item_reference,
            "created_at": when(r.created_at),
            "looked_at": when(r.resolved_at),
        }
        for r in Report.objects.filter(reporter=person)
    ]


def export_decisions_made(person: Person) -> list[Row]:
    return [
        {
            "action": d.get_action_display(),
            "reason": d.reason,
            "your_note_to_the_author": d.note_to_author,
            "created_at": when(d.created_at),
        }
        for d in ModerationDecision.objects.filter(decided_by=person)
    ]


def export_duty_periods(person: Person) -> list[Row]:
    return [
        {
            "organisation": d.organisation.name,
            "started_at": when(d.started_at),
            "ended_at": when(d.ended_at),
        }
        for d in DutyPeriod.objects.filter(person=person).select_related("organisation")
    ]


def export_escalation_steps(person: Person) -> list[Row]:
    return [
        {"organisation": s.chain.organisation.name, "step": s.position}
        for s in EscalationStep.objects.filter(person=person).select_related(
            "chain__organisation"
        )
    ]


def export_alerts_about_you(person: Person) -> list[Row]:
    return [
        {
            "organisation": e.organisation.name,
            "status": e.get_status_display(),
            "created_at": when(e.created_at),
            "acknowledged_at": when(e.acknowledged_at),
        }
        for e in Escalation.objects.filter(person_at_risk=person).select_related(
            "organisation"
        )
    ]


def export_alerts_acknowledged(person: Person) -> list[Row]:
    # When, and where: not about whom.
    return [
        {
            "organisation": e.organisation.name,
            "acknowledged_at": when(e.acknowledged_at),
        }
        for e in Escalation.objects.filter(acknowledged_by=person).select_related(
            "organisation"
        )
    ]


def export_alerts_received(person: Person) -> list[Row]:
    return [
        {"organisation": e.organisation.name, "created_at": when(e.created_at)}
        for e in person.escalations_received.select_related("organisation")
    ]


def export_escalation_events(person: Person) -> list[Row]:
    return [
        {"what": e.get_kind_display(), "at": when(e.created_at)}
        for e in EscalationEvent.objects.filter(person=person)
    ]


def export_incidents_recorded(person: Person) -> list[Row]:
    return [
        {
            "organisation": i.organisation.name,
            "category": i.get_category_display(),
            "severity": i.get_severity_display(),
            "recorded_at": when(i.created_at),
        }
        for i in Incident.objects.filter(recorded_by=person).select_related(
            "organisation"
        )
    ]
