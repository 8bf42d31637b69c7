"""Alerts: raising one when a post shows a risk to life, moving it up the chain
when nobody answers, taking it up, and the background work that moves it. Each
alert queues its own move with `run_after`; if that task is lost,
`check_due_escalations` still moves the alert up within a minute. django-tasks
has no cron: the check queues its own next run when it finishes, and
`schedule_escalation_checks` (run by scripts/serve.sh at start-up) starts the
chain unless a run is already waiting. Moving up locks the escalation row and
re-reads its time, so the two never alert twice. The alert email never carries
the post's words."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import default_task_backend, task

from alongside.accounts.models import Person
from alongside.conversations.models import Post
from alongside.core import recurring
from alongside.notifications.actions import notify
from alongside.privateconversations import actions as private_actions
from alongside.privateconversations.models import Message as PrivateMessage
from alongside.safety import aftercare, escalation_kinds, live
from alongside.safety.actions.duty import on_duty_in, people_of_step
from alongside.safety.actions.reports import facilitators_of
from alongside.safety.actions.shared import tell_staff
from alongside.safety.models import (
    Escalation,
    EscalationChain,
    EscalationEvent,
    EscalationStatus,
    EventKind,
)
from alongside.safety.permissions import (
    check_acknowledge,
    check_message_from_alert,
)


def log_event(escalation: Escalation, kind: str, person: Person | None = None) -> None:
    """Add one event to the alert's history, at its present level."""
    EscalationEvent.objects.create(
        escalation=escalation, kind=kind, person=person, level=escalation.level
    )


def send_alert(escalation: Escalation, people: Iterable[Person]) -> None:
    """Alert these people: in-app note, a live push and an email (no words of the
    post, ever)."""
    people = list(people)
    escalation.alerted.add(*people)
    link = reverse("safety:escalation-detail", kwargs={"escalation_id": escalation.pk})
    for someone in people:
        log_event(escalation, EventKind.ALERTED, someone)
    # The alert email below goes to every alerted person with an address, so the
    # note sends no email copy of its own.
    notify(
        people=people,
        message=escalation_kinds.alert_message(escalation),
        link=link,
        email_copy=False,
    )
    ids = [someone.pk for someone in people]
    escalation_id = escalation.pk
    transaction.on_commit(lambda: live.push_alert(escalation_id, ids))
    for someone in people:
        if someone.email:
            log_event(escalation, EventKind.EMAILED, someone)
            transaction.on_commit(
                partial(email_duty_alert.enqueue, someone.pk, escalation_id)
            )


def schedule_move_up(escalation: Escalation, now: datetime) -> None:
    """Set when the alert moves up the chain if nobody answers, and queue it."""
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


def next_step_people(
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
            for p in people_of_step(step, escalation.organisation)
            if p.pk not in already
        ]
        if people:
            return step.position, people
    facilitators = [
        p
        for p in (
            facilitators_of(escalation.group)
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
    log_event(escalation, EventKind.RAISED)
    tell_staff(organisation.pk)
    people = [p for p in on_duty_in(organisation) if p.pk != post.author_id]
    if not people:
        found = next_step_people(escalation, 0)
        if found is not None:
            escalation.level, people = found
    if people:
        send_alert(escalation, people)
        schedule_move_up(escalation, now)
    else:
        log_event(escalation, EventKind.NO_ONE_LEFT)
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
    found = next_step_people(escalation, escalation.level)
    if found is None:
        escalation.next_move_at = None
        escalation.save(update_fields=["next_move_at"])
        log_event(escalation, EventKind.NO_ONE_LEFT)
        return False
    escalation.level, people = found
    log_event(escalation, EventKind.MOVED_UP)
    tell_staff(escalation.organisation_id)
    send_alert(escalation, people)
    schedule_move_up(escalation, now)
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
    log_event(escalation, EventKind.ACKNOWLEDGED, person)
    aftercare.after_taking_up(person, escalation)
    tell_staff(escalation.organisation_id)
    notify(
        people=[escalation.person_at_risk],
        message=escalation_kinds.acknowledged_message(escalation),
    )
    ids = list(escalation.alerted.values_list("pk", flat=True))
    escalation_id = escalation.pk
    transaction.on_commit(lambda: live.push_acknowledged(escalation_id, ids))
    return escalation


def take_up(escalation: Escalation, person: Person, kind: str) -> Escalation:
    """Write an action on the alert in its history. The first action on an open
    alert (messaging the person, deciding the post, recording an incident, or
    acknowledging it) stops the clock, so it moves up the chain no further, and the
    others it reached see it settle."""
    escalation = Escalation.objects.select_for_update().get(pk=escalation.pk)
    log_event(escalation, kind, person)
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
        take_up(escalation, person, EventKind.MESSAGED)
    return message


def record_post_viewed(*, person: Person, escalation: Escalation) -> None:
    """Reading an escalated post from outside the group is logged, once per person."""
    if not EscalationEvent.objects.filter(
        escalation=escalation, kind=EventKind.VIEWED, person=person
    ).exists():
        log_event(escalation, EventKind.VIEWED, person)


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
