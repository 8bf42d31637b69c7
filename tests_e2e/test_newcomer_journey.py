"""Small things a newcomer tripped over, checked where a browser is needed."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .test_foundation_journeys import arrive, open_group_from_list, sign_in

pytestmark = pytest.mark.browser


def test_a_reply_just_posted_is_not_hidden_under_the_quick_exit_bar(
    page: Page,
) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in(page, "sam")
    arrive(page, "/")
    open_group_from_list(page, "Living with loss")
    page.get_by_role("main").get_by_role("link", name="Conversations").click()
    page.get_by_role("link", name="The first birthday without them").click()
    page.fill("textarea[name=body]", "Thinking of you on the day.")
    page.get_by_role("button", name="Post reply").click()
    page.wait_for_url("**#post-*")

    post_id = page.url.rsplit("#", 1)[1]
    post = page.locator(f"#{post_id}")
    expect(post).to_contain_text("Thinking of you on the day.")
    bar = page.locator(".quick-exit-bar").bounding_box()
    top = post.bounding_box()
    assert bar is not None and top is not None
    assert top["y"] >= bar["y"] + bar["height"]
