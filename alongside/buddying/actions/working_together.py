"""Every change as the two work together: their support agreement, notes after
meetings, the meetings they ask for, agree to, turn down, withdraw or cancel
(with the lone-working check-in and check-out) and the peer's own "how is it
going?". Each action checks permission, keeps the invariants, writes, and only
after the commit tells anyone.

Notices are in the system's own words and never carry what anyone wrote.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.actions import notify
from alongside.safety.lone_working import raise_lone_working_alert

from ..models import AgreementVersion, Match, MeetingNote, PairMeeting, SupportCheck
from ..pair_policy import policy_for
from ..permissions import (
    can_answer_meeting_ask,
    check_agree,
    check_answer_check,
    check_answer_meeting_ask,
    check_cancel_meeting,
    check_check_in_or_out,
    check_plan_meeting,
    check_propose_agreement,
    check_withdraw_meeting,
    check_write_note,
    side_in,
)
from .shared import coordinators, match_link

IN_PERSON_ONLY = (
    "Meetings here are in person only. Please choose in person; nothing else "
    "was changed."
)
# No check-out this long after the planned end of an in-person meeting alerts
# whoever is on duty.
CHECK_OUT_GRACE = timedelta(minutes=30)


@transaction.atomic
def propose_agreement(
    *, person: Person, match: Match, fields: dict[str, object]
) -> AgreementVersion:
    """Either of the two writes a new version of the agreement; the writer agrees
    to it by writing it, and the other is asked to read it."""
    match = Match.objects.select_for_update().get(pk=match.pk)
    check_propose_agreement(person, match)
    latest = match.agreement_versions.order_by("-number").first()
    now = timezone.now()
    side = side_in(person, match)
    version = AgreementVersion.objects.create(
        match=match,
        number=(latest.number if latest else 0) + 1,
        proposed_by=person,
        peer_agreed_at=now if side == "peer" else None,
        supporter_agreed_at=now if side == "supporter" else None,
        **fields,
    )
    other = match.supporter if side == "peer" else match.peer
    notify(
        people=[other],
        message="A change to your support agreement is waiting for you to read.",
        link=reverse("buddying:agreement", kwargs={"match_id": match.pk}),
    )
    return version


@transaction.atomic
def agree_to_agreement(*, person: Person, version: AgreementVersion) -> None:
    """One of the two says yes to the latest version. Once both have, it is
    agreed, and both are told."""
    version = AgreementVersion.objects.select_for_update().get(pk=version.pk)
    check_agree(person, version)
    now = timezone.now()
    if side_in(person, version.match) == "peer":
        version.peer_agreed_at = now
    else:
        version.supporter_agreed_at = now
    version.save(update_fields=["peer_agreed_at", "supporter_agreed_at"])
    if version.is_agreed:
        notify(
            people=[version.match.peer, version.match.supporter],
            message="Your support agreement is agreed by you both.",
            link=reverse("buddying:agreement", kwargs={"match_id": version.match_id}),
        )


@transaction.atomic
def write_meeting_note(
    *,
    person: Person,
    match: Match,
    met_on: date,
    body: str,
    is_for_supervision_only: bool,
    why_for_supervision: str,
) -> MeetingNote:
    """The supporter writes a short note after a meeting. The peer is told there is
    a new note; they read it unless it is for supervision only, and then they see
    that it exists and why."""
    check_write_note(person, match)
    note = MeetingNote.objects.create(
        match=match,
        author=person,
        met_on=met_on,
        body=body,
        is_for_supervision_only=is_for_supervision_only,
        why_for_supervision=why_for_supervision if is_for_supervision_only else "",
    )
    notify(
        people=[match.peer],
        message="Your supporter has written a note about your meeting.",
        link=match_link(match),
    )
    return note


@transaction.atomic
def plan_meeting(
    *, person: Person, match: Match, starts_at: datetime, minutes: int, format: str
) -> PairMeeting:
    """Either of the two asks for a meeting: a day, a time, how long and how (in
    person only, where the organisation says so: `pair_policy`). It is asked, not
    on, until the other says yes (`agree_to_meeting`): until then it drives no
    check-in, check-out, alert or check after it. The same meeting asked twice (a
    double click) is kept once and tells nobody again. The same time the other
    side already asked for, still waiting, is a yes to it: one meeting, agreed,
    and the one who asked is told as for any yes."""
    check_plan_meeting(person, match)
    if format not in dict(policy_for(match.organisation).formats):
        raise PermissionDenied(IN_PERSON_ONLY)
    Match.objects.select_for_update().filter(pk=match.pk).first()
    fields = {
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(minutes=minutes),
        "format": format,
    }
    same = match.meetings.filter(
        **fields, cancelled_at__isnull=True, declined_at__isnull=True
    ).first()
    if same is not None:
        same = _locked(same)
        if can_answer_meeting_ask(person, same):
            return _say_yes(person, same)
        return same
    side = side_in(person, match)
    meeting = PairMeeting.objects.create(match=match, planned_by=side or "", **fields)
    notify(
        people=[_other(person, match)],
        message="A one-to-one meeting has been suggested. Please say whether the "
        "time works for you.",
        link=match_link(match),
    )
    return meeting


def _other(person: Person, match: Match) -> Person:
    return match.supporter if side_in(person, match) == "peer" else match.peer


def _locked(meeting: PairMeeting) -> PairMeeting:
    return (
        PairMeeting.objects.select_for_update()
        .select_related("match")
        .get(pk=meeting.pk)
    )


@transaction.atomic
def agree_to_meeting(*, person: Person, meeting: PairMeeting) -> PairMeeting:
    """The other side says yes to a meeting asked of them; from then it is on.
    The one who asked is told, in neutral words. A second yes (a double click, an
    old tab) is refused kindly and tells nobody again."""
    meeting = _locked(meeting)
    check_answer_meeting_ask(person, meeting)
    return _say_yes(person, meeting)


def _say_yes(person: Person, meeting: PairMeeting) -> PairMeeting:
    """Write the yes to a locked meeting the person may answer, and tell the one
    who asked."""
    meeting.agreed_at = timezone.now()
    meeting.save(update_fields=["agreed_at"])
    notify(
        people=[_other(person, meeting.match)],
        message="A one-to-one meeting you suggested is agreed.",
        link=match_link(meeting.match),
    )
    return meeting


@transaction.atomic
def decline_meeting(*, person: Person, meeting: PairMeeting) -> PairMeeting:
    """The other side says the time does not work. No reason is asked or kept:
    the pair talk about times the way they already talk. The one who asked is
    told, and may suggest another."""
    meeting = _locked(meeting)
    check_answer_meeting_ask(person, meeting)
    meeting.declined_at = timezone.now()
    meeting.save(update_fields=["declined_at"])
    notify(
        people=[_other(person, meeting.match)],
        message="A time you suggested for a one-to-one meeting does not work for "
        "the other person. You could suggest another.",
        link=match_link(meeting.match),
    )
    return meeting


@transaction.atomic
def withdraw_meeting(*, person: Person, meeting: PairMeeting) -> PairMeeting:
    """The one who asked withdraws a meeting still waiting for a yes. The other
    is told, and has nothing left to answer."""
    meeting = _locked(meeting)
    check_withdraw_meeting(person, meeting)
    meeting.cancelled_at = timezone.now()
    meeting.save(update_fields=["cancelled_at"])
    notify(
        people=[_other(person, meeting.match)],
        message="A one-to-one meeting you were asked about has been withdrawn.",
        link=match_link(meeting.match),
    )
    return meeting


@transaction.atomic
def cancel_meeting(*, person: Person, meeting: PairMeeting) -> None:
    """Either of the two cancels an agreed meeting that has not started. It then
    asks for no check-in or check-out, raises no lone-working alert and offers no
    check after it. The other person is told, in the same neutral words as when it
    was asked. A second cancel (a double click, an old tab) is refused kindly and
    tells nobody again."""
    meeting = _locked(meeting)
    check_cancel_meeting(person, meeting)
    meeting.cancelled_at = timezone.now()
    meeting.save(update_fields=["cancelled_at"])
    notify(
        people=[_other(person, meeting.match)],
        message="A one-to-one meeting has been cancelled.",
        link=match_link(meeting.match),
    )


@transaction.atomic
def check_in(*, person: Person, meeting: PairMeeting) -> None:
    """The supporter says they have arrived at an in-person meeting. Twice changes
    nothing."""
    meeting = PairMeeting.objects.select_for_update().get(pk=meeting.pk)
    check_check_in_or_out(person, meeting)
    if meeting.checked_in_at is None:
        meeting.checked_in_at = timezone.now()
        meeting.save(update_fields=["checked_in_at"])


@transaction.atomic
def check_out(*, person: Person, meeting: PairMeeting) -> None:
    """The supporter says they have left safely. Twice changes nothing."""
    meeting = PairMeeting.objects.select_for_update().get(pk=meeting.pk)
    check_check_in_or_out(person, meeting)
    if meeting.checked_out_at is None:
        meeting.checked_out_at = timezone.now()
        meeting.save(update_fields=["checked_out_at"])


@transaction.atomic
def alert_missed_check_outs(*, now: datetime) -> int:
    """A system action for the regular check: an agreed in-person meeting, not
    cancelled, with no check-out 30 minutes after its planned end raises a
    lone-working alert, once, through the safety escalation chain
    (`safety.lone_working`): the supporter's supervisor and whoever is on duty,
    moving up the chain until someone acknowledges it, on their Today page. The
    alert names the supporter (their safety is the point) and never the peer.
    A meeting asked but never agreed alerts nobody. Returns how many were
    alerted."""
    missed = list(
        PairMeeting.objects.agreed()
        .select_for_update()
        .filter(
            format="in_person",
            checked_out_at__isnull=True,
            alerted_at__isnull=True,
            cancelled_at__isnull=True,
            ends_at__lte=now - CHECK_OUT_GRACE,
            match__status="active",
        )
        .select_related("match__organisation", "match__supporter")
    )
    for meeting in missed:
        meeting.alerted_at = now
        meeting.escalation = raise_lone_working_alert(
            organisation=meeting.match.organisation,
            supporter=meeting.match.supporter,
            now=now,
        )
        meeting.save(update_fields=["alerted_at", "escalation"])
    return len(missed)


def ask_coordinators_to_offer_change(match: Match) -> None:
    """After a low answer: the coordinators (never the supporter) are asked to
    offer a change, with no fault on anyone. No answer and no words go with it."""
    notify(
        people=coordinators(match.organisation, besides=match.peer),
        message="Someone in one-to-one support may welcome a different "
        "supporter. Please offer one kindly, with no fault on anyone.",
        link=reverse("buddying:coordinate", args=[match.organisation.slug]),
    )


@transaction.atomic
def answer_check(
    *, person: Person, match: Match, helpful: int, felt_safe: int
) -> SupportCheck:
    """The peer says how it is going (1 to 5, twice), privately. A low answer asks
    the coordinators to offer a change with no fault on anyone; the supporter is
    never told."""
    check_answer_check(person, match)
    answer = SupportCheck.objects.create(
        match=match, helpful=helpful, felt_safe=felt_safe
    )
    if answer.is_low:
        ask_coordinators_to_offer_change(match)
    return answer
