"""Every change at the end of one-to-one support: reminders before the planned
end, the peer's ending survey, and the peer deleting the conversation afterwards.
Each action checks permission, keeps the invariants, writes, and only after the
commit tells anyone.

Both people are reminded four weeks and one week before the planned end, once
each (`planned_end.py` says when it is and which reminder is due).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.actions import notify
from alongside.privateconversations.pairs import delete_support_conversation

from ..ending_models import EndingReminder, EndingSurvey, ReminderKind
from ..models import AgreementVersion, Match
from ..permissions import check_answer_survey, check_delete_conversation
from ..planned_end import end_from, reminder_due
from .shared import coordinators, match_link

# Ending surveys are kept this long after they were answered.
KEEP_SURVEYS_FOR = timedelta(days=365)

REMINDERS = {
    ReminderKind.FOUR_WEEKS: "Your one-to-one support is planned to end in about "
    "four weeks. There is time to talk together about what comes next.",
    ReminderKind.ONE_WEEK: "Your one-to-one support is planned to end in about a "
    "week. A short guide for your last conversation is on your support page.",
}


def remind_of_endings(*, now: datetime) -> int:
    """A system action for the regular check: each active match whose planned end
    is four weeks or one week away reminds both people, once for each (a unique
    row per kind; a reminder already sent is never sent again, and the four-week
    one is not sent after the one-week one). Returns how many were sent."""
    today = timezone.localtime(now).date()
    sent = 0
    # Three queries in all, however many matches: the latest agreed version and
    # the reminders sent come with each match.
    matches = (
        Match.objects.active()
        .select_related("peer", "supporter")
        .prefetch_related(
            Prefetch(
                "agreement_versions",
                queryset=AgreementVersion.objects.filter(
                    peer_agreed_at__isnull=False, supporter_agreed_at__isnull=False
                ).order_by("-number"),
                to_attr="agreed_versions",
            ),
            "ending_reminders",
        )
    )
    for match in matches:
        agreed_versions = getattr(match, "agreed_versions", [])
        planned_end = end_from(match, agreed_versions[0] if agreed_versions else None)
        if planned_end is None:
            continue
        kind = reminder_due(planned_end, today)
        if kind is None:
            continue
        already = {reminder.kind for reminder in match.ending_reminders.all()}
        if kind in already or (kind == ReminderKind.FOUR_WEEKS and already):
            continue
        if _send_reminder(match, kind, planned_end):
            sent += 1
    return sent


def _send_reminder(match: Match, kind: ReminderKind, planned_end: date) -> bool:
    try:
        with transaction.atomic():
            EndingReminder.objects.create(
                match=match, kind=kind, planned_end_on=planned_end
            )
            notify(
                people=[match.peer, match.supporter],
                message=REMINDERS[kind],
                link=match_link(match),
            )
    except IntegrityError:
        # Sent already (by another run at the same moment): never twice.
        return False
    return True


@transaction.atomic
def answer_ending_survey(
    *,
    person: Person,
    match: Match,
    helped: int,
    felt_respected: int,
    ending_felt_right: int,
    words: str,
) -> EndingSurvey:
    """The peer answers the optional survey after the end, once (a second click
    finds it answered). The coordinators are told there is one to read; the
    supporter never is."""
    match = Match.objects.select_for_update().get(pk=match.pk)
    check_answer_survey(person, match)
    survey = EndingSurvey.objects.create(
        organisation=match.organisation,
        match=match,
        peer=person,
        helped=helped,
        felt_respected=felt_respected,
        ending_felt_right=ending_felt_right,
        words=words,
    )
    notify(
        people=[
            coordinator
            for coordinator in coordinators(match.organisation, besides=person)
            if coordinator.pk != match.supporter_id
        ],
        message="Someone answered the survey at the end of their one-to-one support.",
        link=reverse("buddying:surveys", args=[match.organisation.slug]),
    )
    return survey


@transaction.atomic
def delete_conversation(*, person: Person, match: Match) -> None:
    """The peer deletes the pair's conversation after the end. It goes for both of
    them, for good, with the key to its words; the supporter is not told. The
    agreement, notes and referrals stay."""
    match = Match.objects.select_for_update().get(pk=match.pk)
    check_delete_conversation(person, match)
    conversation = match.conversation
    assert conversation is not None  # checked above
    match.conversation_deleted_at = timezone.now()
    match.save(update_fields=["conversation_deleted_at"])
    delete_support_conversation(conversation=conversation)


def forget_old_surveys(*, now: datetime) -> int:
    """A system action for the nightly retention run: ending surveys answered more
    than KEEP_SURVEYS_FOR ago are deleted. Returns how many."""
    deleted, _ = EndingSurvey.objects.filter(
        created_at__lt=now - KEEP_SURVEYS_FOR
    ).delete()
    return deleted
