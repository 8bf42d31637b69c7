"""The demo gives fran, sky and ade a Today page with real items on it."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from alongside.accounts.models import Person
from alongside.safety.models import Escalation, Incident
from alongside.today.sections import sections_for

pytestmark = pytest.mark.django_db


def waiting_for(username: str) -> dict[str, int]:
    person = Person.objects.get(username=username)
    return {section.name: len(section.items) for section in sections_for(person)}


def test_fran_sky_and_ade_each_have_real_items_today() -> None:
    call_command("seed_demo", stdout=StringIO())

    fran, sky, ade = waiting_for("fran"), waiting_for("sky"), waiting_for("ade")

    assert fran["alerts"] == 1
    assert fran["queues"] >= 1
    assert fran["requests"] == 1
    assert fran["incidents"] == 1
    assert fran["reviews"] == 1
    assert fran["groups"] == 5
    assert sky["alerts"] == 1  # the alert moved up the chain to sky
    assert sky["incidents"] == 1
    assert sky["cover"] == 1
    assert ade["alerts"] == 1  # and then to ade
    assert ade["queues"] >= 1
    assert ade["requests"] == 1


def test_seeding_again_adds_no_second_alert_or_incident() -> None:
    call_command("seed_demo", stdout=StringIO())
    alerts, incidents = Escalation.objects.count(), Incident.objects.count()

    call_command("seed_demo", stdout=StringIO())

    assert Escalation.objects.count() == alerts
    assert Incident.objects.count() == incidents
