"""The end of a match: either of the two ends the support or asks for a different
match, and an erased supporter's matches end with their account. Each action
checks permission, keeps the invariants, writes, and only after the commit tells
anyone (`notify` waits for it). Notices are in the system's own words and never
carry what anyone wrote."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.actions import notify
from alongside.privateconversations.pairs import close_support_conversation

from ..models import Match, MatchStatus, RequestStatus, SupportRequest
from ..permissions import check_ask_for_change, check_end, side_in
from .shared import coordinators, match_link, request_link


@transaction.atomic
def ask_for_change(*, person: Person, match: Match) -> SupportRequest:
    """Either of the two asks for a different match, without a reason. The match
    ends, their conversation becomes read-only, and the peer's request waits again
    (never for the same supporter). The coordinator sees only "change asked for";
    the other person is told kindly, without detail."""
    match = Match.objects.select_for_update().get(pk=match.pk)
    check_ask_for_change(person, match)
    now = timezone.now()
    match.status = MatchStatus.CHANGE_ASKED
    match.ended_at = now
    match.save(update_fields=["status", "ended_at"])
    if match.conversation is not None:
        close_support_conversation(
            conversation=match.conversation,
            note="This one-to-one support has ended. You can still read it.",
        )
    again = _wait_again(match, now=now)
    if side_in(person, match) == "peer":
        notify(
            people=[match.supporter],
            message="A one-to-one support you gave has come to an end. Thank you "
            "for your support.",
            link=reverse("buddying:index"),
        )
    else:
        notify(
            people=[match.peer],
            message="Your supporter cannot carry on, and this is not about anything "
            "you did. A coordinator is finding you someone new.",
            link=reverse("buddying:index"),
        )
    notify(
        people=coordinators(match.organisation, besides=match.peer),
        message="A change of one-to-one supporter has been asked for.",
        link=request_link(again),
    )
    return again


@transaction.atomic
def end_support(*, person: Person, match: Match) -> None:
    """Either of the two ends the support, as planned or early. Their conversation
    becomes read-only for both; the other is told kindly."""
    match = Match.objects.select_for_update().get(pk=match.pk)
    check_end(person, match)
    now = timezone.now()
    match.status = MatchStatus.ENDED
    match.ended_at = now
    match.save(update_fields=["status", "ended_at"])
    SupportRequest.objects.filter(pk=match.request_id).update(
        status=RequestStatus.CLOSED, closed_at=now
    )
    if match.conversation is not None:
        close_support_conversation(
            conversation=match.conversation,
            note="This one-to-one support has ended. You can still read it.",
        )
    other = match.supporter if side_in(person, match) == "peer" else match.peer
    notify(
        people=[other],
        message="Your one-to-one support has come to its end. Thank you for the "
        "time you spent together.",
        link=match_link(match),
    )


def end_supporting_before_erasure(person: Person, keep_posts: bool) -> None:
    """A system action for erasing an account: the person's matches as a
    supporter go with it, so each peer's conversation is closed first (read-only,
    with a short note) rather than left open with nobody in it. `keep_posts` is
    the erasure's choice about group posts; nothing here depends on it."""
    for match in Match.objects.active().filter(supporter=person):
        if match.conversation is not None:
            close_support_conversation(
                conversation=match.conversation,
                note="This one-to-one support has ended. You can still read it, "
                "and a coordinator can find you someone new.",
            )
        _wait_again(match, now=timezone.now())


def _wait_again(match: Match, *, now: datetime) -> SupportRequest:
    """The match's request closes and a new one, with the same preferences, waits
    for the coordinators, marked as a change asked for."""
    earlier = match.request
    SupportRequest.objects.filter(pk=earlier.pk).update(
        status=RequestStatus.CLOSED, closed_at=now
    )
    return SupportRequest.objects.create(
        organisation=match.organisation,
        peer=match.peer,
        words=earlier.words,
        experiences=earlier.experiences,
        language=earlier.language,
        gender_preference=earlier.gender_preference,
        formats=earlier.formats,
        windows=earlier.windows,
        access_needs=earlier.access_needs,
        team=earlier.team,
        work_role=earlier.work_role,
        shares_work_role=earlier.shares_work_role,
        change_asked_at=now,
    )
