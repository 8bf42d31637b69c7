"""The planned ending: reminders before it, the peer's ending survey (for the
coordinators only) and the peer deleting the conversation afterwards, through the
rules, the actions and the pages, against the real models."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.models import Notification
from alongside.organisations.models import Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.privateconversations.models import Conversation, MessageStatus
from alongside.supporters.tests.factories import member_of

from .. import actions, planned_end
from ..ending_models import EndingReminder, EndingSurvey, ReminderKind
from ..models import Match
from ..permissions import (
    can_answer_survey,
    can_delete_conversation,
    can_read_surveys,
    surveys_visible_to,
)
from .ending_factories import agreed, started_ago
from .factories import coordinator_of, matched, peer_of

pytestmark = pytest.mark.django_db(transaction=True)

ANSWERS = {"helped": 4, "felt_respected": 5, "ending_felt_right": 3}


def client_for(person: object) -> Client:
    client = Client()
    client.force_login(person)  # type: ignore[arg-type]
    return client


def reminders_to(person: Person) -> list[str]:
    return list(
        Notification.objects.filter(
            person=person, message__in=actions.REMINDERS.values()
        ).values_list("message", flat=True)
    )


def ended() -> Match:
    organisation = OrganisationFactory.create()
    match = agreed(matched(organisation))
    actions.end_support(person=match.peer, match=match)
    match.refresh_from_db()
    return match


# ---- The planned end and its reminders --------------------------------------------


@pytest.mark.parametrize(
    ("days_left", "due"),
    [
        (40, None),
        (29, None),
        (28, ReminderKind.FOUR_WEEKS),
        (8, ReminderKind.FOUR_WEEKS),
        (7, ReminderKind.ONE_WEEK),
        (0, ReminderKind.ONE_WEEK),
        (-1, None),
    ],
)
def test_the_reminder_due_depends_on_the_days_left(
    days_left: int, due: ReminderKind | None
) -> None:
    end = date(2030, 6, 30)
    assert planned_end.reminder_due(end, end - timedelta(days=days_left)) == due


def test_there_is_no_planned_end_until_both_agree() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)

    assert planned_end.planned_end_of(match) is None
    assert actions.remind_of_endings(now=timezone.now() + timedelta(weeks=11)) == 0

    agreed(match, length_weeks=10)
    start = timezone.localtime(match.started_at).date()
    assert planned_end.planned_end_of(match) == start + timedelta(weeks=10)


def test_both_are_reminded_four_weeks_and_one_week_before_once_each() -> None:
    organisation = OrganisationFactory.create()
    match = agreed(matched(organisation), length_weeks=12)
    now = timezone.now()

    assert actions.remind_of_endings(now=now + timedelta(weeks=7)) == 0
    assert actions.remind_of_endings(now=now + timedelta(weeks=8, days=1)) == 1
    assert actions.remind_of_endings(now=now + timedelta(weeks=8, days=2)) == 0
    assert actions.remind_of_endings(now=now + timedelta(weeks=11, days=1)) == 1
    assert actions.remind_of_endings(now=now + timedelta(weeks=11, days=3)) == 0

    for person in (match.peer, match.supporter):
        assert sorted(reminders_to(person)) == sorted(actions.REMINDERS.values())
    assert set(match.ending_reminders.values_list("kind", flat=True)) == {
        ReminderKind.FOUR_WEEKS,
        ReminderKind.ONE_WEEK,
    }


def test_an_agreement_made_late_sends_only_the_nearer_reminder() -> None:
    organisation = OrganisationFactory.create()
    match = agreed(started_ago(matched(organisation), days=80), length_weeks=12)

    assert actions.remind_of_endings(now=timezone.now()) == 1
    assert actions.remind_of_endings(now=timezone.now() + timedelta(days=1)) == 0

    assert reminders_to(match.peer) == [actions.REMINDERS[ReminderKind.ONE_WEEK]]


def test_no_reminder_once_the_support_has_ended_or_the_day_has_passed() -> None:
    organisation = OrganisationFactory.create()
    ended_early = agreed(matched(organisation), length_weeks=12)
    actions.end_support(person=ended_early.supporter, match=ended_early)
    agreed(started_ago(matched(organisation), days=100), length_weeks=12)

    assert actions.remind_of_endings(now=timezone.now() + timedelta(weeks=8)) == 0
    assert not EndingReminder.objects.exists()


def test_reminders_name_nobody_and_quote_no_one() -> None:
    organisation = OrganisationFactory.create()
    match = agreed(matched(organisation), length_weeks=4)
    actions.remind_of_endings(now=timezone.now())

    (message,) = reminders_to(match.peer)
    assert match.supporter.username not in message
    assert match.peer.username not in message


# ---- The ending survey --------------------------------------------------------------


def test_only_the_peer_answers_the_survey_after_the_end_and_once() -> None:
    organisation = OrganisationFactory.create()
    match = agreed(matched(organisation))
    assert not can_answer_survey(match.peer, match)
    with pytest.raises(PermissionDenied):
        actions.answer_ending_survey(
            person=match.peer, match=match, words="", **ANSWERS
        )

    actions.end_support(person=match.supporter, match=match)
    match.refresh_from_db()
    assert can_answer_survey(match.peer, match)
    assert not can_answer_survey(match.supporter, match)
    with pytest.raises(PermissionDenied):
        actions.answer_ending_survey(
            person=match.supporter, match=match, words="", **ANSWERS
        )

    actions.answer_ending_survey(
        person=match.peer, match=match, words="A placeholder.", **ANSWERS
    )
    # A double click finds it answered.
    with pytest.raises(PermissionDenied):
        actions.answer_ending_survey(
            person=match.peer, match=match, words="A placeholder.", **ANSWERS
        )
    assert EndingSurvey.objects.filter(match=match).count() == 1


def test_the_coordinators_read_the_survey_and_the_supporter_never_does() -> None:
    match = ended()
    organisation = match.organisation
    coordinator = coordinator_of(organisation)
    # A supporter who also coordinates never sees a survey about their own pair.
    Match.objects.filter(pk=match.pk).update(supporter=coordinator)
    match.refresh_from_db()
    other_coordinator = coordinator_of(organisation)
    outsider_coordinator = coordinator_of(OrganisationFactory.create())
    actions.answer_ending_survey(
        person=match.peer, match=match, words="A placeholder.", **ANSWERS
    )

    assert list(surveys_visible_to(other_coordinator, organisation)) == [
        match.ending_survey
    ]
    assert not surveys_visible_to(coordinator, organisation).exists()
    assert not surveys_visible_to(match.peer, organisation).exists()
    assert not can_read_surveys(match.peer, organisation)
    assert not surveys_visible_to(outsider_coordinator, organisation).exists()
    assert Notification.objects.filter(
        person=other_coordinator, message__contains="answered the survey"
    ).exists()
    assert not Notification.objects.filter(
        person=coordinator, message__contains="answered the survey"
    ).exists()


def test_the_survey_pages_for_each_person() -> None:
    match = ended()
    url = reverse("buddying:survey-answer", args=[match.pk])
    peer = client_for(match.peer)
    coordinator = coordinator_of(match.organisation)
    surveys = reverse("buddying:surveys", args=[match.organisation.slug])

    assert client_for(match.supporter).get(url).status_code == 403
    assert client_for(peer_of(match.organisation)).get(url).status_code == 404
    assert peer.get(url).status_code == 200
    refused = peer.post(url, {"helped": "9", "words": "Kept words."})
    assert refused.status_code == 400
    assert b"Kept words." in refused.content
    assert b"number from 1 to 5" in refused.content
    done = peer.post(
        url,
        {"helped": "4", "felt_respected": "5", "ending_felt_right": "2", "words": "W"},
    )
    assert done.status_code == 302
    # Back again (an old tab): told kindly it is answered.
    again = peer.post(url, {"helped": "4"})
    assert again.status_code == 302

    page = client_for(coordinator).get(surveys)
    assert page.status_code == 200
    assert b"2 of 5" in page.content
    assert client_for(match.supporter).get(surveys).status_code == 404
    assert client_for(match.peer).get(surveys).status_code == 404


def test_old_surveys_go_after_a_year() -> None:
    match = ended()
    actions.answer_ending_survey(person=match.peer, match=match, words="", **ANSWERS)

    assert actions.forget_old_surveys(now=timezone.now()) == 0
    assert actions.forget_old_surveys(now=timezone.now() + timedelta(days=366)) == 1


def test_the_survey_stays_when_the_supporter_account_goes() -> None:
    match = ended()
    actions.answer_ending_survey(person=match.peer, match=match, words="", **ANSWERS)
    match.supporter.delete()

    survey = EndingSurvey.objects.get(peer=match.peer)
    assert survey.match is None


# ---- Deleting the conversation ------------------------------------------------------


def test_only_the_peer_deletes_the_conversation_and_only_after_the_end() -> None:
    organisation = OrganisationFactory.create()
    match = agreed(matched(organisation))
    assert not can_delete_conversation(match.peer, match)
    with pytest.raises(PermissionDenied, match="once the support has ended"):
        actions.delete_conversation(person=match.peer, match=match)

    actions.end_support(person=match.peer, match=match)
    match.refresh_from_db()
    conversation_id = match.conversation_id
    assert conversation_id is not None
    with pytest.raises(PermissionDenied, match="Only the person"):
        actions.delete_conversation(person=match.supporter, match=match)

    actions.delete_conversation(person=match.peer, match=match)

    match.refresh_from_db()
    assert match.conversation_id is None
    assert match.conversation_deleted_at is not None
    assert not Conversation.objects.filter(pk=conversation_id).exists()
    with pytest.raises(PermissionDenied, match="already been deleted"):
        actions.delete_conversation(person=match.peer, match=match)
    # The agreement stays.
    assert match.agreement_versions.exists()


def test_a_message_waiting_for_a_check_keeps_the_conversation() -> None:
    match = ended()
    assert match.conversation is not None
    match.conversation.messages.create(
        author=match.peer,
        author_name="x",
        author_side="person",
        body="A placeholder.",
        status=MessageStatus.HELD,
    )

    assert not can_delete_conversation(match.peer, match)
    with pytest.raises(PermissionDenied, match="waiting for a quick check"):
        actions.delete_conversation(person=match.peer, match=match)


def test_the_delete_page_says_what_it_means_and_refuses_kindly() -> None:
    organisation = OrganisationFactory.create()
    match = agreed(matched(organisation))
    url = reverse("buddying:conversation-delete", args=[match.pk])
    peer = client_for(match.peer)

    early = peer.get(url)
    assert early.status_code == 200
    assert b"once the support has ended" in early.content
    assert client_for(match.supporter).get(url).status_code == 403
    assert client_for(member_of(organisation, Role.ADMIN)).get(url).status_code == 404

    actions.end_support(person=match.peer, match=match)
    page = peer.get(url)
    assert b"for you both" in page.content
    assert peer.post(url).status_code == 302
    assert peer.post(url).status_code == 302  # a double click: told kindly
    match.refresh_from_db()
    assert match.conversation_id is None
    shown = client_for(match.supporter).get(
        reverse("buddying:match-detail", args=[match.pk])
    )
    assert b"deleted the conversation" in shown.content


def test_the_regular_check_reads_every_match_in_a_constant_number_of_queries(
    django_assert_max_num_queries: Any,
) -> None:
    organisation = OrganisationFactory.create()
    for _ in range(4):
        agreed(matched(organisation), length_weeks=20)

    with django_assert_max_num_queries(3):
        assert actions.remind_of_endings(now=timezone.now()) == 0
