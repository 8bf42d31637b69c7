"""A plan is sealed at rest under a key of its owner's own, which goes with erasure."""

from __future__ import annotations

import pytest
from django.db import connection

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PersonFactory
from alongside.peergroups.sealing import REMOVED_PLACEHOLDER
from alongside.privacy.actions import erase_account
from alongside.sealing.models import GroupKey

from .. import sealing
from ..models import PersonKey
from .factories import plan_with_words

pytestmark = pytest.mark.django_db
WORDS = "A made-up marker of my own words"


def _stored_content(person: Person) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT v.content FROM safetyplans_planversion v "
            "JOIN safetyplans_safetyplan p ON p.id = v.plan_id "
            "WHERE p.owner_id = %s ORDER BY v.number DESC",
            [person.pk],
        )
        return str(cursor.fetchone()[0])


def test_the_words_are_sealed_under_the_owners_own_key() -> None:
    first, second = PersonFactory.create(), PersonFactory.create()
    plan_with_words(first, WORDS)
    plan_with_words(second, WORDS)

    stored = _stored_content(first)

    assert stored.startswith("sealed1:")
    assert WORDS not in stored
    keys = PersonKey.objects.filter(person_id__in=[first.pk, second.pk])
    assert keys.count() == 2
    assert len({key.key_id for key in keys}) == 2
    assert not GroupKey.objects.exists()
    assert PersonKey.objects.db == "keys"


def test_erasure_destroys_the_key_so_no_copy_can_be_read(
    django_capture_on_commit_callbacks: object,
) -> None:
    person = PersonFactory.create()
    plan_with_words(person, WORDS)
    stored = _stored_content(person)
    assert WORDS in sealing.open_stored(stored, "safetyplans.PlanVersion.content")

    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        erase_account(person=person, keep_posts=False)
    sealing.forget_keys()

    assert not PersonKey.objects.exists()
    assert (
        sealing.open_stored(stored, "safetyplans.PlanVersion.content")
        == REMOVED_PLACEHOLDER
    )


def test_altered_words_read_as_a_placeholder_and_are_logged_without_them(
    caplog: pytest.LogCaptureFixture,
) -> None:
    person = PersonFactory.create()
    plan_with_words(person, WORDS)
    stored = _stored_content(person)
    altered = stored[:-6] + ("A" if stored[-6] != "A" else "B") + stored[-5:]

    shown = sealing.open_stored(altered, "safetyplans.PlanVersion.content")

    assert shown != WORDS and WORDS not in caplog.text
    assert "could not be opened" in caplog.text
