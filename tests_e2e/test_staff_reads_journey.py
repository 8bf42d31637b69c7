"""A facilitator checks a held post in the queue, and its author then sees that
look in "Who else has seen my words". axe-core checks every page visited."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .conftest import check_accessibility
from .test_safety_journeys import (  # noqa: F401  (fixtures used by name)
    METHOD_POST,
    evening_id,
    fran,
    sign_in,
    start_thread,
    visit,
)

pytestmark = pytest.mark.browser


def test_author_sees_that_a_facilitator_checked_their_held_post(
    page: Page,
    fran: Page,  # noqa: F811
    evening_id: str,  # noqa: F811
) -> None:
    sign_in(page, "rowan")
    start_thread(page, evening_id, "Checked by a facilitator", METHOD_POST)
    expect(page.locator("main")).to_contain_text("quick check")

    visit(fran, f"/safety/groups/{evening_id}/queue/")
    expect(fran.locator("#queue-list")).to_contain_text("Rowan Evening")

    visit(page, "/account/settings/")
    page.get_by_role("link", name="Who else has seen my words").click()
    page.wait_for_url("**/who-has-seen-my-words/")
    check_accessibility(page)
    reads = page.locator("#staff-reads")
    expect(reads).to_contain_text("A facilitator of")
    expect(reads).to_contain_text("Your post in a conversation, in Evening circle")
    expect(reads).to_contain_text("Why: ")
    expect(page.locator("main")).not_to_contain_text(METHOD_POST)
