"""My plan in a real browser: a person writes a plan, downloads it, shares it with
their group's facilitator (chosen from a list of the people supporting them, by the
names they are shown by), sees the view logged and stops the share, after which the
facilitator gets the policy's 404; the plan opens from the crisis card; it works with
JavaScript switched off; an admin, a supervisor and a facilitator reach nothing of a
plan not shared with them.

Two people are made for these journeys in Riverside: "wren" writes a plan, and is a
member of the evening circle (no agreement to confirm there), which `fran`
facilitates; `jo` is the demo's peer supporter, whom `sam` has shared a plan with.
axe-core checks every page visited, at 1280 and at 320 px wide.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pyotp
import pytest
from playwright.sync_api import Page, expect

from .conftest import (
    DEMO_PASSWORD,
    check_accessibility,
    sign_in,
    sign_in_with_second_step,
)

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 800}
HOLDING_ON = "My niece's first day at school, and the sea in June."
PEOPLE_NOTE = "Ring before ten."
FRANS_ROLE = "facilitator of Evening circle"

SET_UP = f"""
from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, OrganisationRole
from alongside.peergroups.models import Membership, PeerGroup
riverside = Organisation.objects.get(slug="riverside")
evening = PeerGroup.objects.get(organisation=riverside, slug="evening-circle")
for name in ("wren", "finch"):
    person, _ = Person.objects.get_or_create(username=name)
    person.set_password("{DEMO_PASSWORD}")
    person.save()
    OrganisationRole.objects.get_or_create(organisation=riverside, person=person)
    Membership.objects.update_or_create(
        group=evening, person=person,
        defaults={{"display_name": name.title() + " Evening", "status": "active"}},
    )
print(evening.pk)
"""

SAMS_SHARE = """
from alongside.safetyplans.models import PlanShare
print(PlanShare.objects.get(plan__owner__username="sam", recipient__username="jo").pk)
"""


def open_my_plan(page: Page, *, axe: bool = True) -> None:
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="My plan"
    ).click()
    page.wait_for_url("**/my-plan/")
    expect(page).to_have_title(re.compile(r"^My plan"))
    if axe:
        check_accessibility(page)


@pytest.fixture(scope="module")
def evening_id(django_shell: Callable[[str], str]) -> str:
    return django_shell(SET_UP).splitlines()[-1]


def test_a_plan_is_written_printed_shared_seen_and_stopped(
    new_page: Callable[..., Page],
    evening_id: str,
    tmp_path: Path,
    fran_totp: pyotp.TOTP,
) -> None:
    wren = new_page()
    sign_in(wren, "wren")
    open_my_plan(wren)
    expect(wren.get_by_role("main")).to_contain_text("one part is enough to start")

    wren.get_by_role("link", name="Things worth holding on to").click()
    wren.wait_for_url("**/sections/holding-on/")
    check_accessibility(wren)
    wren.get_by_label("In your own words").fill(HOLDING_ON)
    wren.get_by_role("button", name="Save").click()
    wren.wait_for_url(re.compile(r"/my-plan/#holding-on$"))
    expect(wren.get_by_role("main")).to_contain_text(HOLDING_ON)
    check_accessibility(wren)

    wren.get_by_role("link", name="Print or download").click()
    check_accessibility(wren)
    with wren.expect_download() as waiting:
        wren.get_by_role("link", name="One A4 page").click()
    target = tmp_path / waiting.value.suggested_filename
    waiting.value.save_as(target)
    assert target.read_bytes().startswith(b"%PDF")

    wren.get_by_role("link", name="Sharing").click()
    check_accessibility(wren)
    wren.get_by_label("Someone who supports me").check()
    # Whom to share with is chosen from the people supporting wren, by the names
    # they are shown by: never a sign-in name, and nobody else in the group.
    choose = wren.get_by_label("Who to share it with")
    # Other journeys on the shared demo may also put wren in a group fran leads,
    # which adds to fran's line but never adds another person.
    expect(choose.locator("option")).to_have_text(
        ["Choose someone", re.compile(rf"^Fran \(facilitator\), {FRANS_ROLE}")]
    )
    choose.select_option(index=1)
    wren.get_by_label("Your name, as they know you").fill("Wren")
    wren.get_by_role("button", name="Share").click()
    expect(wren.get_by_text("Shared. They will find it")).to_be_visible()
    expect(wren.get_by_role("main")).to_contain_text("Not opened yet.")
    check_accessibility(wren)

    fran = new_page()
    sign_in_with_second_step(fran, "fran", fran_totp)
    fran.get_by_role("navigation", name="Main").get_by_role(
        "link", name=re.compile("Notifications")
    ).click()
    check_accessibility(fran)
    fran.get_by_role("link", name="Someone has shared a plan with you.").first.click()
    check_accessibility(fran)
    fran.get_by_role("link", name="Wren\u2019s plan").click()
    expect(fran.get_by_role("main")).to_contain_text(HOLDING_ON)
    check_accessibility(fran)
    shared_url = fran.url

    wren.reload()
    expect(wren.get_by_role("main")).to_contain_text("Opened 1 time")
    wren.get_by_role("button", name="Stop sharing with Fran (facilitator)").click()
    expect(wren.get_by_text("Stopped. Nobody can open that share")).to_be_visible()
    check_accessibility(wren)

    response = fran.goto(shared_url)
    assert response is not None and response.status == 404
    expect(fran.get_by_role("main")).not_to_contain_text(HOLDING_ON)
    check_accessibility(fran)


def test_the_plan_opens_from_the_crisis_card(
    new_page: Callable[..., Page], evening_id: str
) -> None:
    finch = new_page()
    sign_in(finch, "finch")
    finch.goto(f"/groups/{evening_id}/talk/new/")
    finch.get_by_label("Sharing").check()
    finch.get_by_label("A short title").fill("Tonight")
    finch.get_by_label("What you would like to say").fill(
        "I cannot see a way forward and I want to end my life tonight."
    )
    finch.get_by_role("button", name="Post to the group").click()
    finch.wait_for_url(re.compile(r"/talk/\d+/"))
    card = finch.get_by_role("region", name="Support for you now")
    expect(card).to_be_visible()
    check_accessibility(finch)

    card.get_by_role("link", name="My plan").click()
    finch.wait_for_url("**/my-plan/")
    expect(finch.get_by_role("heading", level=1)).to_have_text("My plan")
    check_accessibility(finch)


def test_the_plan_works_with_javascript_switched_off(
    new_page: Callable[..., Page], evening_id: str
) -> None:
    # axe runs as a script, so it checks these pages in the other journeys.
    page = new_page(java_script_enabled=False)
    sign_in(page, "wren")
    open_my_plan(page, axe=False)
    page.get_by_role("link", name="People I can ask for help").click()
    page.wait_for_url("**/sections/people/")
    page.locator("#id_contact-0-name").fill("My brother")
    page.locator("#id_contact-0-phone").fill("07700 900777")
    page.get_by_label("Anything else you want to write here").fill(PEOPLE_NOTE)
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/my-plan/#people$"))
    main = page.get_by_role("main")
    expect(main).to_contain_text(PEOPLE_NOTE)
    expect(main.get_by_role("link", name="Call My brother")).to_have_attribute(
        "href", "tel:07700900777"
    )
    with page.expect_download() as waiting:
        page.goto("/my-plan/print/")
        page.get_by_role("link", name="Large print").click()
    assert waiting.value.suggested_filename == "my-plan-large-print.pdf"


def test_the_plan_pages_pass_axe_at_320_pixels(
    new_page: Callable[..., Page], evening_id: str
) -> None:
    page = new_page(viewport=NARROW)
    sign_in(page, "wren")
    for path in (
        "/my-plan/",
        "/my-plan/sections/services/",
        "/my-plan/sharing/",
        "/my-plan/print/",
        "/my-plan/history/",
        "/my-plan/pin/",
        "/my-plan/reminder/",
        "/plans-shared-with-me/",
    ):
        page.goto(path)
        check_accessibility(page)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, (path, width)


def test_no_staff_role_reaches_a_plan(
    new_page: Callable[..., Page],
    django_shell: Callable[[str], str],
    fran_totp: pyotp.TOTP,
) -> None:
    share_id = django_shell(SAMS_SHARE)
    sams_words = "The walk along the river."
    for username in ("ade", "sky", "fran"):
        page = new_page()
        if username == "fran":
            sign_in_with_second_step(page, "fran", fran_totp)
        else:
            sign_in(page, username)
        for path in (
            "/my-plan/",
            "/my-plan/history/",
            "/my-plan/sharing/",
            "/plans-shared-with-me/",
        ):
            page.goto(path)
            expect(page.get_by_role("main")).not_to_contain_text(sams_words)
        response = page.goto(f"/plans-shared-with-me/{share_id}/")
        assert response is not None and response.status == 404, username
        expect(page.get_by_role("main")).not_to_contain_text(sams_words)
        check_accessibility(page)
