"""Check-ins in the browser.

A peer (sam) finds the note that a check-in is waiting, is told who sees the
answers, answers, and chooses to be asked again at three, six and twelve months.
A peer supporter (jo) answers the team-safety set. An admin (ade) sees the
check-ins' figures, with the staff set's too-few answers hidden, and the register
of measures, whose wording is locked and offers nothing to edit. axe runs on every
page at 1280 and at 320 px. Afterwards the demo is put back as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pyotp
import pytest
from playwright.sync_api import Page, expect

from .conftest import check_accessibility, screenshot, sign_in, sign_in_with_second_step

pytestmark = pytest.mark.browser

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
# The demo holds no check-in dated today: the journey's go, with sam's and jo's
# records of having answered, and sam's choice goes back to "not chosen yet".
_FORGET_TODAYS_CHECK_INS = """
from django.utils import timezone
from alongside.accounts.models import Person
from alongside.insights.check_models import CheckAnswer, CheckAnswered, CheckChoice
people = Person.objects.filter(username__in=["sam", "jo"])
CheckAnswered.objects.filter(person__in=people).delete()
CheckAnswer.objects.filter(
    organisation__slug="riverside", answered_on=timezone.localdate()
).delete()
CheckChoice.objects.filter(person__username="sam").update(asking="undecided")
"""


@pytest.fixture
def ade_key(django_shell: Callable[[str], str]) -> Iterator[pyotp.TOTP]:
    django_shell(_GIVE_ADE_A_KEY)
    try:
        yield pyotp.TOTP(ADE_SECRET)
    finally:
        django_shell(_TAKE_ADES_KEY_AWAY)


@pytest.fixture
def forget_check_ins(django_shell: Callable[[str], str]) -> Iterator[None]:
    try:
        yield
    finally:
        django_shell(_FORGET_TODAYS_CHECK_INS)


def _check_both_widths(page: Page) -> None:
    page.set_viewport_size(WIDE)
    check_accessibility(page)
    page.set_viewport_size(NARROW)
    check_accessibility(page)
    page.set_viewport_size(WIDE)


def _answer_all(page: Page, choice: str) -> None:
    groups = page.get_by_role("main").get_by_role("group")
    for index in range(groups.count()):
        groups.nth(index).get_by_label(re.compile(rf"^{choice}")).check()


def test_a_peer_and_a_peer_supporter_check_in_without_their_names(
    new_page: Callable[..., Page], forget_check_ins: None
) -> None:
    sam = new_page()
    sign_in(sam, "sam")
    sam.goto("/notifications/")
    expect(sam.get_by_role("main")).to_contain_text("A short check-in is open for you")
    sam.goto("/services/riverside/check-in/")

    main = sam.get_by_role("main")
    expect(main).to_contain_text("kept without your name, with only the day")
    expect(main).to_contain_text("only once at least 5 people have answered")
    expect(main.get_by_role("group")).to_have_count(5)
    _check_both_widths(sam)
    screenshot(sam, "check-in")

    sam.get_by_role("button", name="Send my answers").click()
    expect(main).to_contain_text("Something needs a second look")
    check_accessibility(sam)
    _answer_all(sam, "4")
    sam.get_by_role("button", name="Send my answers").click()

    expect(sam.get_by_text("Thank you. Your answers are kept")).to_be_visible()
    expect(main).to_contain_text("You have already checked in this time.")
    sam.get_by_role("button", name="Ask me at three, six and twelve months").click()
    expect(main).to_contain_text("You asked to be told at three, six and twelve")
    _check_both_widths(sam)

    jo = new_page()
    sign_in(jo, "jo")
    jo.goto("/services/riverside/check-in/")
    expect(jo.get_by_role("main")).to_contain_text(
        "In my team I can raise a problem without fear of blame."
    )
    _check_both_widths(jo)
    _answer_all(jo, "5")
    jo.get_by_role("button", name="Send my answers").click()
    expect(jo.get_by_role("main")).to_contain_text("You have already checked in")


def test_an_admin_sees_figures_with_small_numbers_hidden_and_locked_wording(
    page: Page, ade_key: pyotp.TOTP
) -> None:
    sign_in_with_second_step(page, "ade", ade_key)
    page.goto("/services/riverside/insights/")
    page.get_by_role("link", name=re.compile("^Check-ins at joining")).click()

    main = page.get_by_role("main")
    expect(
        page.get_by_role("heading", name=re.compile("Feeling safe here"))
    ).to_be_visible()
    expect(
        page.get_by_role("table", name=re.compile("Feeling safe here")).first
    ).to_be_visible()
    team = page.locator(
        "section", has=page.get_by_role("heading", name=re.compile("^Our team"))
    )
    expect(team).to_contain_text("Not enough answers yet.")
    expect(team.get_by_role("table")).to_have_count(0)
    expect(main).not_to_contain_text(re.compile(r"answered by [1-7]\b"))
    _check_both_widths(page)
    screenshot(page, "check-in-results")

    page.goto("/services/riverside/insights/measures/")
    expect(
        page.get_by_role("heading", name="Measures and their licences")
    ).to_be_visible()
    expect(main).to_contain_text("Administrative Science Quarterly")
    expect(main.get_by_text("Locked: may not be changed")).to_have_count(3)
    expect(
        page.get_by_role("list", name=re.compile("locked wording of Feeling safe"))
    ).to_contain_text("I feel safe taking part here.")
    expect(main.get_by_role("textbox")).to_have_count(0)
    _check_both_widths(page)
    screenshot(page, "measure-register")
