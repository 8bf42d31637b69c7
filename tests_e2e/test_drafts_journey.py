"""Words kept in the browser: a posted conversation's draft is forgotten on the
conversation's own page, a live message that failed goes back in the box even while
someone is typing, and signing out on a shared device forgets drafts."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import check_accessibility
from .test_conversation_journey import open_evening_circle, sign_in

pytestmark = pytest.mark.browser

KEPT_KEYS = """() => Object.keys(window.localStorage).filter(
  (name) => name.startsWith("draft:") || name.startsWith("live-"))"""


def test_a_posted_conversation_forgets_its_draft(
    alongside_url: str, new_context: Any
) -> None:
    page = sign_in(new_context(), alongside_url, "sam")
    room_url = open_evening_circle(page, alongside_url)
    page.goto(room_url.replace("/live/", "/talk/new/"))
    title = f"A journey title {uuid.uuid4().hex[:6]}"
    page.fill("input[name=title]", title)
    page.fill("textarea[name=body]", "Placeholder words for the journey.")
    assert any(key.startswith("draft:thread-") for key in page.evaluate(KEPT_KEYS))
    page.get_by_role("button", name="Post to the group").click()
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    # The page's scripts run after the heading is shown: wait for them to forget it.
    page.wait_for_function(
        """() => !Object.keys(window.localStorage).some(
          (name) => name.startsWith("draft:thread-"))"""
    )
    check_accessibility(page)


def test_a_failed_live_message_goes_back_in_the_box_while_typing(
    alongside_url: str, new_context: Any
) -> None:
    page = sign_in(new_context(), alongside_url, "sam")
    open_evening_circle(page, alongside_url)
    key = page.get_attribute("#live-room", "data-room-key")
    page.fill("textarea[name=body]", "typing now")
    # An unsent message the server will refuse (its client id cannot be read).
    page.evaluate(
        """(key) => window.localStorage.setItem(key + ":outbox", JSON.stringify([{
          type: "send", client_id: "not-a-client-id", body: "first words",
          content_warning: "", content_warning_text: ""}]))""",
        key,
    )
    page.reload()
    expect(page.locator("textarea[name=body]")).to_have_value(
        "typing now\n\nfirst words"
    )
    assert "first words" in page.evaluate(
        "(key) => window.localStorage.getItem(key + ':draft')", key
    )
    expect(page.locator("#live-log")).not_to_have_attribute("aria-busy", "true")


def test_signing_out_forgets_drafts_kept_in_this_browser(
    alongside_url: str, new_context: Any
) -> None:
    page = sign_in(new_context(), alongside_url, "sam")
    open_evening_circle(page, alongside_url)
    page.fill("textarea[name=body]", "words not sent yet")
    page.evaluate("() => window.localStorage.setItem('draft:reply-1-1', '{}')")
    assert page.evaluate(KEPT_KEYS)
    page.get_by_role("contentinfo").get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/")
    assert page.evaluate(KEPT_KEYS) == []


MISSED_WHILE_AWAY = """
import uuid
from alongside.accounts.models import Person
from alongside.conversations.models import LiveRoom, Post
from alongside.peergroups.models import PeerGroup
evening = PeerGroup.objects.get(slug="evening-circle")
jo = Person.objects.get(username="jo")
room = LiveRoom.objects.get(group=evening)
Post.objects.bulk_create(
    Post(group=evening, room=room, author=jo, body=f"{marker} {n}",
         client_id=uuid.uuid4())
    for n in range(620)
)
"""


def test_a_long_time_away_catches_up_on_everything_missed(
    alongside_url: str, new_context: Any, django_shell: Any
) -> None:
    page = sign_in(new_context(), alongside_url, "sam")
    open_evening_circle(page, alongside_url)
    expect(page.locator("#live-log")).not_to_have_attribute("aria-busy", "true")
    marker = f"missed-{uuid.uuid4().hex[:6]}"
    # Said while this browser was away: more than one catch-up brings.
    django_shell(MISSED_WHILE_AWAY.replace("{marker}", marker))
    page.evaluate("() => window.__sockets.forEach((socket) => socket.close())")
    expect(page.locator("#live-messages li", has_text=f"{marker} 619")).to_have_count(
        1, timeout=10000
    )
    expect(page.locator("#live-messages li", has_text=marker)).to_have_count(620)
    expect(page.locator("#live-log")).not_to_have_attribute("aria-busy", "true")


def test_taking_a_moment_lasts_through_a_dropped_connection(
    alongside_url: str, new_context: Any
) -> None:
    page = sign_in(new_context(), alongside_url, "sam")
    open_evening_circle(page, alongside_url)
    page.get_by_label("Let others see I am taking a moment").check()
    page.get_by_role("link", name="Step away for a moment").click()
    presence = page.locator("#presence")
    expect(presence).to_contain_text("1 taking a moment")
    expect(page.locator("#calm-space-heading")).to_be_focused()
    page.evaluate("""() => {
      document.getElementById("presence").textContent = "";
      window.__sockets.forEach((socket) => socket.close());
    }""")
    expect(presence).to_contain_text("1 taking a moment", timeout=5000)
    expect(presence).not_to_contain_text("1 person here")
