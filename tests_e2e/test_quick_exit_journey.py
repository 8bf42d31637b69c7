"""Leaving quickly leaves nothing behind: what was being typed does not come back,
and in a group where someone may be watching, the browser is signed out too."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import NEUTRAL_TITLE
from .test_drafts_journey import KEPT_KEYS
from .test_foundation_journeys import arrive, open_group_from_list, sign_in

pytestmark = pytest.mark.browser


def leave_quickly(page: Page) -> None:
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url("https://www.bbc.co.uk/**")
    expect(page).to_have_title(NEUTRAL_TITLE)


def test_nothing_typed_comes_back_after_leaving_quickly(page: Page) -> None:
    sign_in(page, "sam")
    arrive(page, "/")
    open_group_from_list(page, "Evening circle")
    new_conversation = page.url + "talk/new/"
    page.goto(new_conversation)
    page.fill("input[name=title]", "Words I would not want seen")
    page.fill("textarea[name=body]", "More words I would not want seen.")
    assert page.evaluate(KEPT_KEYS)

    leave_quickly(page)
    page.goto(new_conversation)

    expect(page.locator("input[name=title]")).to_have_value("")
    expect(page.locator("textarea[name=body]")).to_have_value("")
    assert page.evaluate(KEPT_KEYS) == []
    # Sam chose nothing, and nobody is watching in this group: still signed in.
    expect(
        page.get_by_role("contentinfo").get_by_role("button", name="Sign out")
    ).to_be_visible()


def test_leaving_a_watched_group_quickly_signs_out(page: Page) -> None:
    sign_in(page, "sam")
    arrive(page, "/")
    open_group_from_list(page, "Women's space")

    leave_quickly(page)
    page.goto("/")

    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Sign in")).to_be_visible()
