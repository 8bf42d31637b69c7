"""Who may give, read and see what in insights. The only place that decides.

- Giving anonymous feedback to a group's facilitators: its current members (active
  or taking a break). Never anyone else, so an answer always comes from the group,
  and never its facilitators, who read the answers: they could otherwise fill a
  batch with their own and single out one member's.
- Leaving a parting note: someone who has left the group, within seven days of
  leaving, once for that leaving.
- Answering how a meeting felt: a current member who is not a facilitator, within
  three days of the end of a meeting of the group that took place, once per
  meeting, at most once every seven days however many meetings, and never after
  dismissing the prompt.
- Reading the anonymous answers: the group's active facilitators, and only answers
  whose window has closed, in batches of five or more (`answers_released`);
  parting notes in batches of five parting notes, as the facilitators know who
  left. Never organisation admins or supervisors: they see figures, not words.
- "You said, we did": the group's current members read it; active facilitators
  write it.
- The dashboard: the organisation's admins and supervisors.
- A person's own scores: that person alone.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.meetings.models import Occurrence
from alongside.meetings.permissions import is_active_facilitator, is_current_member
from alongside.organisations.models import Organisation, Role
from alongside.organisations.permissions import role_in
from alongside.peergroups.models import GroupRole, PeerGroup, Status
from alongside.peergroups.permissions import membership_of

from .models import (
    ANSWER_AFTER_MEETING_FOR,
    BATCH,
    PARTING_NOTE_FOR,
    WINDOW,
    Answer,
    Answered,
    FeltSafetyPrompt,
    Kind,
    Report,
)

DASHBOARD_ROLES = frozenset({Role.ADMIN, Role.SUPERVISOR})


# --- giving -------------------------------------------------------------------------


def writes_to_itself(person: Person, group: PeerGroup) -> bool:
    """Whether the person is one of the group's facilitators, active or on a break:
    they read its answers, so they never write any. Otherwise a facilitator could
    send four of their own beside one member's and read the fifth of the batch as
    that member's. Reads only."""
    return _answerer(person, group) == "facilitator"


def _answerer(person: Person, group: PeerGroup) -> str:
    """What the person is to the group when answering, in one read: "member" for a
    current member who may answer, "facilitator" for one of its current
    facilitators, and "" for anyone else."""
    membership = membership_of(person, group)
    if membership is None or membership.status not in (Status.ACTIVE, Status.PAUSED):
        return ""
    return "facilitator" if membership.role == GroupRole.FACILITATOR else "member"


def can_give_feedback(person: Person, group: PeerGroup) -> bool:
    """Current members (active or taking a break) may write to the facilitators;
    never the facilitators themselves (`writes_to_itself`)."""
    return _answerer(person, group) == "member"


def check_give_feedback(person: Person, group: PeerGroup) -> None:
    """PermissionDenied unless can_give_feedback. The group was found through
    peergroups' lookup, which already answered 404 outside the organisation."""
    if not can_give_feedback(person, group):
        raise PermissionDenied


def week_of(day: date) -> date:
    """The Monday of the day's week."""
    return day - timedelta(days=day.weekday())


def has_given_feedback_this_week(
    person: Person, group: PeerGroup, today: date | None = None
) -> bool:
    """Whether the person sent feedback at any time to the group this week."""
    return Answered.objects.filter(
        person=person, group=group, week_of=week_of(today or timezone.localdate())
    ).exists()


def left_in(person: Person, group: PeerGroup) -> date | None:
    """The first day of the month in which the person left the group, when they
    left it within the last seven days; None otherwise. Reads only."""
    membership = membership_of(person, group)
    if membership is None or membership.status != Status.LEFT:
        return None
    if membership.status_changed_at < timezone.now() - PARTING_NOTE_FOR:
        return None
    return timezone.localdate(membership.status_changed_at).replace(day=1)


def has_left(person: Person, group: PeerGroup) -> bool:
    """Whether the person left the group (at any time). Reads only."""
    membership = membership_of(person, group)
    return membership is not None and membership.status == Status.LEFT


def can_leave_parting_note(person: Person, group: PeerGroup) -> bool:
    """Someone who left the group within the last seven days."""
    return left_in(person, group) is not None


def check_leave_parting_note(person: Person, group: PeerGroup) -> None:
    """PermissionDenied unless can_leave_parting_note. Having left a note already
    is told kindly by the page (has_left_parting_note)."""
    if not can_leave_parting_note(person, group):
        raise PermissionDenied


def has_left_parting_note(person: Person, group: PeerGroup) -> bool:
    """Whether the person has left a note on this leaving. Reads only."""
    month = left_in(person, group)
    return (
        month is not None
        and Answered.objects.filter(person=person, group=group, left_in=month).exists()
    )


def felt_safety_blocker(
    person: Person, occurrence: Occurrence, now: datetime | None = None
) -> str:
    """Why the person may not answer how this meeting felt, in plain words, or ""
    when they may. Reads only."""
    now = now or timezone.now()
    group = occurrence.meeting.group
    answerer = _answerer(person, group)
    if not answerer:
        return "Only members of the group are asked how a meeting felt."
    if answerer == "facilitator":
        return (
            "The group's facilitators read how its meetings felt to members, so "
            "they are not asked themselves."
        )
    if occurrence.is_cancelled or occurrence.ends_at > now:
        return "You can say how a meeting felt once it is over."
    if occurrence.ends_at + ANSWER_AFTER_MEETING_FOR < now:
        return "This meeting was a while ago, so it is no longer asked about."
    if Answered.objects.filter(person=person, occurrence=occurrence).exists():
        return "You have already answered about this meeting. Thank you."
    prompt = FeltSafetyPrompt.objects.filter(person=person).first()
    if prompt is not None and prompt.is_dismissed:
        return "You asked not to be asked how meetings felt."
    if prompt is not None and prompt.next_from and prompt.next_from > now:
        return "You answered recently. We ask at most once a week."
    return ""


def can_answer_felt_safety(person: Person, occurrence: Occurrence) -> bool:
    """See felt_safety_blocker."""
    return not felt_safety_blocker(person, occurrence)


def check_answer_felt_safety(person: Person, occurrence: Occurrence) -> None:
    """PermissionDenied unless a current member of the meeting's group who is
    not one of its facilitators (`writes_to_itself`); the other reasons (already
    answered, too soon) are told kindly by the page."""
    group = occurrence.meeting.group
    if _answerer(person, group) != "member":
        raise PermissionDenied


def meeting_to_ask_about(
    person: Person, group: PeerGroup, now: datetime | None = None
) -> Occurrence | None:
    """The group's most recent meeting that the person may now say how it felt
    about, or None. Reads only."""
    now = now or timezone.now()
    recent = (
        Occurrence.objects.of_group(group)
        .filter(
            is_cancelled=False,
            ends_at__lte=now,
            ends_at__gte=now - ANSWER_AFTER_MEETING_FOR,
        )
        .select_related("meeting__group")
        .order_by("-ends_at")
        .first()
    )
    if recent is None or not can_answer_felt_safety(person, recent):
        return None
    return recent


# --- reading ------------------------------------------------------------------------


def can_read_answers(person: Person, group: PeerGroup) -> bool:
    """The group's active facilitators."""
    return is_active_facilitator(person, group)


def check_read_answers(person: Person, group: PeerGroup) -> None:
    """PermissionDenied unless can_read_answers."""
    if not can_read_answers(person, group):
        raise PermissionDenied


def window_closed_on(today: date | None = None) -> date:
    """The last answer day whose window has closed: the day ended at least 72 hours
    ago."""
    today = today or timezone.localdate()
    return today - timedelta(days=1) - WINDOW // timedelta(days=1) * timedelta(days=1)


def _whole_batches(answers: list[Answer]) -> list[Answer]:
    return answers[: len(answers) // BATCH * BATCH]


def answers_released(group: PeerGroup, today: date | None = None) -> list[Answer]:
    """The answers facilitators may read: those whose window has closed, oldest
    first, in whole batches of five or more (so a newly shown answer never stands
    alone). Empty until five have closed. Parting notes are counted apart, five
    parting notes at a time: the facilitators know who left, so a lone note among
    other answers would point at them."""
    closed = Answer.objects.filter(
        group=group, answered_on__lte=window_closed_on(today)
    )
    return _whole_batches(list(closed.exclude(kind=Kind.PARTING))) + _whole_batches(
        list(closed.filter(kind=Kind.PARTING))
    )


def parting_note_shown_from(today: date | None = None) -> date:
    """The first day the facilitators could read a parting note written today:
    once the window after the month's last day has closed."""
    last_day = last_day_of_month(today or timezone.localdate())
    return (
        last_day + timedelta(days=1) + WINDOW // timedelta(days=1) * timedelta(days=1)
    )


def last_day_of_month(day: date) -> date:
    """The day a parting note written on `day` is kept as: its month alone."""
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def answers_visible_to(
    person: Person, group: PeerGroup, today: date | None = None
) -> list[Answer]:
    """Released answers for the group's active facilitators; none for anyone
    else."""
    if not can_read_answers(person, group):
        return []
    return answers_released(group, today)


# --- you said, we did ---------------------------------------------------------------


def can_see_changes(person: Person, group: PeerGroup) -> bool:
    """Current members read what changed."""
    return is_current_member(person, group)


def check_see_changes(person: Person, group: PeerGroup) -> None:
    """PermissionDenied unless can_see_changes."""
    if not can_see_changes(person, group):
        raise PermissionDenied


def can_record_change(person: Person, group: PeerGroup) -> bool:
    """Active facilitators say what they changed."""
    return is_active_facilitator(person, group)


def check_record_change(person: Person, group: PeerGroup) -> None:
    """PermissionDenied unless can_record_change."""
    if not can_record_change(person, group):
        raise PermissionDenied


# --- the dashboard ------------------------------------------------------------------


def can_see_dashboard(person: Person, organisation: Organisation) -> bool:
    """The organisation's admins and supervisors."""
    return role_in(person, organisation) in DASHBOARD_ROLES


def check_see_dashboard(person: Person, organisation: Organisation) -> None:
    """404 for everyone else, as for any staff page of an organisation."""
    if not can_see_dashboard(person, organisation):
        raise Http404


def get_report_for(
    person: Person, organisation: Organisation, report_id: int
) -> Report:
    """A commissioner's report of the organisation, for those who may see its
    dashboard; 404 otherwise, also when missing."""
    check_see_dashboard(person, organisation)
    report = Report.objects.filter(organisation=organisation, pk=report_id).first()
    if report is None:
        raise Http404
    return report
