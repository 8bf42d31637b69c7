"""The check-in pages: told who sees the answers, bad input keeps the choices, the
choice to be asked or never asked, the register of measures with locked wording
that no page lets anyone change, and the figures with small numbers hidden."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from alongside.accounts.models import Person
from alongside.accounts.second_factor import mark_second_step_passed
from alongside.accounts.tests.factories import PersonFactory, give_second_factor
from alongside.insights import check_actions
from alongside.insights.check_models import (
    Asking,
    CheckAnswer,
    CheckAnswered,
    CheckChoice,
    LicensedWording,
)
from alongside.insights.checks import check_in_figures, item_table, quarter_figures
from alongside.insights.licences import (
    FELT_SAFETY,
    TEAM_PSYCHOLOGICAL_SAFETY,
    TEAM_SAFETY,
    Wording,
)
from alongside.insights.rates import last_quarters
from alongside.organisations.models import Organisation, Role
from alongside.organisations.tests.factories import (
    OrganisationFactory,
    OrganisationRoleFactory,
)

SEVEN = "\n".join(f"Made-up licensed statement {n}." for n in range(7))


@pytest.fixture
def organisation(db: None) -> Organisation:
    return OrganisationFactory.create()


def _person(organisation: Organisation, role: str = Role.PEER) -> Person:
    person = PersonFactory.create()
    OrganisationRoleFactory.create(organisation=organisation, person=person, role=role)
    if role != Role.PEER:
        give_second_factor(person)
    return person


def _client(person: Person) -> Client:
    client = Client()
    client.force_login(person)
    session = client.session
    mark_second_step_passed(session, person.pk)
    session.save()
    return client


def test_the_check_in_says_who_sees_the_answers_and_asks_our_own_items(
    organisation: Organisation,
) -> None:
    peer = _person(organisation)

    page = _client(peer).get(reverse("insights:check-in", args=[organisation.slug]))

    text = page.content.decode()
    assert page.status_code == 200
    assert "kept without your name, with only the day" in text
    assert "only once at least 5 people have answered" in text
    for item in FELT_SAFETY.items:
        assert item in text
    assert "Never ask me" in text


def test_a_missing_answer_is_pointed_out_and_the_other_choices_are_kept(
    organisation: Organisation,
) -> None:
    peer = _person(organisation)

    page = _client(peer).post(
        reverse("insights:check-in", args=[organisation.slug]),
        {"item_0": "2", "item_1": "5", "item_2": "banana", "item_3": "4"},
    )

    text = page.content.decode()
    assert page.status_code == 400
    assert "Please choose a number for this one." in text
    assert 'value="5" id="id_item_1_4" required checked' in text
    assert not CheckAnswer.objects.exists()
    assert not CheckAnswered.objects.exists()


def test_checking_in_through_the_page_thanks_and_does_not_ask_again(
    organisation: Organisation,
) -> None:
    peer = _person(organisation)
    client = _client(peer)

    response = client.post(
        reverse("insights:check-in", args=[organisation.slug]),
        {f"item_{n}": "4" for n in range(5)},
        follow=True,
    )

    text = response.content.decode()
    assert "Thank you. Your answers are kept without your name" in text
    assert "You have already checked in this time." in text
    assert CheckAnswer.objects.get().scores == [4] * 5


def test_never_ask_me_is_kept_and_can_be_undone(organisation: Organisation) -> None:
    peer = _person(organisation)
    client = _client(peer)
    asking = reverse("insights:check-in-asking", args=[organisation.slug])

    page = client.post(asking, {"asking": "never"}, follow=True)

    assert "You asked never to be asked" in page.content.decode()
    assert CheckChoice.objects.get().asking == Asking.NEVER
    client.post(asking, {"asking": "undecided"})
    assert CheckChoice.objects.get().asking == Asking.UNDECIDED


def test_a_junk_choice_changes_nothing(organisation: Organisation) -> None:
    peer = _person(organisation)

    page = _client(peer).post(
        reverse("insights:check-in-asking", args=[organisation.slug]),
        {"asking": "<script>always</script>"},
        follow=True,
    )

    assert "Please choose one of the options." in page.content.decode()
    assert not CheckChoice.objects.exists()


def test_the_register_shows_sources_licences_and_locked_wording(
    organisation: Organisation,
) -> None:
    admin = _person(organisation, Role.ADMIN)

    page = _client(admin).get(
        reverse("insights:measure-register", args=[organisation.slug])
    )

    text = page.content.decode()
    for measure in (FELT_SAFETY, TEAM_SAFETY, TEAM_PSYCHOLOGICAL_SAFETY):
        assert escape(measure.name) in text
        assert escape(measure.credit) in text
    assert "Administrative Science Quarterly" in text
    assert "Locked: may not be changed" in text
    assert TEAM_SAFETY.items[0] in text
    assert "enter the wording your licence gives you" in text
    # No field anywhere on the page to edit wording.
    assert "<textarea" not in text
    assert 'type="text"' not in text
    assert "contenteditable" not in text


def test_an_admin_enters_licensed_wording_once_and_then_cannot_edit_it(
    organisation: Organisation,
) -> None:
    admin = _person(organisation, Role.ADMIN)
    client = _client(admin)
    url = reverse(
        "insights:wording-enter",
        args=[organisation.slug, TEAM_PSYCHOLOGICAL_SAFETY.code],
    )
    client.post(
        url,
        {"items_text": SEVEN, "points": "7", "licence_held": "A made-up permission."},
    )

    page = client.get(url)
    again = client.post(
        url,
        {
            "items_text": SEVEN.replace("statement", "changed"),
            "points": "5",
            "licence_held": "Another.",
        },
    )

    assert "Entered and locked" in page.content.decode()
    assert "<textarea" not in page.content.decode()
    assert again.status_code == 400
    assert "cannot be edited here or anywhere else" in again.content.decode()
    kept = LicensedWording.objects.get()
    assert kept.items[0] == "Made-up licensed statement 0."
    assert kept.points == 7


def test_too_few_statements_are_refused_and_what_was_typed_stays(
    organisation: Organisation,
) -> None:
    admin = _person(organisation, Role.ADMIN)

    page = _client(admin).post(
        reverse(
            "insights:wording-enter",
            args=[organisation.slug, TEAM_PSYCHOLOGICAL_SAFETY.code],
        ),
        {
            "items_text": "Only one made-up statement.",
            "points": "7",
            "licence_held": "A made-up permission.",
        },
    )

    text = page.content.decode()
    assert page.status_code == 400
    assert "This measure has 7 statements; you entered 1." in text
    assert "Only one made-up statement." in text
    assert not LicensedWording.objects.exists()


def test_our_own_measures_have_no_page_to_enter_wording(
    organisation: Organisation,
) -> None:
    admin = _person(organisation, Role.ADMIN)

    page = _client(admin).get(
        reverse("insights:wording-enter", args=[organisation.slug, FELT_SAFETY.code])
    )

    assert page.status_code == 404


# --- the figures --------------------------------------------------------------------


def _answers(organisation: Organisation, scores: list[list[int]]) -> None:
    day = last_quarters(1)[0].start + timedelta(days=10)
    for row in scores:
        CheckAnswer.objects.create(
            organisation=organisation,
            measure=FELT_SAFETY.code,
            answered_on=day,
            scores=row,
        )


def test_below_five_answers_nothing_is_shown_item_by_item(
    organisation: Organisation,
) -> None:
    _answers(organisation, [[5] * 5] * 4)

    figures = check_in_figures(organisation=organisation)

    felt = next(f for f in figures if f.measure == FELT_SAFETY)
    latest = felt.quarters[-1]
    assert latest.is_enough is False
    assert latest.items == ()
    assert latest.respondents.phrase == "hidden"


def test_a_small_number_who_disagreed_is_hidden_with_its_partner() -> None:
    wording = Wording(measure=FELT_SAFETY, items=FELT_SAFETY.items, points=5)
    # 20 answered: everyone agreed with every statement but the first, where
    # three did not.
    scores = [[5] * 5 for _ in range(17)] + [[2, 5, 5, 5, 5] for _ in range(3)]
    quarter = last_quarters(1)[0]

    figures = quarter_figures(quarter, wording, scores)
    table = item_table(wording.items[0], 0, scores, 5)

    assert figures.respondents.phrase == "about 20"
    first = figures.items[0]
    # 17 agreed would tell that 3 did not: both are hidden, and the share too.
    assert table.cells[0][1].is_hidden
    assert first.agreed.is_hidden
    assert first.share is None
    assert figures.items[1].agreed.phrase == "about 20"
    assert figures.items[1].share == 100.0


def test_shares_are_worked_out_from_the_exact_numbers() -> None:
    wording = Wording(measure=FELT_SAFETY, items=FELT_SAFETY.items, points=5)
    scores = [[4] * 5 for _ in range(12)] + [[1] * 5 for _ in range(9)]

    figures = quarter_figures(last_quarters(1)[0], wording, scores)

    assert figures.items[0].agreed.phrase == "about 10"
    assert figures.items[0].share == pytest.approx(100 * 12 / 21)


def test_a_seven_point_scale_counts_six_and_seven_as_agreeing() -> None:
    items = tuple(f"Made-up statement {n}." for n in range(7))
    wording = Wording(measure=TEAM_PSYCHOLOGICAL_SAFETY, items=items, points=7)
    scores = [[6] * 7 for _ in range(10)] + [[5] * 7 for _ in range(10)]

    figures = quarter_figures(last_quarters(1)[0], wording, scores)

    assert figures.items[0].share == 50.0


def test_the_results_page_shows_figures_never_answers(
    organisation: Organisation,
) -> None:
    supervisor = _person(organisation, Role.SUPERVISOR)
    _answers(organisation, [[4, 4, 4, 4, 2]] * 14 + [[2, 2, 2, 2, 2]] * 8)

    page = _client(supervisor).get(
        reverse("insights:check-in-results", args=[organisation.slug])
    )

    text = page.content.decode()
    assert page.status_code == 200
    assert "answered by about 20" in text
    assert FELT_SAFETY.items[0] in text
    # 14 of 22 agreed with the first four statements, worked out exactly.
    assert "64%" in text
    assert "0%" in text  # nobody agreed with the last
    # The older quarters had nobody.
    assert "Not enough answers yet." in text
    assert "answered by 0" in text


def test_answers_from_today_wait_for_the_quarter_to_end(
    organisation: Organisation,
) -> None:
    for _ in range(12):
        check_actions.check_in(
            person=_person(organisation), organisation=organisation, scores=[5] * 5
        )

    figures = check_in_figures(organisation=organisation)

    felt = next(f for f in figures if f.measure == FELT_SAFETY)
    assert [q.is_enough for q in felt.quarters] == [False] * 4
    assert CheckAnswer.objects.filter(answered_on=timezone.localdate()).count() == 12


@pytest.mark.parametrize(
    "junk",
    ["<script>alert(1)</script>", "\x00", "Robert'); DROP TABLE x;--", "ﷺ" * 40],
)
def test_hostile_wording_is_kept_as_words_or_turned_down_kindly(
    organisation: Organisation, junk: str
) -> None:
    admin = _person(organisation, Role.ADMIN)
    client = _client(admin)

    response = client.post(
        reverse(
            "insights:wording-enter",
            args=[organisation.slug, TEAM_PSYCHOLOGICAL_SAFETY.code],
        ),
        {"items_text": "\n".join([junk] * 7), "points": "7", "licence_held": junk},
    )
    register = client.get(
        reverse("insights:measure-register", args=[organisation.slug])
    )

    assert response.status_code in {302, 400}
    assert "<script>alert(1)</script>" not in register.content.decode()
