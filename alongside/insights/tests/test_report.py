"""The commissioner's report: built by the worker, asked for once however many
times the button is pressed, parsed back with no small count and no one's words."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from alongside.insights import actions
from alongside.insights.models import Report, ReportStatus
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.states import person_in_state
from alongside.safety.models import Incident

from .factories import closed_answers
from .test_views import _quarter_of_meetings

Capture = Callable[..., AbstractContextManager[Any]]


def test_an_admin_asks_for_the_report_and_downloads_tidy_figures(
    group: PeerGroup, django_capture_on_commit_callbacks: Capture
) -> None:
    admin = person_in_state("org admin", group)
    client = Client()
    client.force_login(admin)
    from alongside.accounts.second_factor import mark_second_step_passed

    session = client.session
    mark_second_step_passed(session, admin.pk)
    session.save()
    occurrences = _quarter_of_meetings(group, 30)
    for occurrence in occurrences[:12]:
        Incident.objects.create(
            organisation=group.organisation,
            group=group,
            category="agreement" if occurrence.pk % 3 else "abuse",
            severity="low",
            what_happened="CANARY words of staff",
            occurred_at=occurrence.starts_at,
        )
    closed_answers(group, 6, text="CANARY words of a member")
    slug = group.organisation.slug

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("insights:report-request", args=[slug]))
    report = Report.objects.get()
    assert response["Location"] == reverse(
        "insights:report-detail", args=[slug, report.pk]
    )
    assert "Download the figures" in client.get(response["Location"]).content.decode()
    download = client.get(reverse("insights:report-download", args=[slug, report.pk]))

    text = download.content.decode()
    assert "CANARY" not in text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row["table"] for row in rows} >= {
        "meetings",
        "incident rates",
        "incidents by category",
        "felt safety",
    }
    for row in rows:
        if row["table"] in {"incidents by category", "incidents by severity"}:
            number = re.fullmatch(r"about (\d+)", row["value"])
            assert number is None or int(number[1]) >= 8
    # Six answers are enough inside the organisation, never in a report leaving it.
    felt = [row for row in rows if row["table"] == "felt safety"]
    assert {row["value"] for row in felt} == {"not enough answers"}


def test_asking_twice_while_it_is_built_gives_the_same_report(
    group: PeerGroup,
) -> None:
    admin = person_in_state("org admin", group)

    first = actions.request_report(person=admin, organisation=group.organisation)
    second = actions.request_report(person=admin, organisation=group.organisation)

    assert first.pk == second.pk
    assert first.status == ReportStatus.WAITING


@pytest.mark.parametrize("state", ["facilitator", "active"])
def test_only_dashboard_viewers_ask_for_reports(group: PeerGroup, state: str) -> None:
    from django.http import Http404

    with pytest.raises(Http404):
        actions.request_report(
            person=person_in_state(state, group), organisation=group.organisation
        )
    assert not Report.objects.exists()
