"""An admin makes their service a workplace scheme and switches links off; a
newcomer then reads, on the join page, the statement Alongside writes from those
settings. Each page is checked with axe-core, at 1280 and at 320 pixels wide."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pyotp
import pytest
from playwright.sync_api import Page, expect

from .accessibility import check_accessibility
from .conftest import screenshot, sign_in_with_second_step
from .test_foundation_journeys import open_group_from_list, sign_out, sign_up
from .test_newcomer_journey import ade_with_a_key

pytestmark = pytest.mark.browser

__all__ = ["ade_with_a_key"]

# Riverside as the demo made it: a community service on its kind's defaults.
_PUT_RIVERSIDE_BACK = """
from alongside.organisations.kinds import defaults_for
from alongside.organisations.models import Organisation
Organisation.objects.filter(slug="riverside").update(
    setting="community", **defaults_for("community")
)
"""

WIDTHS = (1280, 320)


@pytest.fixture
def riverside_put_back(django_shell: Callable[[str], str]) -> Iterator[None]:
    """Other journeys meet Riverside as the demo left it, whatever happened."""
    try:
        yield
    finally:
        django_shell(_PUT_RIVERSIDE_BACK)


def check_at_both_widths(page: Page) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        check_accessibility(page)


def test_an_admin_chooses_a_kind_and_a_newcomer_reads_what_it_means(
    page: Page, ade_with_a_key: pyotp.TOTP, riverside_put_back: None
) -> None:
    sign_in_with_second_step(page, "ade", ade_with_a_key)
    page.goto("/services/riverside/settings/")
    check_at_both_widths(page)
    main = page.get_by_role("main")
    expect(main).to_contain_text("Riverside Peer Support is a community service")
    expect(main).not_to_contain_text("pictures")

    main.get_by_label("Workplace staff peer support").check()
    main.get_by_role("button", name="Use this kind and its defaults").click()
    expect(main).to_contain_text(
        "The kind of service is now “Workplace staff peer support”"
    )
    expect(main).to_contain_text("Riverside Peer Support is a workplace scheme")
    check_at_both_widths(page)
    screenshot(page, "kinds-settings-320")

    main.get_by_label("Links in posts can be clicked").uncheck()
    main.get_by_role("button", name="Save settings").click()
    page.wait_for_url("**/services/riverside/")
    expect(main).to_contain_text("What your employer can and cannot see")
    expect(main).to_contain_text("Links are switched off here")
    check_at_both_widths(page)
    sign_out(page)

    sign_up(page)
    open_group_from_list(page, "Living with loss")
    main.get_by_role("link", name=re.compile("join", re.IGNORECASE)).first.click()
    page.wait_for_url("**/join/")
    private = main.locator(".card").filter(
        has=page.get_by_role("heading", name="What stays private")
    )
    for heading in (
        "Who reads what you write in a group",
        "The times someone else reads it",
        "What your employer can and cannot see",
    ):
        expect(private.get_by_role("heading", level=3, name=heading)).to_be_visible()
    expect(private).to_contain_text("Links are switched off here")
    expect(private).to_contain_text("Live-session messages are kept for 30 days")
    expect(private).to_contain_text("In Riverside Peer Support's own words")
    expect(private).not_to_contain_text("cannot read group conversations")
    check_at_both_widths(page)
    screenshot(page, "kinds-join-320")
