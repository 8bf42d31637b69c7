"""The live room when something goes wrong: a message the server refuses comes back
into the box with the reason, a message that never gets an answer is given back
after a few tries, and a server in trouble is not hammered with reconnections."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, WebSocketRoute, expect

from .accessibility import check_accessibility
from .conftest import sign_in

pytestmark = pytest.mark.browser

LIVE_SOCKET = re.compile(r"/ws/groups/\d+/live/$")


def open_evening_circle(page: Page) -> None:
    page.goto("/groups/")
    page.get_by_role("link", name="Evening circle").first.click()
    page.get_by_role("link", name="Live room").first.click()


def test_a_refused_message_comes_back_into_the_box_with_the_reason(
    new_page: Callable[..., Page],
) -> None:
    page = new_page()
    sign_in(page, "sam")
    open_evening_circle(page)
    expect(page.locator("#presence")).to_contain_text("here", timeout=5000)
    # Half of an emoji, as a broken paste can leave it.
    page.locator("textarea[name=body]").evaluate(
        "box => { box.value = 'Thank you all \\ud83d for tonight'; }"
    )
    page.get_by_role("button", name="Send").click()

    expect(page.locator("#send-error")).to_contain_text("a character we cannot keep")
    words = page.locator("textarea[name=body]").evaluate("box => box.value")
    assert words == "Thank you all \ud83d for tonight"
    expect(page.locator("#outbox li")).to_have_count(0)
    check_accessibility(page)

    # The socket is still open: the mended words go at once.
    page.locator("textarea[name=body]").fill("Thank you all for tonight")
    page.get_by_role("button", name="Send").click()
    expect(page.locator("#live-messages")).to_contain_text("Thank you all for tonight")


def test_a_message_that_never_gets_an_answer_is_given_back_after_a_few_tries(
    new_page: Callable[..., Page],
) -> None:
    page = new_page()

    def server_that_falls_over_on_sending(socket: WebSocketRoute) -> None:
        server = socket.connect_to_server()

        def from_page(message: str | bytes) -> None:
            if '"type": "send"' in str(message) or '"type":"send"' in str(message):
                socket.close(code=1011, reason="")
                return
            server.send(message)

        socket.on_message(from_page)

    page.route_web_socket(LIVE_SOCKET, server_that_falls_over_on_sending)
    sign_in(page, "jo")
    open_evening_circle(page)
    expect(page.locator("#presence")).to_contain_text("here", timeout=5000)
    page.locator("textarea[name=body]").fill("Words the server cannot take")
    page.get_by_role("button", name="Send").click()

    # Sent on the first connection and three more, then given back with the reason.
    expect(page.locator("#send-error")).to_contain_text(
        "could not be sent", timeout=20_000
    )
    expect(page.locator("textarea[name=body]")).to_have_value(
        "Words the server cannot take"
    )
    expect(page.locator("#outbox li")).to_have_count(0)


def test_a_server_in_trouble_is_not_hammered_with_reconnections(
    new_page: Callable[..., Page],
) -> None:
    page = new_page()
    connections: list[float] = []

    def server_that_drops_every_connection(socket: WebSocketRoute) -> None:
        # It accepts, then falls over on the first frame the page sends.
        connections.append(time.monotonic())
        socket.connect_to_server()
        socket.on_message(lambda message: socket.close(code=1011, reason=""))

    sign_in(page, "sam")
    page.route_web_socket(LIVE_SOCKET, server_that_drops_every_connection)
    open_evening_circle(page)
    expect(page.locator("#connection-state")).to_contain_text("Reconnecting")
    page.wait_for_timeout(6000)

    # Waits of about 0.5, 1, 2 and 4 seconds (each give or take a quarter): a page
    # that tried again every half second would have connected about twelve times.
    assert 2 <= len(connections) <= 5, len(connections)
    expect(page.locator("#connection-state")).to_contain_text("kept")
