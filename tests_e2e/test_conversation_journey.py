"""Three people in the evening circle's live room: messages arrive within a second,
filters are respected, a cut connection loses and duplicates nothing, and someone who
leaves stops receiving."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pyotp
import pytest
from playwright.sync_api import BrowserContext, Page, expect

from .conftest import check_accessibility, fresh_code

pytestmark = pytest.mark.browser

PASSWORD = "alongside-demo"

# Keep every socket the page opens, so the test can cut the connection; while
# window.__holdSockets is set, every new socket fails at once, as when offline.
RECORD_SOCKETS = """
(() => {
  const Original = window.WebSocket;
  window.__sockets = [];
  window.WebSocket = function (...args) {
    if (window.__holdSockets) {
      const failing = new EventTarget();
      Object.assign(failing, {readyState: 3, send() {}, close() {}});
      setTimeout(() => failing.dispatchEvent(
        Object.assign(new Event("close"), {code: 1006})), 0);
      return failing;
    }
    const socket = new Original(...args);
    window.__sockets.push(socket);
    return socket;
  };
  window.WebSocket.prototype = Original.prototype;
  Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
})();
"""


def sign_in(
    context: BrowserContext,
    alongside_url: str,
    username: str,
    totp: pyotp.TOTP | None = None,
) -> Page:
    page = context.new_page()
    page.add_init_script(RECORD_SOCKETS)
    page.goto(alongside_url + "/account/login/")
    page.fill("input[name=login]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    if totp is not None:
        # Staff (fran) give a code from their second step too.
        page.wait_for_url("**/2fa/authenticate/")
        page.fill("input[name=code]", fresh_code(totp))
        page.get_by_role("main").get_by_role("button", name="Sign in").click()
        page.wait_for_url(alongside_url + "/")
    page.wait_for_url(re.compile(r"/$"))
    return page


def open_evening_circle(page: Page, alongside_url: str) -> str:
    page.goto(alongside_url + "/groups/")
    page.get_by_role("link", name="Evening circle").first.click()
    page.get_by_role("link", name="Live room").first.click()
    expect(page.locator("#presence")).to_contain_text("here", timeout=5000)
    return page.url


def send(page: Page, text: str, warning: str = "") -> None:
    if warning:
        page.locator(".warning-fields summary").click()
        page.select_option("select[name=content_warning]", warning)
    page.fill("textarea[name=body]", text)
    page.get_by_role("button", name="Send").click()


# Jo leaves the evening circle in this journey; later journeys find them there.
JO_BACK_IN_THE_CIRCLE = """
from alongside.peergroups.models import Membership
Membership.objects.filter(
    group__slug="evening-circle", person__username="jo"
).update(status="active")
"""


@pytest.fixture
def jo_comes_back(django_shell: Any) -> Any:
    yield
    django_shell(JO_BACK_IN_THE_CIRCLE)


def test_live_room_journey(
    alongside_url: str, new_context: Any, fran_totp: pyotp.TOTP, jo_comes_back: None
) -> None:
    a_context, b_context, c_context = new_context(), new_context(), new_context()
    a = sign_in(a_context, alongside_url, "sam")
    b = sign_in(b_context, alongside_url, "jo")
    c = sign_in(c_context, alongside_url, "fran", fran_totp)

    # B hides posts about self-harm (a private choice).
    b.goto(alongside_url + "/groups/content-filters/")
    check_accessibility(b)
    b.check("input[name=self_harm][value=hide]")
    b.get_by_role("button", name="Save my choices").click()
    expect(b.locator(".messages")).to_contain_text("saved")

    room_url = open_evening_circle(a, alongside_url)
    open_evening_circle(b, alongside_url)
    open_evening_circle(c, alongside_url)
    check_accessibility(a)

    # A posts; B sees it within a second.
    hello = f"Hello from the journey {uuid.uuid4().hex[:6]}"
    send(a, hello)
    expect(b.locator("#live-messages")).to_contain_text(hello, timeout=1000)

    # A posts with a self-harm warning: C sees it folded away, B not at all.
    warned = f"Warned words {uuid.uuid4().hex[:6]}"
    send(a, warned, warning="self_harm")
    folded = c.locator("#live-messages details.post-warning").last
    expect(folded).to_contain_text("Content warning: self-harm", timeout=2000)
    expect(folded.locator(".post-body")).not_to_be_visible()
    after = f"After the warning {uuid.uuid4().hex[:6]}"
    send(a, after)
    expect(b.locator("#live-messages")).to_contain_text(after, timeout=2000)
    expect(b.locator("#live-messages")).not_to_contain_text(warned)

    # A's connection is cut while sending: nothing lost, nothing doubled.
    cut = f"Sent as the line dropped {uuid.uuid4().hex[:6]}"
    a.fill("textarea[name=body]", cut)
    a.evaluate(
        """() => {
          document.querySelector('#live-form button[type=submit]').click();
          window.__sockets.forEach((socket) => socket.close());
        }"""
    )
    expect(b.locator("#live-messages")).to_contain_text(cut, timeout=5000)
    expect(a.locator("#live-messages")).to_contain_text(cut, timeout=5000)
    expect(a.locator("#outbox li")).to_have_count(0, timeout=5000)
    expect(b.locator("#live-messages li", has_text=cut)).to_have_count(1)
    expect(a.locator("#live-messages li", has_text=cut)).to_have_count(1)

    # B is offline while A changes one message and removes another, and C closes
    # the room; when B is back, B's screen shows what a fresh page would.
    changing = f"Words about to change {uuid.uuid4().hex[:6]}"
    removing = f"Words about to go {uuid.uuid4().hex[:6]}"
    send(a, changing)
    send(a, removing)
    expect(b.locator("#live-messages")).to_contain_text(removing, timeout=2000)
    b.evaluate(
        """() => {
          document.querySelector("#live-messages li[data-id]").__unchanged = true;
          window.__holdSockets = true;
          window.__sockets.forEach((socket) => socket.close());
        }"""
    )
    expect(b.locator("#connection-state")).to_contain_text("Reconnecting")
    changed = f"Words changed while B was away {uuid.uuid4().hex[:6]}"
    a.locator("#live-messages li", has_text=changing).get_by_role(
        "link", name="Edit your message"
    ).click()
    a.fill("textarea[name=body]", changed)
    a.get_by_role("button", name="Save changes").click()
    a.locator("#live-messages li", has_text=removing).get_by_role(
        "link", name="Delete your message"
    ).click()
    a.get_by_role("button", name="Yes, delete it").click()
    c.get_by_text("Facilitator: open or close the room").click()
    c.get_by_role("button", name="Only open it for meetings").click()
    expect(c.locator("#room-state")).to_contain_text("closed")
    b.evaluate(
        """() => {
          window.__holdSockets = false;
          window.dispatchEvent(new Event("online"));
        }"""
    )
    expect(b.locator("#live-messages")).to_contain_text(changed, timeout=5000)
    expect(b.locator("#live-messages")).not_to_contain_text(changing)
    expect(b.locator("#live-messages")).not_to_contain_text(removing)
    expect(b.locator("#live-messages")).to_contain_text("Removed by the person")
    expect(b.locator("#room-state")).to_contain_text("closed")
    expect(b.locator("#live-form")).to_be_hidden()
    # Messages that did not change are left as they were, not put in again.
    assert b.evaluate(
        '() => document.querySelector("#live-messages li[data-id]").__unchanged'
    )
    c.get_by_text("Facilitator: open or close the room").click()
    c.get_by_role("button", name="Keep the room open all the time").click()
    expect(b.locator("#room-state")).to_contain_text("open", timeout=2000)
    expect(b.locator("#connection-state")).to_have_text("")

    # A draft survives a reload.
    a.fill("textarea[name=body]", "half-written thought")
    a.reload()
    expect(a.locator("textarea[name=body]")).to_have_value("half-written thought")

    # Stepping away opens a calm space; one click back.
    c.get_by_role("link", name="Step away for a moment").click()
    expect(c.locator("#calm-space-panel")).to_be_visible()
    check_accessibility(c)
    c.get_by_role("link", name="Back to the room").click()
    expect(c.locator("#live-messages")).to_be_visible()

    # B leaves the group in another tab; B's room stops receiving at once.
    leaving = b_context.new_page()
    leaving.goto(room_url.replace("/live/", "/leave/"))
    leaving.get_by_role("button", name="Leave the group").click()
    expect(b.locator("#connection-state")).to_contain_text("not updating", timeout=3000)
    gone = f"After B left {uuid.uuid4().hex[:6]}"
    send(a, gone)
    expect(c.locator("#live-messages")).to_contain_text(gone, timeout=2000)
    b.wait_for_timeout(500)
    expect(b.locator("#live-messages")).not_to_contain_text(gone)
