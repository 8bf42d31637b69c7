"""Saving a plan (versions), sharing and stopping, views, reminders and the PIN."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.models import Notification
from alongside.organisations.models import Organisation, Role
from conftest import person_with_role

from .. import actions
from ..models import PlanVersion, SafetyPlan, digest_of
from ..sections import Contact, PlanContent
from .factories import link_share, plan_with_words, share_with

pytestmark = pytest.mark.django_db
WORDS = "A made-up walk to the park."


def test_each_save_is_a_new_version_and_earlier_ones_are_kept(peer: Person) -> None:
    first = actions.save_section(person=peer, section_key="on-my-own", text=WORDS)
    second = actions.save_section(
        person=peer, section_key="getting-harder", text="Made-up signs."
    )

    assert first is not None and second is not None
    assert (first.number, second.number) == (1, 2)
    old = PlanContent.from_json(PlanVersion.objects.get(pk=first.pk).content)
    new = PlanContent.from_json(PlanVersion.objects.get(pk=second.pk).content)
    assert old.text("on-my-own") == WORDS and not old.text("getting-harder")
    assert new.text("on-my-own") == WORDS and new.text("getting-harder")


def test_saving_the_same_words_twice_makes_one_version(peer: Person) -> None:
    for _ in range(3):
        actions.save_section(person=peer, section_key="on-my-own", text=WORDS)

    assert PlanVersion.objects.filter(plan__owner=peer).count() == 1
    assert SafetyPlan.objects.filter(owner=peer).count() == 1


def test_an_unknown_section_is_refused_kindly(peer: Person) -> None:
    with pytest.raises(ValidationError):
        actions.save_section(person=peer, section_key="../admin", text=WORDS)


def test_this_isnt_for_me_is_kept_with_the_words(peer: Person) -> None:
    actions.save_section(person=peer, section_key="safer", text=WORDS, not_for_me=True)
    content = actions.current_content(SafetyPlan.objects.get(owner=peer))

    assert content.is_not_for_me("safer")
    assert content.text("safer") == WORDS


def test_contacts_are_saved_for_people_and_services(peer: Person) -> None:
    actions.save_section(
        person=peer,
        section_key="people",
        contacts=[Contact(name="A made-up friend", phone="07700 900123")],
    )
    actions.save_section(person=peer, section_key="services", contacts=[])
    content = actions.current_content(SafetyPlan.objects.get(owner=peer))

    assert content.people[0].phone_link == "07700900123"
    assert content.services == []


def test_a_share_is_made_once_and_tells_the_person_neutrally(
    organisation: Organisation,
    peer: Person,
    django_capture_on_commit_callbacks: Any,
) -> None:
    supporter = person_with_role(organisation, Role.PEER_SUPPORTER)
    plan_with_words(peer, WORDS)

    with django_capture_on_commit_callbacks(execute=True):
        first = share_with(peer, supporter)
        again = share_with(peer, supporter)

    assert first == again
    note = Notification.objects.get(person=supporter)
    assert note.message == actions.SHARED_MESSAGE
    assert WORDS not in note.message


def test_sharing_with_someone_outside_the_organisation_is_refused(
    peer: Person, outsider: Person
) -> None:
    with pytest.raises(ValidationError):
        actions.share_with_person(person=peer, recipient=outsider, shown_as="")


@pytest.mark.parametrize("days", [0, -1, 91, 1000])
def test_a_link_lasts_from_one_to_ninety_days(peer: Person, days: int) -> None:
    with pytest.raises(ValidationError):
        actions.share_by_link(person=peer, days=days)


def test_a_link_lasts_thirty_days_unless_chosen_and_is_stored_hashed(
    peer: Person,
) -> None:
    share, token = link_share(peer)
    longest = actions.share_by_link(person=peer, days=90)

    assert timedelta(days=29, hours=23) < share.expires_at - timezone.now()  # type: ignore[operator]
    assert share.expires_at - timezone.now() <= timedelta(days=30)  # type: ignore[operator]
    assert longest.expires_at - timezone.now() <= timedelta(days=90)  # type: ignore[operator]
    assert share.token_digest == digest_of(token) != token
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT token FROM safetyplans_planshare WHERE id = %s", [share.pk]
        )
        (stored,) = cursor.fetchone()
    assert token not in stored


def test_stopping_a_share_is_at_once_and_pressing_again_changes_nothing(
    peer: Person,
) -> None:
    share, _ = link_share(peer)

    actions.revoke_share(person=peer, share=share)
    stopped_at = share.revoked_at
    actions.revoke_share(person=peer, share=share)

    assert stopped_at is not None
    share.refresh_from_db()
    assert share.revoked_at == stopped_at
    assert not share.is_live


def test_only_the_owner_stops_a_share(organisation: Organisation, peer: Person) -> None:
    admin = person_with_role(organisation, Role.ADMIN, second_factor=True)
    share, _ = link_share(peer)

    with pytest.raises(Exception) as refused:
        actions.revoke_share(person=admin, share=share)

    assert refused.typename == "Http404"
    share.refresh_from_db()
    assert share.is_live


def test_the_reminder_is_sent_once_per_date_in_neutral_words(
    peer: Person, django_capture_on_commit_callbacks: Any
) -> None:
    plan_with_words(peer, WORDS)
    actions.set_review_reminder(person=peer, months=3, today=date(2026, 1, 31))
    plan = SafetyPlan.objects.get(owner=peer)
    assert plan.review_due_on == date(2026, 4, 30)
    due = timezone.make_aware(datetime(2026, 4, 30, 9, 0))

    with django_capture_on_commit_callbacks(execute=True):
        assert actions.send_plan_review_reminders(now=due - timedelta(days=1)) == 0
        assert actions.send_plan_review_reminders(now=due) == 1
        assert actions.send_plan_review_reminders(now=due) == 0

    note = Notification.objects.get(person=peer)
    assert note.message == actions.REVIEW_MESSAGE
    assert "safety" not in note.message.lower()
    plan.refresh_from_db()
    assert plan.review_due_on == date(2026, 7, 30)


def test_no_reminder_when_the_owner_chose_none(peer: Person) -> None:
    actions.set_review_reminder(person=peer, months=0)

    assert SafetyPlan.objects.get(owner=peer).review_due_on is None
    assert actions.send_plan_review_reminders(now=timezone.now()) == 0
    with pytest.raises(ValidationError):
        actions.set_review_reminder(person=peer, months=7)


@pytest.mark.parametrize("pin", ["123", "1234567", "12a4", "١٢٣٤", "", "12 34"])
def test_a_pin_is_four_to_six_plain_digits(peer: Person, pin: str) -> None:
    with pytest.raises(ValidationError):
        actions.set_pin(person=peer, pin=pin)


def test_a_pin_is_kept_only_as_a_password_hash(peer: Person) -> None:
    plan = actions.set_pin(person=peer, pin="2468")

    assert "2468" not in plan.pin_hash
    assert check_password("2468", plan.pin_hash)
    assert not actions.remove_pin(person=peer).has_pin
