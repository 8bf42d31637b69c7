"""Insights in the browser.

A member (sam) opens anonymous feedback from a group page, is told exactly who will
see it, when and after how many answers, sees the separate way to ask to be
contacted, and sends a note. An admin (ade) opens the organisation's dashboard:
charts drawn on the server with their tables and summaries, then narrows it to a
small group and is told plainly why nothing more can be shown. The commissioner's
report is built by the worker; its CSV is parsed back and its PDF read back: the
same figures, no count below 8, no words, no group named.
axe runs on every page, charts included, at 1280 and at 320 px.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pyotp
import pytest
from playwright.sync_api import Page, expect

from alongside.insights.tests.pdf_text import pdf_strings

from .conftest import check_accessibility, screenshot, sign_in_with_second_step

pytestmark = pytest.mark.browser

PASSWORD = "alongside-demo"
NARROW = {"width": 320, "height": 720}
WIDE = {"width": 1280, "height": 900}

ADE_SECRET = pyotp.random_base32()
_GIVE_ADE_A_KEY = f"""
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt
from alongside.accounts.models import Person
ade = Person.objects.get(username="ade")
Authenticator.objects.filter(user=ade).delete()
Authenticator.objects.create(
    user=ade, type=Authenticator.Type.TOTP,
    data={{"secret": encrypt("{ADE_SECRET}")}},
)
"""
_TAKE_ADES_KEY_AWAY = """
from allauth.mfa.models import Authenticator
from alongside.accounts.models import Person
Authenticator.objects.filter(user=Person.objects.get(username="ade")).delete()
"""
# The note the journey sends, and sam's record of having sent it, go afterwards so
# that the demo is as it was (the demo has no feedback dated today).
_FORGET_TODAYS_FEEDBACK = """
from django.utils import timezone
from alongside.insights.models import Answer, Answered
from alongside.accounts.models import Person
Answered.objects.filter(person=Person.objects.get(username="sam")).delete()
Answer.objects.filter(kind="anytime", answered_on=timezone.localdate()).delete()
"""


@pytest.fixture
def ade_key(django_shell: Callable[[str], str]) -> Iterator[pyotp.TOTP]:
    django_shell(_GIVE_ADE_A_KEY)
    try:
        yield pyotp.TOTP(ADE_SECRET)
    finally:
        django_shell(_TAKE_ADES_KEY_AWAY)


@pytest.fixture
def forget_feedback(django_shell: Callable[[str], str]) -> Iterator[None]:
    try:
        yield
    finally:
        django_shell(_FORGET_TODAYS_FEEDBACK)


def _check_both_widths(page: Page) -> None:
    page.set_viewport_size(WIDE)
    check_accessibility(page)
    page.set_viewport_size(NARROW)
    check_accessibility(page)
    page.set_viewport_size(WIDE)


def test_a_member_gives_anonymous_feedback_and_is_told_who_will_see_it(
    page: Page, forget_feedback: None
) -> None:
    page.goto("/account/login/")
    page.get_by_label("Your sign-in name").fill("sam")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    page.get_by_role("link", name="Living with loss").first.click()
    page.get_by_role("link", name=re.compile("without your name")).click()

    main = page.get_by_role("main")
    expect(main).to_contain_text("Only the facilitators of Living with loss")
    expect(main).to_contain_text("three days after you send it at the earliest")
    expect(main).to_contain_text("at least 4 other people")
    expect(main).to_contain_text("nobody can reply to it")
    expect(
        page.get_by_role("heading", name="I'd like someone to contact me")
    ).to_be_visible()
    _check_both_widths(page)
    screenshot(page, "insights-feedback")

    page.get_by_label("What would you like the facilitators to know?").fill(
        "It would help to have the meeting room open a little earlier."
    )
    page.get_by_role("button", name="Send without my name").click()

    expect(page.get_by_text("Sent without your name")).to_be_visible()
    check_accessibility(page)


def test_an_admin_opens_the_dashboard_and_a_narrow_view_is_explained(
    page: Page, ade_key: pyotp.TOTP
) -> None:
    sign_in_with_second_step(page, "ade", ade_key)
    page.goto("/services/riverside/insights/")

    expect(page.get_by_role("heading", name="Insights for Riverside")).to_be_visible()
    charts = page.get_by_role("main").get_by_role("img")
    expect(charts).to_have_count(3)
    for index in range(3):
        alt = charts.nth(index).get_attribute("alt") or ""
        assert alt.startswith(("Incidents", "Felt safety"))
    expect(
        page.get_by_role("table", name=re.compile("Incident rates by quarter"))
    ).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("meetings held")
    _check_both_widths(page)
    screenshot(page, "insights-dashboard")

    page.get_by_role("button", name="Build the report").click()
    expect(page.get_by_role("heading", name="Commissioner's report")).to_be_visible()
    check_accessibility(page)
    download_link = page.get_by_role("link", name="Download the figures (CSV)")
    expect(download_link).to_be_visible(timeout=60_000)
    with page.expect_download() as waiting:
        download_link.click()
    text = Path(waiting.value.path()).read_text()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row["table"] for row in rows} >= {"meetings", "incident rates"}
    for row in rows:
        number = re.fullmatch(r"about (\d+)", row["value"])
        assert number is None or int(number[1]) >= 8
    assert "It would help to have" not in text
    _check_both_widths(page)
    screenshot(page, "insights-report")

    pdf_link = page.get_by_role("link", name="Download the report (PDF)")
    with page.expect_download() as waiting:
        pdf_link.click()
    download = waiting.value
    assert re.fullmatch(
        r"figures-\d{4}-Q\d-to-\d{4}-Q\d\.pdf", download.suggested_filename
    )
    pdf = Path(download.path()).read_bytes()
    assert pdf.startswith(b"%PDF-")
    strings = pdf_strings(pdf)
    words = "\n".join(strings)
    assert "Incident rates" in words and "How these figures are made" in words
    for value in (row["value"] for row in rows if row["value"]):
        if value != "not enough answers":
            assert value in words
    for shown in re.findall(r"about (\d+)", words):
        assert int(shown) >= 8
    assert "fewer than" not in words
    for group in ("Living with loss", "Evening circle", "Carers' cuppa"):
        assert group not in words
    assert "It would help to have" not in words
    page.goto("/services/riverside/insights/")

    page.get_by_label("Group").select_option(label="Carers' cuppa")
    page.get_by_role("button", name="Show").click()

    main = page.get_by_role("main")
    expect(main).to_contain_text(
        re.compile("We can't show this combination|Not enough answers yet")
    )
    expect(main).not_to_contain_text("It would help to have")
    _check_both_widths(page)
