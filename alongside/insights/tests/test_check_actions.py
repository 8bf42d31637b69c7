"""The periodic check-ins: when one is open, checking in without a link to the
person, refusing double answers and bad scores, telling people once and never
chasing, licensed wording entered once and locked, and tidying old records."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PersonFactory
from alongside.insights import check_actions
from alongside.insights.check_models import (
    Asking,
    CheckAnswer,
    CheckAnswered,
    CheckChoice,
    LicensedWording,
)
from alongside.insights.check_permissions import (
    ALREADY,
    LOCKED,
    NEVER_ASK,
    NOTHING_OPEN,
    check_in_blocker,
    open_point,
)
from alongside.insights.licences import (
    FELT_SAFETY,
    TEAM_PSYCHOLOGICAL_SAFETY,
    TEAM_SAFETY,
    CheckAudience,
    wording_for,
)
from alongside.notifications.models import Notification
from alongside.organisations.models import Organisation, OrganisationRole, Role
from alongside.organisations.tests.factories import (
    OrganisationFactory,
    OrganisationRoleFactory,
)

Capture = Callable[..., AbstractContextManager[Any]]
SEVEN = "\n".join(f"Made-up licensed statement {n}." for n in range(7))


@pytest.fixture
def organisation(db: None) -> Organisation:
    return OrganisationFactory.create()


def joined(
    organisation: Organisation, *, days_ago: int = 0, role: str = Role.PEER
) -> Person:
    person = PersonFactory.create()
    OrganisationRoleFactory.create(
        organisation=organisation,
        person=person,
        role=role,
        created_at=timezone.now() - timedelta(days=days_ago),
    )
    return person


def months_ago(months: int, extra_days: int = 1) -> int:
    """Days since a joining whose `months` point opened `extra_days` ago."""
    today = timezone.localdate()
    from dateutil.relativedelta import relativedelta

    return (today - (today - relativedelta(months=months))).days + extra_days


@pytest.mark.parametrize(
    ("days_ago", "expected"),
    [
        (0, 0),
        (29, 0),
        (31, None),
        (80, None),
    ],
)
def test_a_check_in_is_open_for_30_days_from_joining(
    organisation: Organisation, days_ago: int, expected: int | None
) -> None:
    person = joined(organisation, days_ago=days_ago)

    assert open_point(person, organisation) == expected


@pytest.mark.parametrize("months", [3, 6, 12])
def test_a_check_in_opens_at_three_six_and_twelve_months(
    organisation: Organisation, months: int
) -> None:
    person = joined(organisation, days_ago=months_ago(months))

    assert open_point(person, organisation) == months


def test_nothing_is_open_after_the_twelve_months_check_in_closes(
    organisation: Organisation,
) -> None:
    person = joined(organisation, days_ago=months_ago(12, extra_days=31))

    assert open_point(person, organisation) is None
    assert check_in_blocker(person, organisation) == NOTHING_OPEN


def test_checking_in_keeps_the_answer_without_the_person(
    organisation: Organisation,
) -> None:
    person = joined(organisation)

    check_actions.check_in(
        person=person, organisation=organisation, scores=[5, 4, 3, 2, 1]
    )

    answer = CheckAnswer.objects.get()
    assert answer.measure == FELT_SAFETY.code
    assert answer.scores == [5, 4, 3, 2, 1]
    assert answer.answered_on == timezone.localdate()
    assert CheckAnswered.objects.get().person == person
    assert {field.name for field in CheckAnswer._meta.get_fields()} == {
        "id",
        "organisation",
        "measure",
        "answered_on",
        "scores",
    }


def test_checking_in_twice_at_one_point_is_refused_kindly(
    organisation: Organisation,
) -> None:
    person = joined(organisation)
    check_actions.check_in(person=person, organisation=organisation, scores=[3] * 5)

    with pytest.raises(ValidationError) as error:
        check_actions.check_in(person=person, organisation=organisation, scores=[4] * 5)

    assert error.value.messages == [ALREADY]
    assert CheckAnswer.objects.count() == 1


@pytest.mark.parametrize(
    "scores",
    [[], [3] * 4, [3] * 6, [0, 3, 3, 3, 3], [3, 3, 3, 3, 6], [3, 3, 3, 3, -1]],
)
def test_bad_scores_are_refused_and_nothing_is_written(
    organisation: Organisation, scores: list[int]
) -> None:
    person = joined(organisation)

    with pytest.raises(ValidationError, match="from 1 to 5 for each"):
        check_actions.check_in(person=person, organisation=organisation, scores=scores)

    assert not CheckAnswer.objects.exists()
    assert not CheckAnswered.objects.exists()


def test_someone_who_asked_never_to_be_asked_is_not_asked(
    organisation: Organisation,
) -> None:
    person = joined(organisation)
    check_actions.choose_asking(
        person=person, organisation=organisation, asking=Asking.NEVER
    )

    with pytest.raises(ValidationError) as error:
        check_actions.check_in(person=person, organisation=organisation, scores=[3] * 5)

    assert error.value.messages == [NEVER_ASK]


def test_an_unknown_choice_is_refused(organisation: Organisation) -> None:
    person = joined(organisation)

    with pytest.raises(ValidationError):
        check_actions.choose_asking(
            person=person, organisation=organisation, asking="sometimes"
        )

    assert not CheckChoice.objects.exists()


def test_someone_outside_the_organisation_cannot_check_in(
    organisation: Organisation,
) -> None:
    outsider = joined(OrganisationFactory.create())

    with pytest.raises(PermissionDenied):
        check_actions.check_in(
            person=outsider, organisation=organisation, scores=[3] * 5
        )


@pytest.mark.parametrize(
    ("role", "measure"),
    [
        (Role.PEER, FELT_SAFETY),
        (Role.PEER_SUPPORTER, TEAM_SAFETY),
        (Role.FACILITATOR, TEAM_SAFETY),
        (Role.SUPERVISOR, TEAM_SAFETY),
        (Role.ADMIN, TEAM_SAFETY),
    ],
)
def test_peers_answer_the_felt_safety_set_and_staff_the_team_set(
    organisation: Organisation, role: str, measure: object
) -> None:
    person = joined(organisation, role=role)

    check_actions.check_in(person=person, organisation=organisation, scores=[4] * 5)

    assert CheckAnswer.objects.get().measure == measure.code  # type: ignore[attr-defined]


def test_staff_answer_the_licensed_set_once_the_organisation_entered_it(
    organisation: Organisation,
) -> None:
    admin = joined(organisation, role=Role.ADMIN)
    check_actions.enter_licensed_wording(
        person=admin,
        organisation=organisation,
        measure=TEAM_PSYCHOLOGICAL_SAFETY,
        items_text=SEVEN,
        points=7,
        licence_held="A made-up permission.",
    )
    supervisor = joined(organisation, role=Role.SUPERVISOR)

    check_actions.check_in(
        person=supervisor, organisation=organisation, scores=[7, 1, 6, 2, 5, 3, 4]
    )

    answer = CheckAnswer.objects.get()
    assert answer.measure == TEAM_PSYCHOLOGICAL_SAFETY.code
    assert answer.scores == [7, 1, 6, 2, 5, 3, 4]
    # Peers still answer our own set.
    assert wording_for(CheckAudience.PEERS, organisation.pk).measure == FELT_SAFETY


def test_licensed_wording_is_locked_once_entered(organisation: Organisation) -> None:
    admin = joined(organisation, role=Role.ADMIN)
    first = check_actions.enter_licensed_wording(
        person=admin,
        organisation=organisation,
        measure=TEAM_PSYCHOLOGICAL_SAFETY,
        items_text=SEVEN,
        points=7,
        licence_held="A made-up permission.",
    )

    with pytest.raises(ValidationError) as error:
        check_actions.enter_licensed_wording(
            person=admin,
            organisation=organisation,
            measure=TEAM_PSYCHOLOGICAL_SAFETY,
            items_text=SEVEN.replace("0", "nought"),
            points=5,
            licence_held="Another.",
        )

    assert error.value.messages == [LOCKED]
    kept = LicensedWording.objects.get()
    assert kept.pk == first.pk
    assert kept.items[0] == "Made-up licensed statement 0."
    assert kept.points == 7


@pytest.mark.parametrize(
    ("items_text", "points", "licence_held", "words"),
    [
        ("Only one statement.", 7, "A permission.", "has 7 statements"),
        (SEVEN + "\nAn eighth.", 7, "A permission.", "has 7 statements"),
        ("\n".join(["x" * 301] * 7), 7, "A permission.", "up to 300"),
        (SEVEN, 1, "A permission.", "from 2 to 11"),
        (SEVEN, 7, "   ", "which licence"),
    ],
)
def test_bad_licensed_wording_is_refused_with_kind_words(
    organisation: Organisation,
    items_text: str,
    points: int,
    licence_held: str,
    words: str,
) -> None:
    admin = joined(organisation, role=Role.ADMIN)

    with pytest.raises(ValidationError, match=words):
        check_actions.enter_licensed_wording(
            person=admin,
            organisation=organisation,
            measure=TEAM_PSYCHOLOGICAL_SAFETY,
            items_text=items_text,
            points=points,
            licence_held=licence_held,
        )

    assert not LicensedWording.objects.exists()


@pytest.mark.parametrize("role", [Role.PEER, Role.FACILITATOR, Role.SUPERVISOR])
def test_only_an_admin_enters_licensed_wording(
    organisation: Organisation, role: str
) -> None:
    person = joined(organisation, role=role)

    with pytest.raises(PermissionDenied):
        check_actions.enter_licensed_wording(
            person=person,
            organisation=organisation,
            measure=TEAM_PSYCHOLOGICAL_SAFETY,
            items_text=SEVEN,
            points=7,
            licence_held="A made-up permission.",
        )


def test_our_own_measures_wording_cannot_be_entered(
    organisation: Organisation,
) -> None:
    admin = joined(organisation, role=Role.ADMIN)

    with pytest.raises(ValueError, match="fixed"):
        check_actions.enter_licensed_wording(
            person=admin,
            organisation=organisation,
            measure=FELT_SAFETY,
            items_text="\n".join(["Other words."] * 5),
            points=5,
            licence_held="None needed.",
        )


def _told(person: Person) -> int:
    return Notification.objects.filter(
        person=person, message=check_actions.INVITATION
    ).count()


def test_people_who_just_joined_are_told_once_and_never_chased(
    organisation: Organisation, django_capture_on_commit_callbacks: Capture
) -> None:
    person = joined(organisation)

    with django_capture_on_commit_callbacks(execute=True):
        assert check_actions.tell_about_open_check_ins() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert check_actions.tell_about_open_check_ins() == 0

    assert _told(person) == 1
    note = Notification.objects.get(person=person)
    assert note.link == f"/services/{organisation.slug}/check-in/"


def test_later_check_ins_are_told_only_to_those_who_asked(
    organisation: Organisation, django_capture_on_commit_callbacks: Capture
) -> None:
    asked = joined(organisation, days_ago=months_ago(3))
    undecided = joined(organisation, days_ago=months_ago(3))
    never = joined(organisation)
    check_actions.choose_asking(
        person=asked, organisation=organisation, asking=Asking.YES
    )
    check_actions.choose_asking(
        person=never, organisation=organisation, asking=Asking.NEVER
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert check_actions.tell_about_open_check_ins() == 1

    assert (_told(asked), _told(undecided), _told(never)) == (1, 0, 0)


def test_someone_who_already_checked_in_is_not_told(
    organisation: Organisation, django_capture_on_commit_callbacks: Capture
) -> None:
    person = joined(organisation)
    check_actions.check_in(person=person, organisation=organisation, scores=[4] * 5)

    with django_capture_on_commit_callbacks(execute=True):
        assert check_actions.tell_about_open_check_ins() == 0

    assert _told(person) == 0


def test_old_records_go_once_they_can_stop_no_double_answer(
    organisation: Organisation,
) -> None:
    person = joined(organisation)
    check_actions.check_in(person=person, organisation=organisation, scores=[4] * 5)
    CheckAnswer.objects.create(
        organisation=organisation,
        measure=FELT_SAFETY.code,
        answered_on=date(2020, 1, 1),
        scores=[1] * 5,
    )

    assert check_actions.forget_old_check_records() == 1  # the three-year-old one
    assert CheckAnswered.objects.count() == 1

    later = timezone.now() + timedelta(days=31)
    assert check_actions.forget_old_check_records(now=later) == 1
    assert not CheckAnswered.objects.exists()
    assert CheckAnswer.objects.count() == 1


def test_a_record_of_someone_who_left_the_organisation_goes(
    organisation: Organisation,
) -> None:
    person = joined(organisation)
    check_actions.check_in(person=person, organisation=organisation, scores=[4] * 5)
    OrganisationRole.objects.filter(person=person).delete()

    assert check_actions.forget_old_check_records() == 1
    assert not CheckAnswered.objects.exists()
