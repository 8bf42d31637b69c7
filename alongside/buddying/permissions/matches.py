"""Who may see and do what with a match: the pair's agreement, meeting notes,
meetings and their checks, the end, and the organisation's settings and oversight.

- A match, and its support agreement, is seen by its two people only (the
  supporter only while still in the organisation). Either may
  propose a version of the agreement, agree to the latest, or ask for a different
  match while it is active. Their messages are in a private conversation whose own
  rules (`alongside.privateconversations.permissions`) decide who reads it.

Anything a person may not see is 404, as is anything missing.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, OrganisationRole

from ..models import (
    AgreementVersion,
    Match,
    MatchQuerySet,
    MeetingNote,
    Offer,
    OfferStatus,
    PairMeeting,
    Side,
    SupportRequest,
)
from ..pair_policy import policy_for
from .requests import is_coordinator

# ---- Matches ---------------------------------------------------------------------


def matches_visible_to(person: Person) -> MatchQuerySet:
    """Matches the person is one of the two in: the peer always (it is their own
    support), the supporter while they are still in the match's organisation, as
    for the pair's conversation (`privateconversations.permissions`) and the
    referrals they made."""
    if not person.is_authenticated:
        return Match.objects.none()
    still_in = OrganisationRole.objects.filter(person=person).values("organisation_id")
    return Match.objects.filter(
        Q(peer=person) | Q(supporter=person, organisation_id__in=still_in)
    )


def get_match_for(person: Person, match_id: int) -> Match:
    """A match the person is in; 404 otherwise, also when missing."""
    try:
        return (
            matches_visible_to(person).select_related("organisation").get(pk=match_id)
        )
    except Match.DoesNotExist:
        raise Http404 from None


def side_in(person: Person, match: Match) -> str | None:
    """ "peer", "supporter" or None."""
    if person.pk == match.peer_id:
        return "peer"
    if person.pk == match.supporter_id:
        return "supporter"
    return None


def can_ask_for_change(person: Person, match: Match) -> bool:
    """Either of the two asks for a different match while it is active."""
    return match.is_active and side_in(person, match) is not None


def check_ask_for_change(person: Person, match: Match) -> None:
    """Raise PermissionDenied unless can_ask_for_change."""
    if not can_ask_for_change(person, match):
        raise PermissionDenied("This support has already ended. Nothing has changed.")


def can_propose_agreement(person: Person, match: Match) -> bool:
    """Either of the two writes a version of the agreement while active."""
    return match.is_active and side_in(person, match) is not None


def check_propose_agreement(person: Person, match: Match) -> None:
    """Raise PermissionDenied unless can_propose_agreement."""
    if not can_propose_agreement(person, match):
        raise PermissionDenied(
            "This support has ended, so the agreement cannot change. Nothing you "
            "wrote is lost."
        )


def can_agree(person: Person, version: AgreementVersion) -> bool:
    """Either of the two says yes to the latest version, once."""
    match = version.match
    side = side_in(person, match)
    if not match.is_active or side is None:
        return False
    latest = match.agreement_versions.order_by("-number").first()
    if latest is None or latest.pk != version.pk:
        return False
    agreed_at = (
        version.peer_agreed_at if side == "peer" else version.supporter_agreed_at
    )
    return agreed_at is None


def check_agree(person: Person, version: AgreementVersion) -> None:
    """Raise PermissionDenied unless can_agree."""
    if not can_agree(person, version):
        raise PermissionDenied(
            "This is not the latest version, or you have already agreed to it."
        )


# ---- Meeting notes ---------------------------------------------------------------


def can_write_note(person: Person, match: Match) -> bool:
    """The supporter writes notes after meetings while the match is active."""
    return match.is_active and side_in(person, match) == "supporter"


def check_write_note(person: Person, match: Match) -> None:
    """Raise PermissionDenied unless can_write_note."""
    if not can_write_note(person, match):
        raise PermissionDenied(
            "Only the supporter writes meeting notes, while the support goes on."
        )


def notes_visible_to(person: Person, match: Match) -> QuerySet[MeetingNote]:
    """Every note, for the two of them. The peer reads each one's words unless it
    is for supervision only (`can_read_note_words`); nobody else sees any."""
    if side_in(person, match) is None:
        return MeetingNote.objects.none()
    return match.notes.all()


def can_read_note_words(person: Person, note: MeetingNote) -> bool:
    """The supporter reads all their notes; the peer reads those not kept for
    supervision only (and sees that the others exist, and why)."""
    side = side_in(person, note.match)
    return side == "supporter" or (side == "peer" and not note.is_for_supervision_only)


# ---- Meetings, checks and the ending ----------------------------------------------


def can_plan_meeting(person: Person, match: Match) -> bool:
    """Either of the two plans a meeting while the match is active."""
    return match.is_active and side_in(person, match) is not None


def check_plan_meeting(person: Person, match: Match) -> None:
    """Raise PermissionDenied unless can_plan_meeting."""
    if not can_plan_meeting(person, match):
        raise PermissionDenied("This support has ended, so no meeting can be added.")


SUPPORT_ENDED = "This support has ended. Nothing has changed."
MEETING_WITHDRAWN = (
    "This meeting was withdrawn by the one who asked for it. Nothing has changed."
)
ONLY_THE_TWO = "Only the two in this support can answer or withdraw a meeting."


def can_cancel_meeting(person: Person, meeting: PairMeeting) -> bool:
    """Either of the two cancels an agreed meeting that has not started yet, while
    the support goes on (a plan changed). A meeting still asked is withdrawn by the
    one who asked, or turned down by the other, instead."""
    return (
        can_plan_meeting(person, meeting.match)
        and meeting.is_agreed
        and meeting.starts_at > timezone.now()
        and not meeting.is_cancelled
    )


def check_cancel_meeting(person: Person, meeting: PairMeeting) -> None:
    """Raise PermissionDenied unless can_cancel_meeting, saying why kindly."""
    if can_cancel_meeting(person, meeting):
        return
    if meeting.is_withdrawn:
        raise PermissionDenied(MEETING_WITHDRAWN)
    if meeting.is_cancelled:
        raise PermissionDenied("This meeting is already cancelled. Nothing changed.")
    if not meeting.match.is_active:
        raise PermissionDenied(SUPPORT_ENDED)
    if not meeting.is_agreed:
        raise PermissionDenied(
            "This meeting was never agreed, so there is nothing to cancel: the one "
            "who suggested it can withdraw it, and the other can say the time "
            "doesn't work. Nothing has changed."
        )
    raise PermissionDenied(
        "This meeting has already started, so it can no longer be cancelled. "
        "Nothing has changed."
    )


def _why_not_open(meeting: PairMeeting, side: str | None) -> str | None:
    """Why an asked meeting can no longer be answered or withdrawn, or None while
    it still waits for a yes. Stale pages and double clicks land here."""
    if not meeting.match.is_active:
        return SUPPORT_ENDED
    if meeting.is_agreed:
        return "This meeting is already agreed. Nothing has changed."
    if meeting.is_withdrawn:
        return MEETING_WITHDRAWN
    if meeting.is_declined:
        if side == meeting.planned_by:
            return (
                "The other person said that time does not work. You can suggest "
                "another. Nothing has changed."
            )
        return "You already said that time does not work. Nothing has changed."
    if meeting.starts_at <= timezone.now():
        return (
            "This time has passed without a yes, so the meeting did not go ahead. "
            "You can suggest another. Nothing has changed."
        )
    return None


def can_answer_meeting_ask(person: Person, meeting: PairMeeting) -> bool:
    """Only the other side of the pair (never the one who asked) says yes to a
    meeting, or that its time does not work: while the support goes on, and the
    meeting is still asked, not withdrawn, and not yet begun."""
    side = side_in(person, meeting.match)
    return (
        side is not None
        and meeting.planned_by in Side.values
        and side != meeting.planned_by
        and _why_not_open(meeting, side) is None
    )


def check_answer_meeting_ask(person: Person, meeting: PairMeeting) -> None:
    """Raise PermissionDenied unless can_answer_meeting_ask, saying why kindly."""
    if can_answer_meeting_ask(person, meeting):
        return
    _refuse_on_an_asked_meeting(
        person,
        meeting,
        wrong_side="You asked for this meeting, so it waits for the other person's "
        "answer. You can withdraw it. Nothing has changed.",
    )


def can_withdraw_meeting(person: Person, meeting: PairMeeting) -> bool:
    """Only the one who asked withdraws a meeting still waiting for a yes, while
    the support goes on and before it begins."""
    side = side_in(person, meeting.match)
    return (
        side is not None
        and side == meeting.planned_by
        and _why_not_open(meeting, side) is None
    )


def check_withdraw_meeting(person: Person, meeting: PairMeeting) -> None:
    """Raise PermissionDenied unless can_withdraw_meeting, saying why kindly."""
    if can_withdraw_meeting(person, meeting):
        return
    _refuse_on_an_asked_meeting(
        person,
        meeting,
        wrong_side="Only the one who asked for this meeting can withdraw it. You "
        "can say whether the time works for you. Nothing has changed.",
    )


def _refuse_on_an_asked_meeting(
    person: Person, meeting: PairMeeting, *, wrong_side: str
) -> None:
    """Raise PermissionDenied with the kindest true reason a step on an asked
    meeting is refused: not one of the two, the meeting no longer open, or else
    `wrong_side` (the step belongs to the other side)."""
    side = side_in(person, meeting.match)
    if side is None:
        raise PermissionDenied(ONLY_THE_TWO)
    why = _why_not_open(meeting, side)
    raise PermissionDenied(why if why is not None else wrong_side)


def can_check_in_or_out(person: Person, meeting: PairMeeting) -> bool:
    """The supporter checks in and out of an agreed in-person meeting (lone
    working), unless it was cancelled."""
    return (
        meeting.is_in_person
        and meeting.is_agreed
        and not meeting.is_cancelled
        and side_in(person, meeting.match) == "supporter"
    )


def why_nothing_to_check(meeting: PairMeeting) -> str | None:
    """Why a meeting asks for no check-in or check-out from anyone (cancelled, or
    never agreed), or None. A stale page or an old tab is told this kindly."""
    if meeting.is_cancelled:
        return "This meeting was cancelled, so there is nothing to check in or out of."
    if not meeting.is_agreed:
        return (
            "This meeting was not agreed, so there is nothing to check in or out "
            "of. Nothing has changed."
        )
    return None


def check_check_in_or_out(person: Person, meeting: PairMeeting) -> None:
    """Raise PermissionDenied unless can_check_in_or_out."""
    why = why_nothing_to_check(meeting)
    if why is not None:
        raise PermissionDenied(why)
    if not can_check_in_or_out(person, meeting):
        raise PermissionDenied(
            "Only the supporter checks in and out, for meetings in person."
        )


def can_answer_check(person: Person, match: Match) -> bool:
    """The peer answers "how is it going?" while the match is active."""
    return match.is_active and side_in(person, match) == "peer"


def check_answer_check(person: Person, match: Match) -> None:
    """Raise PermissionDenied unless can_answer_check."""
    if not can_answer_check(person, match):
        raise PermissionDenied("Only the person being supported answers this.")


def can_end(person: Person, match: Match) -> bool:
    """Either of the two ends the support, as planned or early."""
    return match.is_active and side_in(person, match) is not None


def check_end(person: Person, match: Match) -> None:
    """Raise PermissionDenied unless can_end."""
    if not can_end(person, match):
        raise PermissionDenied("This support has already ended. Nothing has changed.")


# ---- Settings, oversight and the peer's role at work ------------------------------


def can_change_pair_settings(person: Person, organisation: Organisation) -> bool:
    """The organisation's coordinators set how one-to-one support works there."""
    return person.is_authenticated and is_coordinator(person, organisation)


def check_change_pair_settings(person: Person, organisation: Organisation) -> None:
    """Raise PermissionDenied unless can_change_pair_settings."""
    if not can_change_pair_settings(person, organisation):
        raise PermissionDenied(
            "Only the organisation's coordinators change how one-to-one support "
            "works. Nothing was changed."
        )


def meetings_overseen_by(
    person: Person, organisation: Organisation
) -> QuerySet[PairMeeting]:
    """Where pairs meet in person only (`pair_policy`: always in a secure
    service), the organisation's coordinators see when the pairs' meetings are,
    who the supporter is and whether they checked in and out: staff oversight, as
    the pair's page says. Never the peer's name, notes, checks or words; nothing
    elsewhere."""
    if not can_change_pair_settings(person, organisation):
        return PairMeeting.objects.none()
    if not policy_for(organisation).is_in_person_only:
        return PairMeeting.objects.none()
    return (
        PairMeeting.objects.agreed()
        .filter(match__organisation=organisation, match__status="active")
        .exclude(match__peer=person)
    )


def work_role_shown_to(person: Person, support_request: SupportRequest) -> str:
    """The peer's role at work, for whoever may read it: the peer, the
    organisation's coordinators, and a supporter it was offered to or matched
    with only if the peer chose to share it. "" for anyone else."""
    if not support_request.work_role:
        return ""
    if support_request.peer_id == person.pk:
        return support_request.work_role
    if is_coordinator(person, support_request.organisation):
        return support_request.work_role
    if not support_request.shares_work_role:
        return ""
    offered = (
        Offer.objects.filter(request=support_request, supporter_id=person.pk)
        .exclude(status=OfferStatus.WITHDRAWN)
        .exists()
    )
    matched = Match.objects.filter(
        request=support_request, supporter_id=person.pk
    ).exists()
    return support_request.work_role if offered or matched else ""


def can_answer_meeting_check(person: Person, meeting: PairMeeting) -> bool:
    """The peer answers the check after an agreed meeting once its planned end
    has passed, once, while the support goes on; never after a cancelled one."""
    return (
        can_answer_check(person, meeting.match)
        and meeting.is_agreed
        and not meeting.is_cancelled
        and meeting.ends_at <= timezone.now()
        and not meeting.checks.exists()
    )


def check_answer_meeting_check(person: Person, meeting: PairMeeting) -> None:
    """Raise PermissionDenied unless can_answer_meeting_check."""
    if can_answer_meeting_check(person, meeting):
        return
    if not meeting.is_agreed or meeting.is_cancelled:
        raise PermissionDenied(
            "This meeting was not agreed, or was cancelled, so there is nothing to "
            "ask about it. Nothing has changed."
        )
    raise PermissionDenied(
        "This check is already answered, or the meeting has not ended yet. "
        "Nothing has changed."
    )


def meeting_checks_waiting_for(person: Person, match: Match) -> QuerySet[PairMeeting]:
    """Meetings of the match whose check the peer was offered and has not
    answered: only for the peer, while the support goes on."""
    if not can_answer_check(person, match):
        return PairMeeting.objects.none()
    return (
        match.meetings.agreed()
        .filter(
            check_offered_at__isnull=False,
            cancelled_at__isnull=True,
            ends_at__lte=timezone.now(),
        )
        .exclude(checks__isnull=False)
    )
