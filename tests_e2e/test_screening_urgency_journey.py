"""The moderation queue and the duty view put the most urgent first, in a real
browser: a held phone number, warning signs and a plan are posted in that order in
the evening circle, and Fran finds the plan at the top of both, then the warning
signs, then the phone number. A worried friend is shown how to help.

Uses the evening circle and its two journey members (set up as in
``test_safety_journeys``). Post texts are written here, in our own words, and are not
graphic. axe-core checks every page visited.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from .test_safety_journeys import evening_id, fran, sign_in, start_thread, visit

pytestmark = pytest.mark.browser

__all__ = ["evening_id", "fran"]

DETAILS_POST = "Happy to chat outside the group, ring me on 07700 900654."
SIGNS_POST = "Nobody really listens to me lately, and I feel trapped in all of it."
PLAN_POST = "I've picked the night and I know exactly how I'm going to do it."
FRIEND_POST = "My friend is about to hurt herself and she won't pick up the phone."


def test_the_queue_and_the_duty_view_put_the_most_urgent_first(
    new_page: Callable[..., Page], fran: Page, evening_id: str
) -> None:
    rowan = new_page()
    sign_in(rowan, "rowan")
    start_thread(rowan, evening_id, "Chat any time", DETAILS_POST)
    start_thread(rowan, evening_id, "Lately", SIGNS_POST)
    hazel = new_page()
    sign_in(hazel, "hazel")
    start_thread(hazel, evening_id, "Tonight", PLAN_POST)
    expect(hazel.locator(".crisis-card")).to_be_visible()

    visit(fran, f"/safety/groups/{evening_id}/queue/")
    items = fran.locator(".queue-item")
    texts = [items.nth(index).inner_text() for index in range(items.count())]
    order = [
        next(i for i, text in enumerate(texts) if marker in text)
        for marker in ("exactly how", "feel trapped", "07700 900654")
    ]
    assert order == sorted(order), texts
    expect(items.nth(order[0])).to_contain_text("Urgent: a plan, a time or a goodbye")
    expect(items.nth(order[1])).to_contain_text("Soon: warning signs")

    visit(fran, "/safety/duty/")
    alerts = fran.get_by_role("main").locator(".duty-alert")
    expect(alerts.first).to_contain_text("Urgent: a plan, a time or a goodbye")
    first_urgent = alerts.first.get_attribute("data-alert-id")
    fran.get_by_role("main").locator(".duty-alert").first.get_by_role(
        "link", name=re.compile("Open the alert")
    ).click()
    fran.wait_for_url(f"**/safety/alerts/{first_urgent}/")
    check_page = fran.get_by_role("main")
    expect(check_page).to_contain_text("exactly how")


def test_a_worried_friend_is_shown_how_to_help_and_who_to_call(
    new_page: Callable[..., Page], evening_id: str
) -> None:
    hazel = new_page()
    sign_in(hazel, "hazel")
    start_thread(hazel, evening_id, "My friend", FRIEND_POST)
    card = hazel.get_by_role("region", name="Helping someone you are worried about")
    expect(card).to_be_visible()
    expect(card).to_contain_text("call 999")
    expect(hazel.locator(".crisis-status")).to_have_count(0)
