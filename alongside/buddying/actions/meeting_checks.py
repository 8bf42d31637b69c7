"""The check after each one-to-one meeting: once a meeting's planned end has
passed, the peer is offered, once, two optional questions ("this was helpful",
"I felt safe", 1 to 5), answered privately. A low answer asks the coordinators
(never the supporter) to offer a change with no fault on anyone. Each action
checks permission, keeps the invariants, writes, and tells anyone only after the
commit (`notify` waits for it).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.notifications.actions import notify

from ..models import MatchStatus, PairMeeting, SupportCheck
from ..permissions import check_answer_meeting_check
from .working_together import ask_coordinators_to_offer_change

# Meetings that ended longer ago than this are not offered a check: a check turned
# on (or a worker that was down) never sends a pile of old questions.
OFFERED_WITHIN = timedelta(days=7)


@transaction.atomic
def offer_checks_after_meetings(*, now: datetime) -> int:
    """A system action for the regular check: each agreed meeting of an active
    match whose planned end has passed in the last week, was not cancelled, and
    whose check has not been offered, is offered to the peer once (a meeting
    never agreed did not happen, so asks nothing). Returns how many."""
    ended = list(
        PairMeeting.objects.agreed()
        .select_for_update()
        .filter(
            check_offered_at__isnull=True,
            cancelled_at__isnull=True,
            ends_at__lte=now,
            ends_at__gt=now - OFFERED_WITHIN,
            match__status=MatchStatus.ACTIVE,
        )
        .select_related("match")
    )
    for meeting in ended:
        meeting.check_offered_at = now
        meeting.save(update_fields=["check_offered_at"])
        notify(
            people=[meeting.match.peer],
            message="How was your one-to-one meeting? Two short questions, if you "
            "would like to answer them. Only you see your answers.",
            link=reverse(
                "buddying:meeting-check",
                kwargs={"match_id": meeting.match_id, "meeting_id": meeting.pk},
            ),
        )
    return len(ended)


def answer_meeting_check(
    *, person: Person, meeting: PairMeeting, helpful: int, felt_safe: int
) -> SupportCheck:
    """The peer answers the check after a meeting (1 to 5, twice), privately and
    once. A low answer asks the coordinators to offer a change; the supporter is
    never told. A second answer (a double click, an old tab) is refused kindly."""
    if not (1 <= helpful <= 5 and 1 <= felt_safe <= 5):
        raise ValueError("Each answer is a number from 1 to 5.")
    try:
        with transaction.atomic():
            meeting = PairMeeting.objects.select_for_update().get(pk=meeting.pk)
            check_answer_meeting_check(person, meeting)
            answer = SupportCheck.objects.create(
                match=meeting.match,
                meeting=meeting,
                helpful=helpful,
                felt_safe=felt_safe,
            )
            if answer.is_low:
                ask_coordinators_to_offer_change(meeting.match)
    except IntegrityError:
        # Two answers at once: the other one was kept.
        check_answer_meeting_check(person, meeting)
        raise
    return answer
