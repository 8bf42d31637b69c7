"""Parting notes: the optional words someone may leave on leaving a group, kept as
an anonymous answer (the month alone, no link to the writer, one note per leaving),
screened before they go, and read by the group's facilitators only in batches of
five parting notes once the month and its window have passed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from alongside.accounts.models import Person
from alongside.insights import actions, permissions
from alongside.insights.models import Answer, Answered, Kind
from alongside.organisations.tests.factories import SupportServiceFactory
from alongside.peergroups import actions as group_actions
from alongside.peergroups.models import Membership, PeerGroup
from alongside.peergroups.tests.states import person_in_state

from .factories import closed_answers

RISK_TEXT = "I want to end my life tonight. I have written my goodbye letters."


def _client(person: Person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def _left_days_ago(person: Person, group: PeerGroup, days: int) -> None:
    """Set up a leaving that happened `days` ago (test set-up, not the product)."""
    Membership.objects.filter(person=person, group=group).update(
        status_changed_at=timezone.now() - timedelta(days=days)
    )


def _parting_notes(group: PeerGroup, count: int) -> list[Answer]:
    return closed_answers(
        group,
        count,
        kind=Kind.PARTING,
        felt_safe=None,
        could_say=None,
        text="A made-up parting note.",
    )


@pytest.fixture
def leaver(group: PeerGroup) -> Person:
    return person_in_state("left", group)


# --- the action ---------------------------------------------------------------------


def test_a_parting_note_keeps_the_month_alone_and_no_link_to_the_writer(
    leaver: Person, group: PeerGroup
) -> None:
    actions.leave_parting_note(
        person=leaver,
        group=group,
        text="  A made-up parting note.  ",
        today=date(2026, 2, 10),
    )

    answer = Answer.objects.get()
    assert answer.kind == Kind.PARTING
    assert answer.answered_on == date(2026, 2, 28)
    assert answer.text == "A made-up parting note."
    assert (answer.felt_safe, answer.could_say, answer.meeting) == (None, None, None)
    answered = Answered.objects.get()
    assert answered.person == leaver
    assert answered.left_in == timezone.localdate().replace(day=1)
    assert (answered.week_of, answered.occurrence) == (None, None)


def test_one_leaving_gives_at_most_one_note(leaver: Person, group: PeerGroup) -> None:
    actions.leave_parting_note(person=leaver, group=group, text="A made-up note.")

    with pytest.raises(ValidationError, match="already left a note"):
        actions.leave_parting_note(person=leaver, group=group, text="Another one.")

    assert Answer.objects.count() == 1
    assert permissions.has_left_parting_note(leaver, group) is True


def test_leaving_again_another_month_may_give_another_note(
    leaver: Person, group: PeerGroup
) -> None:
    _left_days_ago(leaver, group, 40)
    Answered.objects.create(
        person=leaver,
        group=group,
        left_in=(timezone.localdate() - timedelta(days=40)).replace(day=1),
    )
    group_actions.return_to_group(person=leaver, group=group)
    group_actions.leave_group(person=leaver, group=group)

    actions.leave_parting_note(person=leaver, group=group, text="A made-up note.")

    assert Answer.objects.filter(kind=Kind.PARTING).count() == 1
    assert Answered.objects.filter(person=leaver).count() == 2


def test_a_note_is_no_longer_taken_a_week_after_leaving(
    leaver: Person, group: PeerGroup
) -> None:
    _left_days_ago(leaver, group, 8)

    with pytest.raises(PermissionDenied):
        actions.leave_parting_note(person=leaver, group=group, text="A made-up note.")

    assert not Answer.objects.exists()
    assert not Answered.objects.exists()


@pytest.mark.parametrize(
    "state", ["none", "requested", "active", "paused", "facilitator", "org admin"]
)
def test_only_someone_who_left_may_leave_a_parting_note(
    group: PeerGroup, state: str
) -> None:
    person = person_in_state(state, group)

    with pytest.raises(PermissionDenied):
        actions.leave_parting_note(person=person, group=group, text="A made-up note.")

    assert not Answer.objects.exists()
    assert not Answered.objects.exists()


def test_an_empty_note_is_explained_and_nothing_is_kept(
    leaver: Person, group: PeerGroup
) -> None:
    with pytest.raises(ValidationError, match="write something"):
        actions.leave_parting_note(person=leaver, group=group, text="   ")

    assert not Answer.objects.exists()
    assert not Answered.objects.exists()


def test_the_record_of_a_note_goes_a_week_after_the_month(
    leaver: Person, group: PeerGroup
) -> None:
    this_month = timezone.localdate().replace(day=1)
    long_ago = (this_month - timedelta(days=45)).replace(day=1)
    Answered.objects.create(person=leaver, group=group, left_in=long_ago)
    Answered.objects.create(person=leaver, group=group, left_in=this_month)

    actions.forget_old_records()

    assert list(Answered.objects.values_list("left_in", flat=True)) == [this_month]


def test_coming_back_to_the_page_weeks_later_gets_a_kind_word(
    leaver: Person, group: PeerGroup
) -> None:
    _left_days_ago(leaver, group, 30)

    response = _client(leaver).get(
        reverse("insights:parting-note", args=[group.pk]), follow=True
    )

    assert response.redirect_chain[-1][0] == reverse(
        "peergroups:group-detail", args=[group.pk]
    )
    assert "can no longer be sent" in response.content.decode()


# --- who reads them, and when -------------------------------------------------------


def test_parting_notes_show_only_five_parting_notes_at_a_time(
    group: PeerGroup,
) -> None:
    closed_answers(group, 5, kind=Kind.ANYTIME, text="A made-up answer.")
    _parting_notes(group, 4)

    released = permissions.answers_released(group)
    assert [answer.kind for answer in released] == [Kind.ANYTIME] * 5

    _parting_notes(group, 1)
    kinds = [answer.kind for answer in permissions.answers_released(group)]
    assert kinds.count(Kind.PARTING) == 5


def test_a_note_waits_for_the_end_of_its_month_and_the_window(
    group: PeerGroup,
) -> None:
    today = date(2026, 3, 10)
    for _ in range(5):
        leaver = person_in_state("left", group)
        actions.leave_parting_note(
            person=leaver, group=group, text="A made-up note.", today=today
        )
    shown_from = permissions.parting_note_shown_from(today)

    assert shown_from == date(2026, 4, 4)
    assert permissions.answers_released(group, today) == []
    assert permissions.answers_released(group, shown_from - timedelta(days=1)) == []
    assert len(permissions.answers_released(group, shown_from)) == 5


def test_the_facilitator_reads_parting_notes_after_the_threshold_only(
    facilitator: Person, group: PeerGroup
) -> None:
    client = _client(facilitator)
    url = reverse("insights:feedback-read", args=[group.pk])
    _parting_notes(group, 4)

    assert "A made-up parting note." not in client.get(url).content.decode()

    _parting_notes(group, 1)
    page = client.get(url).content.decode()
    assert page.count("A made-up parting note.") == 5
    assert "On leaving the group" in page


@pytest.mark.parametrize("state", ["org admin", "supervisor", "left", "active"])
def test_nobody_but_the_facilitators_reads_parting_notes(
    group: PeerGroup, state: str
) -> None:
    _parting_notes(group, 5)

    response = _client(person_in_state(state, group)).get(
        reverse("insights:feedback-read", args=[group.pk])
    )

    assert response.status_code == 403
    assert b"A made-up parting note." not in response.content


def test_the_requests_page_no_longer_shows_parting_notes(
    facilitator: Person, group: PeerGroup
) -> None:
    _parting_notes(group, 5)

    response = _client(facilitator).get(
        reverse("peergroups:request-list", args=[group.pk])
    )

    assert b"A made-up parting note." not in response.content


# --- the page -----------------------------------------------------------------------


def test_leaving_leads_to_the_note_which_says_who_sees_it_when_and_after_how_many(
    group: PeerGroup,
) -> None:
    client = _client(person_in_state("active", group))

    left = client.post(reverse("peergroups:group-leave", args=[group.pk]), follow=True)

    text = left.content.decode()
    assert left.redirect_chain[-1][0] == reverse(
        "insights:parting-note", args=[group.pk]
    )
    assert "Only the facilitators of" in text
    assert "only the month you wrote it" in text
    shown_from = permissions.parting_note_shown_from()
    assert f"from {shown_from.day} {shown_from:%B %Y} at the earliest" in text
    assert "at least 5 people who left the group" in text
    assert "like someone to contact me" in text
    assert "Skip" in text


def test_a_note_sent_from_the_page_is_kept_without_a_name(
    leaver: Person, group: PeerGroup
) -> None:
    client = _client(leaver)
    url = reverse("insights:parting-note", args=[group.pk])

    response = client.post(url, {"text": "A made-up parting note."})

    assert response.status_code == 302
    assert response["Location"] == reverse("core:home")
    assert Answer.objects.get().text == "A made-up parting note."
    again = client.get(url).content.decode()
    assert "You have already left a note" in again
    assert "<textarea" not in again


def test_identifying_details_are_pointed_out_and_the_words_kept(
    leaver: Person, group: PeerGroup
) -> None:
    client = _client(leaver)
    url = reverse("insights:parting-note", args=[group.pk])

    response = client.post(url, {"text": "Ring me on 07700 900456 about it."})

    text = response.content.decode()
    assert "phone number" in text
    assert "07700 900456" in text  # still in the box
    assert not Answer.objects.exists()
    client.post(url, {"text": "Ring me about it.", "send_as_it_is": "True"})
    assert Answer.objects.get().text == "Ring me about it."


def test_words_of_risk_show_crisis_options_and_say_nobody_can_answer(
    leaver: Person, group: PeerGroup
) -> None:
    SupportServiceFactory.create(
        organisation=group.organisation, name="A made-up helpline", is_urgent=True
    )

    response = _client(leaver).post(
        reverse("insights:parting-note", args=[group.pk]), {"text": RISK_TEXT}
    )

    text = response.content.decode()
    assert "A made-up helpline" in text
    assert "A parting note cannot be answered" in text
    assert RISK_TEXT in text
    assert not Answer.objects.exists()


@pytest.mark.parametrize(
    ("typed", "message"),
    [("", "write something to send"), ("x" * 2001, "at most 2000 characters")],
)
def test_a_note_turned_down_is_explained_and_kept(
    leaver: Person, group: PeerGroup, typed: str, message: str
) -> None:
    response = _client(leaver).post(
        reverse("insights:parting-note", args=[group.pk]), {"text": typed}
    )

    text = response.content.decode()
    assert response.status_code == 400
    assert message in text
    assert typed in text
    assert not Answer.objects.exists()


def test_reading_many_parting_notes_takes_a_fixed_number_of_queries(
    facilitator: Person,
    group: PeerGroup,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    client = _client(facilitator)
    url = reverse("insights:feedback-read", args=[group.pk])
    _parting_notes(group, 5)
    client.get(url)  # warm the group's key

    _parting_notes(group, 25)
    with django_assert_max_num_queries(12):
        page = client.get(url).content.decode()

    assert page.count("A made-up parting note.") == 30
