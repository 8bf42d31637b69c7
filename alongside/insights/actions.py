"""Every change in insights: giving anonymous feedback, leaving a parting note,
answering how a meeting felt, turning the prompt off, and saying what changed.

An answer and the record that someone answered are written in two separate
transactions, the record first, so that no single transaction (and no log of one)
holds both, and a failure between them can only lose an answer, never tie it to
its writer.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from alongside.accounts.models import Person
from alongside.meetings.models import Occurrence
from alongside.organisations.models import Organisation
from alongside.peergroups.models import PeerGroup

from .models import (
    PROMPT_EVERY,
    Answer,
    Answered,
    Change,
    FeltSafetyPrompt,
    Kind,
    OwnScore,
    Report,
    ReportStatus,
)
from .permissions import (
    check_answer_felt_safety,
    check_give_feedback,
    check_leave_parting_note,
    check_record_change,
    check_see_dashboard,
    felt_safety_blocker,
    has_given_feedback_this_week,
    last_day_of_month,
    left_in,
    week_of,
)
from .report import build_csv, gather
from .report_pdf import render_report_pdf

# "Has answered" records are kept only while they can stop a double answer.
RECORD_KEPT_AFTER = timedelta(days=7)
# Anonymous answers feed three years of quarterly figures, then go.
ANSWERS_KEPT = timedelta(days=3 * 365)

ALREADY_THIS_WEEK = (
    "You have already sent feedback to this group's facilitators this week. You "
    "can send more next week."
)


def give_feedback(
    *, person: Person, group: PeerGroup, text: str, today: date | None = None
) -> None:
    """Send words to the group's facilitators with no link to the writer.

    Preconditions: a current member (PermissionDenied); some words; not already
    this week (ValidationError, with kind words). Side effects: none; nobody is
    told, as the facilitators read answers only in batches after the window.
    """
    check_give_feedback(person, group)
    text = text.strip()
    if not text:
        raise ValidationError("Please write something to send.")
    today = today or timezone.localdate()
    if has_given_feedback_this_week(person, group, today):
        raise ValidationError(ALREADY_THIS_WEEK)
    try:
        with transaction.atomic():
            Answered.objects.create(person=person, group=group, week_of=week_of(today))
    except IntegrityError:
        raise ValidationError(ALREADY_THIS_WEEK) from None
    with transaction.atomic():
        Answer.objects.create(
            group=group, kind=Kind.ANYTIME, answered_on=today, text=text
        )


ALREADY_LEFT_A_NOTE = "You have already left a note. Thank you."


def leave_parting_note(
    *, person: Person, group: PeerGroup, text: str, today: date | None = None
) -> None:
    """Leave words for the group's facilitators on leaving, with no link to the
    writer and the month alone.

    Preconditions: left the group within the last seven days (PermissionDenied);
    some words; no note yet on this leaving (ValidationError, with kind words).
    Side effects: none; nobody is told, as the facilitators read parting notes
    only in batches of five after the month and its window have passed.
    """
    check_leave_parting_note(person, group)
    text = text.strip()
    if not text:
        raise ValidationError("Please write something to send, or choose Skip.")
    month = left_in(person, group)
    today = today or timezone.localdate()
    try:
        with transaction.atomic():
            Answered.objects.create(person=person, group=group, left_in=month)
    except IntegrityError:
        raise ValidationError(ALREADY_LEFT_A_NOTE) from None
    with transaction.atomic():
        Answer.objects.create(
            group=group,
            kind=Kind.PARTING,
            answered_on=last_day_of_month(today),
            text=text,
        )


def answer_felt_safety(
    *,
    person: Person,
    occurrence: Occurrence,
    felt_safe: int,
    could_say: int,
    now: datetime | None = None,
) -> None:
    """Keep how a meeting felt, anonymously, and a copy for the person alone.

    Preconditions: a current member (PermissionDenied); felt_safety_blocker is
    empty (ValidationError with its words); both scores 1 to 5. Side effects: the
    person is not asked again for seven days.
    """
    check_answer_felt_safety(person, occurrence)
    now = now or timezone.now()
    blocker = felt_safety_blocker(person, occurrence, now)
    if blocker:
        raise ValidationError(blocker)
    if not {felt_safe, could_say} <= set(range(1, 6)):
        raise ValidationError("Please choose a number from 1 to 5 for each.")
    today = timezone.localdate(now)
    group = occurrence.meeting.group
    try:
        with transaction.atomic():
            Answered.objects.create(person=person, group=group, occurrence=occurrence)
            FeltSafetyPrompt.objects.update_or_create(
                person=person, defaults={"next_from": now + PROMPT_EVERY}
            )
            OwnScore.objects.create(
                person=person,
                month=today.replace(day=1),
                felt_safe=felt_safe,
                could_say=could_say,
            )
    except IntegrityError:
        raise ValidationError(
            "You have already answered about this meeting. Thank you."
        ) from None
    with transaction.atomic():
        Answer.objects.create(
            group=group,
            meeting=occurrence.meeting,
            kind=Kind.MEETING,
            answered_on=today,
            felt_safe=felt_safe,
            could_say=could_say,
        )


def dismiss_felt_safety_prompt(*, person: Person) -> None:
    """Never ask this person how a meeting felt again (until they ask for it back
    on their own page). No side effects."""
    FeltSafetyPrompt.objects.update_or_create(
        person=person, defaults={"is_dismissed": True}
    )


def restore_felt_safety_prompt(*, person: Person) -> None:
    """Ask again after meetings, at most once a week. No side effects."""
    FeltSafetyPrompt.objects.update_or_create(
        person=person, defaults={"is_dismissed": False}
    )


def record_change(
    *, person: Person, group: PeerGroup, you_said: str, we_did: str
) -> Change:
    """Tell the group what its facilitators changed in response.

    Preconditions: an active facilitator (PermissionDenied); both parts written
    (ValidationError). No side effects.
    """
    check_record_change(person, group)
    you_said, we_did = you_said.strip(), we_did.strip()
    if not you_said or not we_did:
        raise ValidationError("Please fill in both what was said and what changed.")
    return Change.objects.create(
        group=group, you_said=you_said, we_did=we_did, made_by=person
    )


def forget_old_records(*, now: datetime | None = None) -> int:
    """The nightly tidy-up, run by the retention task: "has answered" records go
    once they can no longer stop a double answer (a week after the meeting, after
    the week of feedback, or a week after the month someone left), and anonymous
    answers go after three years. Returns how many rows went. No permission
    check: the scheduled task only."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    answered, _ = Answered.objects.filter(
        occurrence__ends_at__lt=now - RECORD_KEPT_AFTER
    ).delete()
    weekly, _ = Answered.objects.filter(
        week_of__lt=today - RECORD_KEPT_AFTER - timedelta(days=7)
    ).delete()
    # A parting note may be left up to a week after leaving, so a month's records
    # are kept until a little over a week after it ends.
    parting, _ = Answered.objects.filter(
        left_in__lt=(today - RECORD_KEPT_AFTER - timedelta(days=1)).replace(day=1)
    ).delete()
    answers, _ = Answer.objects.filter(answered_on__lt=today - ANSWERS_KEPT).delete()
    return answered + weekly + parting + answers


def request_report(*, person: Person, organisation: Organisation) -> Report:
    """Ask the worker for a commissioner's report of the last four quarters.

    Preconditions: the person may see the dashboard (404 otherwise). Asked twice
    while one is still waiting or being built, the same report is returned. Side
    effects: the build is queued after the commit.
    """
    check_see_dashboard(person, organisation)
    with transaction.atomic():
        pending = (
            Report.objects.select_for_update()
            .filter(
                organisation=organisation,
                status__in=[ReportStatus.WAITING, ReportStatus.BUILDING],
            )
            .first()
        )
        if pending is not None:
            return pending
        report = Report.objects.create(organisation=organisation, requested_by=person)
        transaction.on_commit(lambda: _queue_report(report.pk))
    return report


def _queue_report(report_id: int) -> None:
    build_report_task.enqueue(report_id)


@task()
def build_report_task(report_id: int) -> str:
    """The worker's entry: build the report (see build_report)."""
    return build_report(report_id=report_id)


def build_report(*, report_id: int) -> str:
    """The worker's part: gather the figures of the quarters that had ended when
    the report was asked for, then write the CSV and the PDF from them, with
    progress along the way. No permission check: run only by the task for a
    report someone allowed asked for. Returns the report's status."""
    report = Report.objects.filter(pk=report_id).select_related("organisation").first()
    if report is None or report.status == ReportStatus.READY:
        return "missing" if report is None else report.status
    steps = Report.objects.filter(pk=report.pk)
    steps.update(status=ReportStatus.BUILDING, progress=10)
    try:
        figures = gather(
            report.organisation,
            report.quarters,
            today=timezone.localdate(report.created_at),
        )
        steps.update(progress=50)
        text = build_csv(figures)
        steps.update(progress=60)
        pdf = render_report_pdf(figures)
    except Exception:
        steps.update(status=ReportStatus.FAILED)
        raise
    steps.update(status=ReportStatus.READY, progress=100, csv=text, pdf=pdf)
    return ReportStatus.READY
