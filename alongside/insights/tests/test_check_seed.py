"""The demo shows the check-ins: sam has one waiting and was told once,
Riverside's peers' figures show, its staff set has too few answers to show, and
seeding again adds nothing."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from alongside.accounts.models import Person
from alongside.insights.check_actions import INVITATION
from alongside.insights.check_models import CheckAnswer
from alongside.insights.check_permissions import check_in_blocker
from alongside.insights.checks import check_in_figures
from alongside.insights.licences import FELT_SAFETY, TEAM_SAFETY
from alongside.notifications.models import Notification
from alongside.organisations.models import Organisation

pytestmark = pytest.mark.django_db

Capture = Callable[..., AbstractContextManager[Any]]


def test_the_demo_has_a_check_in_waiting_and_figures_to_show(
    django_capture_on_commit_callbacks: Capture,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=StringIO())
    answers = CheckAnswer.objects.count()

    call_command("seed_demo", stdout=StringIO())

    riverside = Organisation.objects.get(slug="riverside")
    sam = Person.objects.get(username="sam")
    assert check_in_blocker(sam, riverside) == ""
    assert Notification.objects.filter(person=sam, message=INVITATION).count() == 1
    assert CheckAnswer.objects.count() == answers
    figures = {f.measure: f for f in check_in_figures(organisation=riverside)}
    assert [q.is_enough for q in figures[FELT_SAFETY].quarters][-2:] == [True, True]
    assert not any(q.is_enough for q in figures[TEAM_SAFETY].quarters)
