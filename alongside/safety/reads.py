"""What each staff page of safety shows of a peer's words, recorded as staff reads.

Every staff page that shows a peer's words (the moderation queue, deciding about a
post, an author's reply to a decision, an escalated post, an incident about a post)
calls one function here after its permission check, so that each read is recorded
the same way (`alongside.access.actions.record_staff_reads`). Pages that show only
labels, such as the queue for an organisation admin or the incident list, record
nothing because they show no one's words.
"""

from __future__ import annotations

from alongside.access.actions import Seen, record_staff_reads
from alongside.access.models import Item, Reason
from alongside.accounts.models import Person
from alongside.conversations.models import Post, PostStatus

from .models import DutyPeriod, Escalation, Incident, ModerationDecision
from .queue import QueueEntry


def _item(post: Post) -> Item:
    return Item.POST if post.thread_id is not None else Item.LIVE_MESSAGE


def reason_for(post: Post, entry: QueueEntry) -> Reason:
    """Why a facilitator is looking: the strongest state in which the post waits
    (`queue.waiting_for_decision`). A post that is not waiting is never shown to
    decide about, so every read names the state that allowed it."""
    if entry.urgency >= 3:
        return Reason.RISK
    if post.status == PostStatus.HELD:
        return Reason.APPEAL if entry.appeals else Reason.HELD_POST
    if entry.reports:
        return Reason.REPORT
    # The one waiting state left: hidden, and its author asked for another look.
    return Reason.APPEAL


def _post_seen(post: Post, reason: Reason, item: Item | None = None) -> Seen:
    return Seen(
        author_id=post.author_id,
        item=item or _item(post),
        object_id=post.pk,
        reason=reason,
        post_id=post.pk,
    )


def record_queue_read(*, reader: Person, entries: list[QueueEntry]) -> None:
    """The queue page shows each waiting post's words to the group's facilitators."""
    if not entries:
        return
    record_staff_reads(
        reader=reader,
        group=entries[0].post.group,
        seen=[
            _post_seen(entry.post, reason_for(entry.post, entry)) for entry in entries
        ],
    )


def record_decide_read(
    *, reader: Person, post: Post, entry: QueueEntry, shows_notes: bool
) -> None:
    """Deciding shows the post, and to the group's facilitators the notes its
    reporters added."""
    seen = [_post_seen(post, reason_for(post, entry))]
    if shows_notes:
        seen += [
            Seen(
                author_id=report.reporter_id,
                item=Item.REPORT_NOTE,
                object_id=report.pk,
                reason=Reason.REPORT,
            )
            for report in entry.reports
            if report.note
        ]
    record_staff_reads(reader=reader, group=post.group, seen=seen)


def record_decision_reply_read(*, reader: Person, decision: ModerationDecision) -> None:
    """A facilitator reads the author's reply to a decision."""
    if not decision.author_reply:
        return
    record_staff_reads(
        reader=reader,
        group=decision.group,
        seen=[
            Seen(
                author_id=decision.post.author_id,
                item=Item.DECISION_REPLY,
                object_id=decision.pk,
                reason=Reason.DECISION_REPLY,
                post_id=decision.post_id,
            )
        ],
    )


def record_escalation_read(*, reader: Person, escalation: Escalation) -> None:
    """Whoever handles an escalation reads the post; on duty if they were alerted
    while on duty."""
    post, group = escalation.post, escalation.group
    if post is None or post.is_deleted or group is None:
        return
    on_duty = (
        escalation.alerted.filter(pk=reader.pk).exists()
        and DutyPeriod.objects.filter(
            person=reader, organisation=escalation.organisation, ended_at__isnull=True
        ).exists()
    )
    record_staff_reads(
        reader=reader,
        group=group,
        seen=[_post_seen(post, Reason.ESCALATION)],
        on_duty=on_duty,
    )


def record_incident_read(*, reader: Person, incident: Incident) -> None:
    """An incident recorded from an alert or a decision is about someone's post."""
    source = incident.escalation or incident.decision
    post = source.post if source is not None else None
    if post is None:
        return
    record_staff_reads(
        reader=reader,
        group=incident.group or post.group,
        seen=[
            Seen(
                author_id=post.author_id,
                item=Item.INCIDENT,
                object_id=incident.pk,
                reason=Reason.INCIDENT,
                post_id=post.pk,
            )
        ],
    )
