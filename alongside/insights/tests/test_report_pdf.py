"""The commissioner's report as PDF: built by the worker with the CSV, read back
from its content streams. It holds every figure of the CSV, never a hidden small
number, nobody's words and no group's name; only dashboard viewers download it,
under a neutral name."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.accounts.second_factor import mark_second_step_passed
from alongside.core.disclosure import Audience
from alongside.insights import actions
from alongside.insights.models import Kind, Report, ReportStatus
from alongside.insights.rates import last_quarters
from alongside.insights.report import HIDDEN
from alongside.insights.shown_back import distribution_of
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.states import person_in_state
from alongside.safety.models import Incident

from .factories import AnswerFactory
from .pdf_text import pdf_strings
from .test_views import _quarter_of_meetings

Capture = Callable[..., AbstractContextManager[Any]]


def _client(person: Person) -> Client:
    client = Client()
    client.force_login(person)
    session = client.session
    mark_second_step_passed(session, person.pk)
    session.save()
    return client


def _a_quarter_with_incidents(group: PeerGroup) -> None:
    """40 meetings in the last quarter that ended; 15 incidents about agreements
    and 3 about abuse, one of them serious: the 3 and the 1 must be hidden."""
    occurrences = _quarter_of_meetings(group, 40)
    for number, occurrence in enumerate(occurrences[:18]):
        Incident.objects.create(
            organisation=group.organisation,
            group=group,
            category="abuse" if number < 3 else "agreement",
            severity="high" if number == 0 else "low",
            what_happened="CANARY words of staff",
            occurred_at=occurrence.starts_at,
        )


def _answers(group: PeerGroup, scores: dict[int, int]) -> None:
    day = last_quarters(1)[0].start + timedelta(days=20)
    for score, count in scores.items():
        for _ in range(count):
            AnswerFactory.create(
                group=group,
                kind=Kind.MEETING,
                answered_on=day,
                felt_safe=score,
                could_say=score,
                text="CANARY words of a member",
            )


def _build(client: Client, slug: str, capture: Capture) -> Report:
    with capture(execute=True):
        response = client.post(reverse("insights:report-request", args=[slug]))
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.status == ReportStatus.READY
    return report


def test_the_pdf_holds_the_csv_figures_and_never_a_hidden_small_number(
    group: PeerGroup, django_capture_on_commit_callbacks: Capture
) -> None:
    admin = person_in_state("org admin", group)
    _a_quarter_with_incidents(group)
    # 13 answered 4 and 2 answered 1: enough to leave the organisation, but the 2
    # is hidden, and so is a second share so that it cannot be worked out.
    _answers(group, {4: 13, 1: 2})
    client = _client(admin)
    slug = group.organisation.slug

    report = _build(client, slug, django_capture_on_commit_callbacks)
    page = client.get(reverse("insights:report-detail", args=[slug, report.pk]))
    assert "Download the report (PDF)" in page.content.decode()
    response = client.get(
        reverse("insights:report-download-pdf", args=[slug, report.pk])
    )
    csv_response = client.get(
        reverse("insights:report-download", args=[slug, report.pk])
    )

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    strings = pdf_strings(response.content)
    text = "\n".join(strings)
    rows = list(csv.DictReader(io.StringIO(csv_response.content.decode())))
    # Every figure of the CSV is in the PDF.
    for row in rows:
        for value in (row["value"], row["denominator"]):
            if value and value != "not enough answers":
                assert value in text, row
    assert "40" in strings  # meetings held, not about people: shown as it is
    assert "How these figures are made" in text
    assert "More reports often mean" in text
    # The 3 abuse incidents and the one serious incident are hidden, with a second
    # figure beside each so that neither can be taken from a total.
    assert strings.count(HIDDEN) >= 4
    before_felt_safety = strings[: strings.index("Felt safety after meetings")]
    assert "3" not in before_felt_safety and "1" not in before_felt_safety
    for shown in re.findall(r"about (\d+)", text):
        assert int(shown) >= 8 and int(shown) % 5 == 0
    assert "fewer than" not in text
    # Felt safety: the 2 who answered 1 are hidden, and so is the smallest other
    # share (the 13 who answered 4, 87%), so 100% less the rest gives nothing away.
    assert "87%" not in text and "13%" not in text
    shares = [s for s in strings if re.fullmatch(r"\d+%", s)]
    assert shares and all(value == "0%" for value in shares)
    # Nobody's words, no group named.
    assert "CANARY" not in text
    assert group.name not in text


def test_too_few_answers_read_not_enough_answers_and_show_no_share(
    group: PeerGroup, django_capture_on_commit_callbacks: Capture
) -> None:
    # Nine answers would show on the dashboard, never in a report that leaves.
    _answers(group, {5: 9})
    admin = person_in_state("org admin", group)
    client = _client(admin)
    slug = group.organisation.slug

    report = _build(client, slug, django_capture_on_commit_callbacks)

    strings = pdf_strings(bytes(report.pdf))
    # Four quarters after group meetings, and four after one-to-one meetings,
    # which had no answers at all.
    assert strings.count("Not enough answers yet") == 8
    assert not [s for s in strings if re.fullmatch(r"\d+%", s)]


def test_shares_leave_no_single_hidden_share() -> None:
    distribution = distribution_of(
        {"felt_safe": {4: 20, 5: 12, 2: 3}}, 35, Audience.LEAVING
    )

    shares = distribution.questions[0][1]

    hidden = [share.score for share in shares if share.percent is None]
    assert hidden == [2, 5]  # the 3 people, and the smallest other share
    assert shares[4].count.shown == 10  # its count, rounded, is still shown


def test_the_pdf_survives_a_name_its_font_cannot_show(
    group: PeerGroup, django_capture_on_commit_callbacks: Capture
) -> None:
    organisation = group.organisation
    organisation.name = "Cymorth \u0175 \U0001f49a <script>alert(1)</script> (a)\\"
    organisation.save()
    admin = person_in_state("org admin", group)

    report = _build(
        _client(admin), organisation.slug, django_capture_on_commit_callbacks
    )

    text = "\n".join(pdf_strings(bytes(report.pdf)))
    assert "Cymorth ? ? <script>alert(1)</script> (a)\\" in text
    assert "appear as question marks" in text


def test_the_file_name_is_neutral(
    group: PeerGroup, django_capture_on_commit_callbacks: Capture
) -> None:
    admin = person_in_state("org admin", group)
    client = _client(admin)
    slug = group.organisation.slug
    report = _build(client, slug, django_capture_on_commit_callbacks)
    quarters = last_quarters(4)
    period = f"{quarters[0].label}-to-{quarters[-1].label}".replace(" ", "-")

    pdf = client.get(reverse("insights:report-download-pdf", args=[slug, report.pk]))
    table = client.get(reverse("insights:report-download", args=[slug, report.pk]))

    assert pdf["Content-Disposition"] == f'attachment; filename="figures-{period}.pdf"'
    assert (
        table["Content-Disposition"] == f'attachment; filename="figures-{period}.csv"'
    )


@pytest.mark.parametrize("state", ["supervisor"])
def test_supervisors_download_it_too(
    group: PeerGroup, state: str, django_capture_on_commit_callbacks: Capture
) -> None:
    person = person_in_state(state, group)
    client = _client(person)
    slug = group.organisation.slug
    report = _build(client, slug, django_capture_on_commit_callbacks)

    response = client.get(
        reverse("insights:report-download-pdf", args=[slug, report.pk])
    )

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")


@pytest.mark.parametrize("state", ["facilitator", "active", "other organisation admin"])
def test_nobody_else_downloads_it(group: PeerGroup, state: str) -> None:
    report = Report.objects.create(
        organisation=group.organisation,
        status=ReportStatus.READY,
        csv="table\r\n",
        pdf=b"%PDF-1.3\n%%EOF\n",
    )
    client = _client(person_in_state(state, group))

    response = client.get(
        reverse(
            "insights:report-download-pdf", args=[group.organisation.slug, report.pk]
        )
    )

    assert response.status_code == 404


def test_another_organisations_report_is_not_found(group: PeerGroup) -> None:
    other = Report.objects.create(
        organisation=OrganisationFactory.create(),
        status=ReportStatus.READY,
        pdf=b"%PDF-1.3\n%%EOF\n",
    )
    client = _client(person_in_state("org admin", group))

    response = client.get(
        reverse(
            "insights:report-download-pdf", args=[group.organisation.slug, other.pk]
        )
    )

    assert response.status_code == 404


def test_a_report_still_being_built_or_without_a_pdf_offers_none(
    group: PeerGroup,
) -> None:
    admin = person_in_state("org admin", group)
    slug = group.organisation.slug
    building = Report.objects.create(
        organisation=group.organisation, status=ReportStatus.BUILDING, progress=50
    )
    older = Report.objects.create(
        organisation=group.organisation, status=ReportStatus.READY, csv="table\r\n"
    )
    client = _client(admin)

    for report in (building, older):
        url = reverse("insights:report-download-pdf", args=[slug, report.pk])
        assert client.get(url).status_code == 404
    page = client.get(reverse("insights:report-detail", args=[slug, older.pk]))
    assert "Download the figures (CSV)" in page.content.decode()
    assert "(PDF)" not in page.content.decode()
    page = client.get(reverse("insights:report-detail", args=[slug, building.pk]))
    assert "50% done" in page.content.decode()


def test_the_worker_shows_progress_and_the_figures_are_fixed_at_asking(
    group: PeerGroup,
) -> None:
    admin = person_in_state("org admin", group)
    report = actions.request_report(person=admin, organisation=group.organisation)
    Report.objects.filter(pk=report.pk).update(
        created_at=report.created_at - timedelta(days=400)
    )

    assert actions.build_report(report_id=report.pk) == ReportStatus.READY

    report.refresh_from_db()
    assert report.progress == 100
    quarters = last_quarters(4, timezone.localdate(report.created_at))
    text = "\n".join(pdf_strings(bytes(report.pdf)))
    assert f"{quarters[0].label} to {quarters[-1].label}" in text
