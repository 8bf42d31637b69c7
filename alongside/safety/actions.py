"""Every change in safety: phrase rules (each a version; in phrase_actions.py),
reports, an author's one-click removal and appeal, moderation decisions, duty,
escalations and incidents.

Each action checks permission, writes, records what was done, and only after the
transaction commits tells anyone (notifications, live alerts, emails, tasks). Nothing
here logs, notifies or emails a peer's words.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import default_task_backend, task

from alongside.accounts.models import Person
from alongside.conversations.actions import (
    edit_post,
    pause_posting,
    redact_thread_title,
    set_post_status,
)
from alongside.conversations.models import (
    Post,
    PostStatus,
    Topic,
    is_opening,
)
from alongside.core import recurring
from alongside.core.limits import REPORT, check_rate
from alongside.core.live import tell_staff_pages
from alongside.notifications.actions import notify
from alongside.organisations.models import Organisation
from alongside.organisations.permissions import is_staff
from alongside.peergroups.models import PeerGroup
from alongside.privateconversations import actions as private_actions
from alongside.privateconversations.models import Message as PrivateMessage
from alongside.supporters.permissions import rostered_on_duty

from . import aftercare, escalation_kinds, live
from .models import (
    DecisionAction,
    DutyPeriod,
    Escalation,
    EscalationChain,
    EscalationEvent,
    EscalationStatus,
    EscalationStep,
    EventKind,
    HoldAppeal,
    Incident,
    ModerationDecision,
    Report,
    ReportReason,
)
from .permissions import (
    check_acknowledge,
    check_appeal,
    check_decide_on,
    check_edit_escalation_chain,
    check_go_off_duty,
    check_go_on_duty,
    check_message_from_alert,
    check_record_incident,
    check_redact_own_post,
    check_reply_to_decision,
    check_report,
    check_update_incident,
    people_who_may_decide_on,
)
from .phrase_actions import create_phrase_rule as create_phrase_rule
from .phrase_actions import switch_phrase_rule as switch_phrase_rule
from .phrase_actions import update_phrase_rule as update_phrase_rule
from .queue import seen_state


def _tell_staff(organisation_id: int) -> None:
    """After commit, ask the organisation's open Today pages to look again."""
    transaction.on_commit(partial(tell_staff_pages, organisation_id=organisation_id))


# ---- Reports ----


def _facilitators_of(group: PeerGroup) -> list[Person]:
    from alongside.peergroups.models import Membership

    return [
        membership.person
        for membership in Membership.objects.facilitating()
        .filter(group=group, status="active")
        .select_related("person")
    ]


@transaction.atomic
def report_post(
    *,
    person: Person,
    post: Post,
    reason: str,
    note: str = "",
    agreement_item_reference: str = "",
) -> Report:
    """Report someone else's shared post. Those who may decide about it (the group's
    facilitators other than its author, `people_who_may_decide_on`) are told that the
    queue has something new (not who reported it, nor what it says), once until they
    decide: the same report sent twice (a double click) is kept once, and a second,
    different report from the same person is kept without telling them again."""
    check_report(person, post)
    if reason not in ReportReason.values:
        raise ValidationError({"reason": "Please choose the reason closest to yours."})
    earlier = list(
        Report.objects.filter(post=post, reporter=person, resolved_at__isnull=True)
    )
    for report in earlier:
        if (report.reason, report.note, report.agreement_item_reference) == (
            reason,
            note,
            agreement_item_reference,
        ):
            return report
    check_rate(action=REPORT, who=str(person.pk))
    report = Report.objects.create(
        post=post,
        group=post.group,
        reporter=person,
        reason=reason,
        note=note,
        agreement_item_reference=agreement_item_reference,
    )
    if earlier:
        return report
    group = post.group
    _tell_staff(group.organisation_id)
    deciders = [p for p in people_who_may_decide_on(post) if p.pk != person.pk]
    link = reverse("safety:queue", kwargs={"group_id": group.pk})
    notify(
        people=deciders,
        message=f"Something in {group.name} has been reported and is in the queue.",
        link=link,
    )
    return report


# ---- An author's own held post -------------------------------------------------------


@transaction.atomic
def redact_own_post(*, person: Person, post: Post) -> Post:
    """Remove the personal details screening found, in one click, and screen again.

    Precondition: the author's own held post. The post body is screened afresh so the
    spans match exactly what is stored now.
    """
    from .screening.pipeline import apply_redactions
    from .screening.posts import screen_post

    check_redact_own_post(person, post)
    title_redacted = False
    thread = post.thread if is_opening(post) else None
    if thread is not None:
        # The title is screened with the opening, so its details go too.
        in_title = screen_post(thread.title, group=post.group, author=person)
        if in_title.redactions:
            redact_thread_title(
                thread=thread,
                title=apply_redactions(thread.title, in_title.redactions),
            )
            title_redacted = True
    result = screen_post(post.body, group=post.group, author=person)
    if not result.redactions and not title_redacted:
        return post
    body = apply_redactions(post.body, result.redactions)
    return edit_post(
        person=person,
        post=post,
        body=body,
        content_warning=post.content_warning,
        content_warning_text=post.content_warning_text,
    )


@transaction.atomic
def appeal_hold(*, person: Person, post: Post, note: str = "") -> HoldAppeal:
    """Ask a facilitator to look again. Facilitators are told there is an appeal,
    once until they decide: asking again adds the new note without telling them
    twice, and the same request sent twice (a double click) is kept once."""
    check_appeal(person, post)
    note = note.strip()
    waiting = HoldAppeal.objects.filter(
        post=post, created_at__gte=post.edited_at or post.created_at
    )
    decided_at = (
        post.decisions.order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    if decided_at is not None:
        waiting = waiting.filter(created_at__gt=decided_at)
    earlier = list(waiting)
    for appeal in earlier:
        if appeal.note == note:
            return appeal
    appeal = HoldAppeal.objects.create(post=post, note=note)
    if earlier:
        return appeal
    group = post.group
    _tell_staff(group.organisation_id)
    notify(
        people=people_who_may_decide_on(post),
        message=f"Someone in {group.name} has asked for another look at a held post.",
        link=reverse("safety:queue", kwargs={"group_id": group.pk}),
    )
    return appeal


# ---- Moderation decisions ----

NEEDS_NOTE = {
    DecisionAction.REACH_OUT,
    DecisionAction.ASK_TO_EDIT,
    DecisionAction.HIDE,
    DecisionAction.PAUSE_POSTING,
}

_AUTHOR_MESSAGES = {
    DecisionAction.PUBLISH: "A facilitator has looked at your post in {group}, and "
    "it is now shared.",
    DecisionAction.PUBLISH_WITH_WARNING: "A facilitator has shared your post in "
    "{group} with a content warning, so others can choose when to read it.",
    DecisionAction.REACH_OUT: "A facilitator in {group} has written you a private "
    "note.",
    DecisionAction.ASK_TO_EDIT: "A facilitator in {group} has asked if you could "
    "change one of your posts. Their note says why.",
    DecisionAction.HIDE: "A facilitator in {group} has hidden one of your posts. "
    "Their note says why, and you can reply.",
    DecisionAction.PAUSE_POSTING: "A facilitator in {group} has paused your posting "
    "for a little while. Their note says why, and you can reply.",
}


_ALREADY_SHARED_MESSAGES = {
    DecisionAction.PUBLISH: "A facilitator has looked at your post in {group}. It "
    "stays shared.",
    DecisionAction.PUBLISH_WITH_WARNING: "A facilitator has added a content warning "
    "to your post in {group}, so others can choose when to read it.",
}


@transaction.atomic
def decide_on_post(
    *,
    person: Person,
    post: Post,
    action: str,
    reason: str,
    note_to_author: str = "",
    content_warning: str = "",
    pause_days: int | None = None,
    seen: str = "",
) -> ModerationDecision:
    """A facilitator decides about a post in the queue, with a reason for the record.
    Never about their own post: someone else on the team decides (`can_decide_on`).

    `seen` is what the facilitator saw (`queue.seen_state`) when they opened the post;
    if someone has decided about it, or its author has changed it, since then, nothing
    is done and they are asked to look again (code "stale").

    Publishing shares it (with a content warning if chosen); hiding keeps it for its
    author only, with a note; pausing stops the author posting in the group until a
    date (reading goes on). Open reports about the post are resolved and each
    reporter is told, in general terms, that it was looked at. The author is told what
    happened and can reply.
    """
    group = post.group
    check_decide_on(person, post)
    if seen and seen != seen_state(post):
        raise ValidationError(
            "While you were deciding, someone else has decided about this post, or "
            "its author has changed it. Please look at it again: what you wrote is "
            "still here, and you can save it if it still feels right.",
            code="stale",
        )
    if action not in DecisionAction.values:
        raise ValidationError({"action": "Please choose what to do."})
    reason = reason.strip()
    note_to_author = note_to_author.strip()
    if not reason:
        raise ValidationError({"reason": "Please say briefly why, for the record."})
    if action in NEEDS_NOTE and not note_to_author:
        raise ValidationError(
            {"note_to_author": "Please write a few kind words to the author."}
        )
    if action == DecisionAction.PUBLISH_WITH_WARNING and (
        content_warning not in Topic.values
    ):
        raise ValidationError({"content_warning": "Please choose a content warning."})
    paused_until: datetime | None = None
    if action == DecisionAction.PAUSE_POSTING:
        if not pause_days or not 1 <= pause_days <= 30:
            raise ValidationError(
                {"pause_days": "Please choose between 1 and 30 days."}
            )
        paused_until = timezone.now() + timedelta(days=pause_days)

    was_shared = post.status == PostStatus.PUBLISHED
    if action == DecisionAction.PUBLISH:
        set_post_status(post=post, status=PostStatus.PUBLISHED)
    elif action == DecisionAction.PUBLISH_WITH_WARNING:
        set_post_status(
            post=post, status=PostStatus.PUBLISHED, content_warning=content_warning
        )
    elif action == DecisionAction.HIDE:
        set_post_status(post=post, status=PostStatus.HIDDEN)
    elif (
        action == DecisionAction.PAUSE_POSTING
        and post.author is not None
        and paused_until is not None
    ):
        # A former member's words have no one left to pause.
        pause_posting(person=post.author, group=group, until=paused_until)

    decision = ModerationDecision.objects.create(
        post=post,
        group=group,
        decided_by=person,
        action=action,
        reason=reason,
        note_to_author=note_to_author,
        content_warning=content_warning
        if action == DecisionAction.PUBLISH_WITH_WARNING
        else "",
        paused_until=paused_until,
    )
    _tell_staff(group.organisation_id)
    for escalation in Escalation.objects.filter(post=post):
        _take_up(escalation, person, EventKind.DECIDED)
    reports = list(Report.objects.filter(post=post, resolved_at__isnull=True))
    Report.objects.filter(pk__in=[r.pk for r in reports]).update(
        resolved_at=timezone.now()
    )
    reporters = {r.reporter_id: r.reporter for r in reports}
    notify(
        people=reporters.values(),
        message=f"Thank you for your report in {group.name}. A facilitator has looked "
        "at it and done what they felt was right.",
    )
    if _reach_out_privately(person, post, decision):
        # Their note is a message in the private conversation, which tells them.
        return decision
    message = _AUTHOR_MESSAGES[DecisionAction(action)]
    if was_shared:
        # Looked at after a report: it was shared all along.
        message = _ALREADY_SHARED_MESSAGES.get(DecisionAction(action), message)
    notify(
        people=[post.author] if post.author is not None else [],
        message=message.format(group=group.name),
        link=reverse("safety:decision-detail", kwargs={"decision_id": decision.pk}),
    )
    return decision


# What the private conversation says a decision's note is about: system words.
_REACHING_OUT_ABOUT = {
    DecisionAction.REACH_OUT: "A facilitator has read one of your posts in {group} "
    "and would like to talk with you about it.",
    DecisionAction.ASK_TO_EDIT: "A facilitator has asked if you could change one of "
    "your posts in {group}. Their note says why, and you can reply here.",
}


def _reach_out_privately(
    person: Person, post: Post, decision: ModerationDecision
) -> bool:
    """ "Reach out privately" and "ask the author to edit" from someone on the team
    become a message in the author's private conversation with the team, where
    they can reply as often as they like. Returns whether it was sent so. A
    facilitator who is not staff of the organisation leaves the note with the
    decision, as before."""
    about = _REACHING_OUT_ABOUT.get(DecisionAction(decision.action))
    author = post.author
    organisation = post.group.organisation
    if about is None or author is None or not is_staff(person, organisation):
        return False
    private_actions.reach_out(
        person=person,
        with_person=author,
        organisation=organisation,
        group=post.group,
        about=about.format(group=post.group.name),
        body=decision.note_to_author,
        client_id=uuid.uuid5(uuid.NAMESPACE_URL, f"alongside:decision:{decision.pk}"),
    )
    return True


@transaction.atomic
def reply_to_decision(
    *, person: Person, decision: ModerationDecision, reply: str
) -> ModerationDecision:
    """The author's short reply, kept with the decision. The facilitator is told."""
    check_reply_to_decision(person, decision)
    reply = reply.strip()
    if not reply:
        raise ValidationError({"reply": "Please write a few words, or go back."})
    decision.author_reply = reply
    decision.replied_at = timezone.now()
    decision.save(update_fields=["author_reply", "replied_at"])
    decider = decision.decided_by
    if decider is not None and is_staff(decider, decision.group.organisation):
        # The reply opens (or carries on) their private conversation, with no cap
        # on what follows; that tells the facilitator.
        private_actions.reply_to_team_member(
            person=person,
            team_member=decider,
            organisation=decision.group.organisation,
            group=decision.group,
            body=reply,
            client_id=uuid.uuid5(
                uuid.NAMESPACE_URL, f"alongside:decision-reply:{decision.pk}"
            ),
        )
        return decision
    if decision.decided_by is not None:
        notify(
            people=[decision.decided_by],
            message=f"An author in {decision.group.name} has replied to your decision.",
            link=reverse("safety:decision-detail", kwargs={"decision_id": decision.pk}),
        )
    return decision


# ---- Duty ----


@transaction.atomic
def go_on_duty(*, person: Person, organisation: Organisation) -> DutyPeriod:
    """Put staff on duty for the organisation, so alerts reach them. Needs
    can_go_on_duty (404 otherwise). Already on duty: returns the open period and
    changes nothing."""
    check_go_on_duty(person, organisation)
    _tell_staff(organisation.pk)
    period = DutyPeriod.objects.filter(
        person=person, organisation=organisation, ended_at__isnull=True
    ).first()
    return period or DutyPeriod.objects.create(person=person, organisation=organisation)


@transaction.atomic
def go_off_duty(*, person: Person, organisation: Organisation) -> None:
    """End the person's open duty period in the organisation, so alerts stop
    reaching them. Needs can_go_off_duty (404 otherwise); training is not needed to
    stop. Nobody is told."""
    check_go_off_duty(person, organisation)
    _tell_staff(organisation.pk)
    DutyPeriod.objects.filter(
        person=person, organisation=organisation, ended_at__isnull=True
    ).update(ended_at=timezone.now())


def on_duty_in(organisation: Organisation) -> list[Person]:
    """Staff on duty now: those who went on duty, and those on a crisis-cover shift
    of the rota now (alongside.supporters, which leaves out anyone on a break or
    whose training has run out). Someone whose staff role has ended is not, even if
    they never went off duty."""
    people = [
        period.person
        for period in DutyPeriod.objects.filter(
            organisation=organisation, ended_at__isnull=True
        ).select_related("person")
        if is_staff(period.person, organisation)
    ]
    people += [p for p in rostered_on_duty(organisation) if p not in people]
    return people


# ---- The escalation chain ----


@dataclass(frozen=True)
class StepChoice:
    person: Person | None = None
    role: str = ""


@transaction.atomic
def set_escalation_chain(
    *,
    person: Person,
    organisation: Organisation,
    minutes_before_moving_up: int,
    steps: Sequence[StepChoice],
) -> EscalationChain:
    """Replace the organisation's chain. Named people must be its staff."""
    from alongside.organisations.models import STAFF_ROLES

    check_edit_escalation_chain(person, organisation)
    if not 1 <= minutes_before_moving_up <= 240:
        raise ValidationError(
            {"minutes_before_moving_up": "Please choose between 1 and 240 minutes."}
        )
    for step in steps:
        if step.person is not None and not is_staff(step.person, organisation):
            raise ValidationError({"steps": "Each person must be staff here."})
        if step.person is None and step.role not in STAFF_ROLES:
            raise ValidationError({"steps": "Choose a person or a staff role."})
    chain, _ = EscalationChain.objects.update_or_create(
        organisation=organisation,
        defaults={"minutes_before_moving_up": minutes_before_moving_up},
    )
    chain.steps.all().delete()
    for position, step in enumerate(steps, start=1):
        EscalationStep.objects.create(
            chain=chain,
            position=position,
            person=step.person,
            role="" if step.person else step.role,
        )
    return chain


def _people_of_step(step: EscalationStep, organisation: Organisation) -> list[Person]:
    """Who a step alerts. A named person who is no longer staff here is skipped, as
    if the step named nobody (the chain page shows it, so an admin can fix it)."""
    from alongside.organisations.models import OrganisationRole

    if step.person is not None:
        return [step.person] if is_staff(step.person, organisation) else []
    return [
        row.person
        for row in OrganisationRole.objects.filter(
            organisation=organisation, role=step.role
        ).select_related("person")
    ]


def steps_no_longer_on_the_team(organisation: Organisation) -> dict[int, Person]:
    """The chain's steps (by position) naming someone who is no longer staff here.
    Alerts pass them by; the chain page asks an admin to choose again."""
    chain = EscalationChain.objects.filter(organisation=organisation).first()
    if chain is None:
        return {}
    return {
        step.position: step.person
        for step in chain.steps.filter(person__isnull=False).select_related("person")
        if step.person is not None and not is_staff(step.person, organisation)
    }


def _log(escalation: Escalation, kind: str, person: Person | None = None) -> None:
    EscalationEvent.objects.create(
        escalation=escalation, kind=kind, person=person, level=escalation.level
    )


def _alert(escalation: Escalation, people: Iterable[Person]) -> None:
    """Alert these people: in-app note, a live push and an email (no words of the
    post, ever)."""
    people = list(people)
    escalation.alerted.add(*people)
    link = reverse("safety:escalation-detail", kwargs={"escalation_id": escalation.pk})
    for someone in people:
        _log(escalation, EventKind.ALERTED, someone)
    # The notification's own email copy goes only to people who chose it; the alert
    # email below goes to every alerted person with an address.
    for someone in people:
        _leave_alert_note(someone, link, escalation)
    ids = [someone.pk for someone in people]
    escalation_id = escalation.pk
    transaction.on_commit(lambda: live.push_alert(escalation_id, ids))
    for someone in people:
        if someone.email:
            _log(escalation, EventKind.EMAILED, someone)
            transaction.on_commit(
                partial(email_duty_alert.enqueue, someone.pk, escalation_id)
            )


def _leave_alert_note(person: Person, link: str, escalation: Escalation) -> None:
    from alongside.notifications.models import Notification

    Notification.objects.create(
        person=person,
        message=escalation_kinds.alert_message(escalation),
        link=link,
    )


def _schedule_move_up(escalation: Escalation, now: datetime) -> None:
    chain = EscalationChain.objects.filter(
        organisation_id=escalation.organisation_id
    ).first()
    minutes = escalation_kinds.minutes_before_moving_up(
        escalation, chain.minutes_before_moving_up if chain else 10
    )
    escalation.next_move_at = now + timedelta(minutes=minutes)
    escalation.save(update_fields=["next_move_at", "level"])
    if default_task_backend.supports_defer:
        escalation_id, run_after = escalation.pk, escalation.next_move_at
        transaction.on_commit(
            lambda: move_escalation_up_when_due.using(run_after=run_after).enqueue(
                escalation_id
            )
        )


def _next_step_people(
    escalation: Escalation, after_level: int
) -> tuple[int, list[Person]] | None:
    """The first step after `after_level` with somebody not yet alerted. The person
    at risk is passed over: staff need support too, and are never asked to answer
    an alert about themselves.

    When the chain runs out, or the organisation has none, the group's own active
    facilitators are the last step, so that a risk to life is never left with
    nobody told."""
    chain = EscalationChain.objects.filter(
        organisation_id=escalation.organisation_id
    ).first()
    already = set(escalation.alerted.values_list("pk", flat=True))
    already.add(escalation.person_at_risk_id)
    steps = (
        chain.steps.filter(position__gt=after_level).select_related("person")
        if chain is not None
        else []
    )
    for step in steps:
        people = [
            p
            for p in _people_of_step(step, escalation.organisation)
            if p.pk not in already
        ]
        if people:
            return step.position, people
    facilitators = [
        p
        for p in (
            _facilitators_of(escalation.group)
            if escalation.group is not None
            else escalation_kinds.last_resort_for_help(escalation)
        )
        if p.pk not in already
    ]
    if facilitators:
        return after_level + 1, facilitators
    return None


@transaction.atomic
def raise_escalation(*, post_id: int, now: datetime | None = None) -> Escalation | None:
    """Alert whoever is on duty that the author of this post may be at risk.

    A system action, run after screening: no permission to check. One open escalation
    per post. If nobody is on duty the first step of the chain is alerted.
    """
    now = now or timezone.now()
    post = Post.objects.select_related("group__organisation").filter(pk=post_id).first()
    if post is None or post.author is None:
        # Gone, or its author has since erased their account: nobody to reach.
        return None
    existing = Escalation.objects.filter(
        post=post, status=EscalationStatus.ALERTING
    ).first()
    if existing is not None:
        return existing
    organisation = post.group.organisation
    escalation = Escalation.objects.create(
        organisation=organisation,
        group=post.group,
        post=post,
        person_at_risk=post.author,
        urgency=post.screening_urgency,
        created_at=now,
    )
    _log(escalation, EventKind.RAISED)
    _tell_staff(organisation.pk)
    people = [p for p in on_duty_in(organisation) if p.pk != post.author_id]
    if not people:
        found = _next_step_people(escalation, 0)
        if found is not None:
            escalation.level, people = found
    if people:
        _alert(escalation, people)
        _schedule_move_up(escalation, now)
    else:
        _log(escalation, EventKind.NO_ONE_LEFT)
    return escalation


@transaction.atomic
def move_escalation_up(*, escalation: Escalation, now: datetime) -> bool:
    """If still unacknowledged when its time is up, alert the next step of the chain.
    Returns whether anyone new was alerted."""
    escalation = Escalation.objects.select_for_update().get(pk=escalation.pk)
    if (
        not escalation.is_open
        or escalation.next_move_at is None
        or escalation.next_move_at > now
    ):
        return False
    found = _next_step_people(escalation, escalation.level)
    if found is None:
        escalation.next_move_at = None
        escalation.save(update_fields=["next_move_at"])
        _log(escalation, EventKind.NO_ONE_LEFT)
        return False
    escalation.level, people = found
    _log(escalation, EventKind.MOVED_UP)
    _tell_staff(escalation.organisation_id)
    _alert(escalation, people)
    _schedule_move_up(escalation, now)
    return True


def move_up_due_escalations(*, now: datetime | None = None) -> int:
    """Move up every open escalation whose time is up. For a periodic check, and for
    tests that move the clock."""
    now = now or timezone.now()
    moved = 0
    for escalation in Escalation.objects.filter(
        status=EscalationStatus.ALERTING, next_move_at__lte=now
    ):
        moved += move_escalation_up(escalation=escalation, now=now)
    return moved


@transaction.atomic
def acknowledge_escalation(*, person: Person, escalation: Escalation) -> Escalation:
    """Someone alerted takes it on. The person at risk is told that a facilitator
    has been told and will message them; others alerted see the alert settle.

    If someone else acknowledged it first (two people pressing at once), theirs is
    kept and returned, and nobody is told twice."""
    escalation = Escalation.objects.select_for_update().get(pk=escalation.pk)
    if escalation.status == EscalationStatus.ACKNOWLEDGED:
        return escalation
    check_acknowledge(person, escalation)
    escalation.status = EscalationStatus.ACKNOWLEDGED
    escalation.acknowledged_by = person
    escalation.acknowledged_at = timezone.now()
    escalation.next_move_at = None
    escalation.save()
    _log(escalation, EventKind.ACKNOWLEDGED, person)
    aftercare.after_taking_up(person, escalation)
    _tell_staff(escalation.organisation_id)
    notify(
        people=[escalation.person_at_risk],
        message=escalation_kinds.acknowledged_message(escalation),
    )
    ids = list(escalation.alerted.values_list("pk", flat=True))
    escalation_id = escalation.pk
    transaction.on_commit(lambda: live.push_acknowledged(escalation_id, ids))
    return escalation


def _take_up(escalation: Escalation, person: Person, kind: str) -> Escalation:
    """Write an action on the alert in its history. The first action on an open
    alert (messaging the person, deciding the post, recording an incident, or
    acknowledging it) stops the clock, so it moves up the chain no further, and the
    others it reached see it settle."""
    escalation = Escalation.objects.select_for_update().get(pk=escalation.pk)
    _log(escalation, kind, person)
    if escalation.status == EscalationStatus.ACKNOWLEDGED:
        return escalation
    escalation.status = EscalationStatus.ACKNOWLEDGED
    escalation.acknowledged_by = person
    escalation.acknowledged_at = timezone.now()
    escalation.next_move_at = None
    escalation.save()
    aftercare.after_taking_up(person, escalation)
    ids = list(escalation.alerted.values_list("pk", flat=True))
    escalation_id = escalation.pk
    transaction.on_commit(lambda: live.push_acknowledged(escalation_id, ids))
    return escalation


@transaction.atomic
def message_from_alert(
    *, person: Person, escalation: Escalation, body: str, client_id: uuid.UUID
) -> PrivateMessage:
    """Open (or continue) a private conversation with the person the alert is about
    and write in it. The alert's history says so, and the first action on it stops
    the clock. A resend (a double click) writes nothing twice."""
    check_message_from_alert(person, escalation)
    conversation = private_actions.open_conversation(
        person=person,
        with_person=escalation.person_at_risk,
        organisation=escalation.organisation,
        group=escalation.group,
    )
    message, created = private_actions.send_message(
        person=person, conversation=conversation, body=body, client_id=client_id
    )
    if created:
        _take_up(escalation, person, EventKind.MESSAGED)
    return message


def record_post_viewed(*, person: Person, escalation: Escalation) -> None:
    """Reading an escalated post from outside the group is logged, once per person."""
    if not EscalationEvent.objects.filter(
        escalation=escalation, kind=EventKind.VIEWED, person=person
    ).exists():
        _log(escalation, EventKind.VIEWED, person)


# ---- Incidents ----


@transaction.atomic
def record_incident(
    *,
    person: Person,
    organisation: Organisation,
    group: PeerGroup | None,
    category: str,
    severity: str,
    what_happened: str,
    actions_taken: str = "",
    outcome: str = "",
    follow_up: str = "",
    follow_up_by: date | None = None,
    occurred_at: datetime | None = None,
    escalation: Escalation | None = None,
    decision: ModerationDecision | None = None,
) -> Incident:
    """Record an incident in the recorder's own words, by hand or from an escalation
    or a moderation decision. The same incident sent again by the same person within
    a few minutes (a double click) is recorded once, so the rates stay true."""
    check_record_incident(person, organisation, group, about=escalation or decision)
    if escalation is not None and escalation.organisation_id != organisation.pk:
        raise PermissionDenied
    if decision is not None and decision.group.organisation_id != organisation.pk:
        raise PermissionDenied
    recent = Incident.objects.filter(
        organisation=organisation,
        recorded_by=person,
        group=group,
        category=category,
        severity=severity,
        escalation=escalation,
        decision=decision,
        created_at__gte=timezone.now() - timedelta(minutes=5),
    )
    for earlier in recent:
        # The words are sealed, so they are compared here rather than in the query.
        if (earlier.what_happened, earlier.actions_taken, earlier.outcome) == (
            what_happened,
            actions_taken,
            outcome,
        ):
            return earlier
    _tell_staff(organisation.pk)
    aftercare.after_incident(person, organisation, severity)
    if escalation is not None:
        _take_up(escalation, person, EventKind.INCIDENT)
    return Incident.objects.create(
        organisation=organisation,
        group=group,
        category=category,
        severity=severity,
        what_happened=what_happened,
        actions_taken=actions_taken,
        outcome=outcome,
        follow_up=follow_up,
        follow_up_by=follow_up_by,
        occurred_at=occurred_at or timezone.now(),
        escalation=escalation,
        decision=decision,
        recorded_by=person,
    )


@transaction.atomic
def update_incident(
    *,
    person: Person,
    incident: Incident,
    actions_taken: str,
    outcome: str,
    follow_up: str,
    follow_up_by: date | None,
) -> Incident:
    """Write what happened next, in the writer's own words. Anyone who may read the
    incident may add to it. An incident with its outcome written, and no follow-up
    date still to come, no longer keeps its post or its group from being deleted."""
    check_update_incident(person, incident)
    _tell_staff(incident.organisation_id)
    incident.actions_taken = actions_taken
    incident.outcome = outcome
    incident.follow_up = follow_up
    incident.follow_up_by = follow_up_by
    incident.save(
        update_fields=["actions_taken", "outcome", "follow_up", "follow_up_by"]
    )
    return incident


# ---- Background work for escalations ----
#
# Each alert queues its own move with `run_after`. If that task is lost (the worker
# was down past the time, or the task failed), `check_due_escalations` still moves
# the alert up within a minute. django-tasks has no cron: like the agreements' daily
# check, the check queues its own next run when it finishes, and
# `schedule_escalation_checks` (run by scripts/serve.sh at start-up) starts the chain
# unless a run is already waiting. Moving up locks the escalation row and re-reads its
# time, so the two never alert twice. The alert email never carries the post's words.

CHECK_EVERY = timedelta(minutes=1)


@task()
def move_escalation_up_when_due(escalation_id: int) -> None:
    """Move this alert up the chain if nobody has acknowledged it by its time."""
    escalation = Escalation.objects.filter(pk=escalation_id).first()
    if escalation is not None:
        move_escalation_up(escalation=escalation, now=timezone.now())


@task()
def check_due_escalations() -> int:
    """Move up every alert whose time is up, then queue the next check."""
    try:
        return move_up_due_escalations(now=timezone.now())
    finally:
        # Even if this run fails, the next check is queued: the chain never breaks.
        schedule_escalation_check()


def pending_escalation_checks() -> int:
    """How many checks are waiting in the database queue."""
    return recurring.pending(check_due_escalations)


def schedule_escalation_check(*, run_after: datetime | None = None) -> bool:
    """Queue the next check unless one is already waiting. Returns whether it queued."""
    when = run_after or timezone.now() + CHECK_EVERY
    return recurring.queue_once(check_due_escalations, run_after=when)


@task()
def email_duty_alert(person_id: int, escalation_id: int) -> None:
    """Email someone an alert reached that someone may need support now: a link to
    sign in and read it, never the post's words. Nothing for people without an
    address."""
    person = Person.objects.filter(pk=person_id).first()
    if person is None or not person.email:
        return
    path = reverse("safety:escalation-detail", kwargs={"escalation_id": escalation_id})
    # A link to open when the service's address is set; the path alone otherwise.
    where = f"{settings.ALONGSIDE_SITE_URL}{path}"
    send_mail(
        subject="Alongside: someone may need support now",
        message=(
            "Someone may need support now, and you are on the list to respond. "
            "Please sign in to Alongside to read the alert and acknowledge it.\n\n"
            f"The alert is at {where} once you are signed in."
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[person.email],
    )
