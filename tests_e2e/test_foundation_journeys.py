"""The foundation's journeys in a real browser, as a person would take them.

Each page a journey lands on is checked with axe-core (no moderate, serious or critical
problems). The demo data comes from `manage.py seed_demo`.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

import pyotp
import pytest
from playwright.sync_api import Page, expect

from .accessibility import check_accessibility
from .conftest import DEMO_PASSWORD, NEUTRAL_TITLE, PHONE, fresh_code, screenshot

pytestmark = pytest.mark.browser

NEW_PASSWORD = "a calm river at dusk"


def visit(page: Page, path: str) -> None:
    page.goto(path)
    check_accessibility(page)


def arrive(page: Page, url: str | re.Pattern[str]) -> None:
    """After a click that leads somewhere: wait for the page, then check it."""
    page.wait_for_url(url)
    check_accessibility(page)


def main(page: Page):  # type: ignore[no-untyped-def]
    return page.locator("main")


def sign_up(page: Page) -> str:
    username = f"peer-{uuid.uuid4().hex[:8]}"
    visit(page, "/")
    page.get_by_role("main").get_by_role("link", name="Join Alongside").click()
    arrive(page, "**/account/signup/")
    page.get_by_label("Sign-in name").fill(username)
    expect(page.get_by_label("Email address")).to_have_value("")
    page.locator("#id_password1").fill(NEW_PASSWORD)
    page.locator("#id_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    arrive(page, "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Account")).to_be_visible()
    # The name typed is the start of the sign-in name; the whole name is shown.
    welcome = page.get_by_role("status").filter(has_text="Your sign-in name is")
    expect(welcome).to_contain_text(re.compile(rf"{username}-\d{{4}}\."))
    return str(re.findall(rf"{username}-\d{{4}}", welcome.inner_text())[0])


def sign_in(page: Page, username: str, password: str = DEMO_PASSWORD) -> None:
    visit(page, "/account/login/")
    page.get_by_label("Your sign-in name").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def sign_out(page: Page) -> None:
    page.get_by_role("contentinfo").get_by_role("button", name="Sign out").click()
    arrive(page, "/")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Sign in")).to_be_visible()


def open_group_from_list(page: Page, name: str) -> None:
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Groups"
    ).click()
    arrive(page, "**/groups/")
    page.get_by_role("link", name=name, exact=True).click()
    arrive(page, re.compile(r"/groups/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(name)


def confirm_password_if_asked(page: Page) -> None:
    """allauth asks for the password again before a second step is set up."""
    page.wait_for_url(re.compile(r"/reauthenticate/|/2fa/totp/activate/"))
    if "/reauthenticate/" in page.url:
        check_accessibility(page)
        screenshot(page, "password-once-more-desktop")
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Your password once more"
        )
        page.get_by_label("Password").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Carry on").click()


# Journey 1: a new peer finds a group, joins, takes a break, leaves and comes back.


def test_new_peer_finds_joins_pauses_leaves_and_returns(page: Page) -> None:
    page.goto("/")
    screenshot(page, "welcome-desktop")
    sign_up(page)

    # Browse by an experience (a tag).
    page.get_by_role("link", name="Find a group").click()
    arrive(page, "**/groups/")
    screenshot(page, "group-list-desktop")
    browse = page.get_by_role("list", name="Browse by experience")
    browse.get_by_role("link", name="grief", exact=True).click()
    arrive(page, re.compile(r"/groups/\?tag=grief$"))
    results = page.locator("#group-results")
    expect(results.get_by_role("heading", level=2)).to_have_text("Groups that match")
    expect(results.get_by_role("link", name="Living with loss")).to_be_visible()
    expect(results.get_by_role("link", name="Evening circle")).to_have_count(0)

    # Search by a word from a group's description.
    page.get_by_role("link", name="Show all groups").click()
    arrive(page, re.compile(r"/groups/$"))
    page.get_by_role("searchbox").fill("biscuits")
    page.get_by_role("button", name="Search").click()
    expect(results.get_by_role("link", name="Carers' cuppa")).to_be_visible()
    expect(results.get_by_role("link", name="Living with loss")).to_have_count(0)
    check_accessibility(page)

    # Open the group and read about it.
    results.get_by_role("link", name="Carers' cuppa").click()
    arrive(page, re.compile(r"/groups/\d+/$"))
    group_url = page.url
    screenshot(page, "group-detail-desktop")
    expect(
        page.get_by_role("link", name=re.compile("What stays private in this group"))
    ).to_be_visible()

    # The join page welcomes, says nobody has to speak, and shows what stays private.
    page.get_by_role("link", name="Join this group").click()
    arrive(page, "**/join/")
    screenshot(page, "join-desktop")
    expect(main(page)).to_contain_text("Nobody has to speak.")
    expect(page.get_by_role("heading", name="What stays private")).to_be_visible()
    expect(main(page)).to_contain_text(
        "What you write in a group is read by the people in that group"
    )
    display_name = page.get_by_label(re.compile("name", re.IGNORECASE))
    suggested = display_name.input_value()
    assert suggested.strip(), "a separate name for this group is suggested"
    page.get_by_role("button", name="Join the group").click()
    arrive(page, group_url)
    expect(main(page)).to_contain_text("Welcome to Carers' cuppa.")
    expect(main(page)).to_contain_text(f"You are known here as {suggested}")

    # Take a break, then come back.
    page.get_by_role("button", name="Take a break").click()
    arrive(page, group_url)
    expect(main(page)).to_contain_text("You are taking a break")
    expect(page.get_by_role("button", name="Take a break")).to_have_count(0)
    page.get_by_role("button", name="Come back").click()
    arrive(page, group_url)
    expect(main(page)).to_contain_text("Welcome back.")
    expect(main(page)).to_contain_text(f"You are known here as {suggested}")

    # Leave: no questions asked; a note afterwards is optional.
    page.get_by_role("link", name="Leave this group").click()
    arrive(page, "**/leave/")
    expect(main(page)).to_contain_text("Nobody is told that you have left.")
    page.get_by_role("button", name="Leave the group").click()
    arrive(page, "**/parting-note/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "You have left Carers' cuppa"
    )
    # Before sending, the note says who will read it, when, and after how many.
    who_sees = page.get_by_role("region", name="Who will see it, and when")
    expect(who_sees).to_contain_text("Only the facilitators of Carers' cuppa")
    expect(who_sees).to_contain_text("only the month you wrote it")
    expect(who_sees).to_contain_text("at least 5 people who left the group")
    expect(main(page)).to_contain_text("I'd like someone to contact me")
    page.get_by_label("Anything you would like the facilitators to know?").fill(
        "Thank you all. I have found a group nearer home."
    )
    page.get_by_role("button", name="Send without my name").click()
    arrive(page, "/")
    expect(main(page)).to_contain_text("Your note is kept without your name")
    expect(main(page).get_by_role("link", name="Carers' cuppa")).to_have_count(0)

    # Come back to the group another day: one button, as the name used before.
    visit(page, group_url)
    expect(page.get_by_role("link", name="Join again")).to_have_count(0)
    expect(page.get_by_role("link", name="Join this group")).to_have_count(0)
    page.get_by_role("button", name="Come back to this group").click()
    arrive(page, group_url)
    expect(main(page)).to_contain_text("Welcome back.")
    expect(main(page)).to_contain_text(f"You are known here as {suggested}")
    expect(page.get_by_role("button", name="Take a break")).to_be_visible()


# Journey 2: asking to join; a facilitator with a second step says yes.


@pytest.mark.usefixtures("fran_without_second_step")
def test_facilitator_approves_a_request_and_signs_in_with_a_second_step(
    new_page: Callable[..., Page],
) -> None:
    peer = new_page()
    sign_up(peer)
    open_group_from_list(peer, "Women's space")
    expect(main(peer)).to_contain_text("Women only")
    peer.get_by_role("link", name="Ask to join").click()
    arrive(peer, "**/join/")
    expect(main(peer)).to_contain_text("Nobody has to speak.")
    expect(main(peer)).to_contain_text("This group asks first")
    peer_name = peer.get_by_label(re.compile("name", re.IGNORECASE)).input_value()
    peer.get_by_role("button", name="Ask to join").click()
    arrive(peer, re.compile(r"/groups/\d+/$"))
    expect(main(peer)).to_contain_text("Thank you for asking.")
    expect(main(peer)).to_contain_text("You have asked to join.")

    fran = new_page()
    sign_in(fran, "fran")
    arrive(fran, "/")
    open_group_from_list(fran, "Women's space")
    requests_url = fran.url + "requests/"
    fran.get_by_role("link", name=re.compile("Requests to join")).click()

    # Staff pages need a second step: set it up with the key shown on the page.
    confirm_password_if_asked(fran)
    arrive(fran, "**/2fa/totp/activate/**")
    screenshot(fran, "second-step-setup-desktop")
    secret = fran.locator("#authenticator_secret").input_value()
    assert re.fullmatch(r"[A-Z2-7]{16,}", secret), secret
    totp = pyotp.TOTP(secret)
    fran.get_by_label(re.compile("code", re.IGNORECASE)).fill(fresh_code(totp))
    fran.get_by_role("button", name="Turn it on").click()
    # Spare codes are shown once; then the facilitator carries on.
    arrive(fran, "**/2fa/recovery-codes/")
    fran.get_by_role("link", name=re.compile("carry on", re.IGNORECASE)).click()
    arrive(fran, requests_url)

    request_card = fran.get_by_role("listitem").filter(has_text=peer_name)
    request_card.get_by_role("button", name=f"Welcome {peer_name}").click()
    arrive(fran, requests_url)
    expect(main(fran)).to_contain_text(f"{peer_name} is welcomed into the group.")
    expect(fran.get_by_role("button", name=f"Welcome {peer_name}")).to_have_count(0)

    # The peer hears back in their inbox.
    peer.get_by_role("link", name=re.compile("Notifications")).click()
    arrive(peer, "**/notifications/")
    expect(main(peer)).to_contain_text("You are now part of Women's space.")

    # Next time fran signs in, she is asked for the second step.
    sign_out(fran)
    sign_in(fran, "fran")
    arrive(fran, "**/2fa/authenticate/")
    fran.get_by_label(re.compile("code", re.IGNORECASE)).fill(fresh_code(totp))
    fran.get_by_role("main").get_by_role("button", name="Sign in").click()
    arrive(fran, "/")
    expect(fran.get_by_role("link", name="Account")).to_be_visible()
    visit(fran, requests_url)
    expect(fran.get_by_role("heading", level=1)).to_have_text(
        "Requests to join Women's space"
    )


# Journey 3: quick exit.


def test_quick_exit_button_leaves_at_once(page: Page) -> None:
    sign_in(page, "sam")
    arrive(page, "/")
    open_group_from_list(page, "Living with loss")
    group_url = page.url
    exit_button = page.get_by_role("link", name="Leave this site quickly")
    expect(exit_button).to_be_visible()
    exit_button.click()
    page.wait_for_url("https://www.bbc.co.uk/**")
    expect(page).to_have_title(NEUTRAL_TITLE)

    # The group page was replaced in the history: going back does not show it.
    page.go_back()
    page.wait_for_load_state()
    assert page.url != group_url
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Living with loss")


def test_pressing_escape_twice_leaves_at_once(page: Page) -> None:
    sign_in(page, "sam")
    arrive(page, "/")
    open_group_from_list(page, "Living with loss")
    group_url = page.url
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url("https://www.bbc.co.uk/**")
    expect(page).to_have_title(NEUTRAL_TITLE)
    page.go_back()
    page.wait_for_load_state()
    assert page.url != group_url


def test_one_escape_alone_does_not_leave(page: Page) -> None:
    visit(page, "/")
    page.keyboard.press("Escape")
    page.wait_for_timeout(1200)
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert page.url.startswith("http://127.0.0.1")


# Journey 4: a phone-sized screen.

PHONE_PAGES_SIGNED_OUT = [
    ("/", "welcome"),
    ("/account/signup/", None),
    ("/account/login/", None),
    ("/services/help/", None),
]


def _fits_the_screen(page: Page) -> None:
    overflow = page.evaluate(
        """() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          wide: [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 5)
            .map(el => el.tagName + (el.id ? '#' + el.id : '')
                 + (el.className ? '.' + el.className : '')),
        })"""
    )
    assert overflow["scrollWidth"] <= overflow["innerWidth"], (
        f"{page.url} scrolls sideways on a phone: {overflow}"
    )


def test_key_pages_fit_a_phone(new_page: Callable[..., Page]) -> None:
    page = new_page(viewport=PHONE)
    for path, shot in PHONE_PAGES_SIGNED_OUT:
        visit(page, path)
        _fits_the_screen(page)
        if shot:
            screenshot(page, f"{shot}-phone")

    sign_in(page, "sam")
    arrive(page, "/")
    _fits_the_screen(page)
    visit(page, "/groups/")
    _fits_the_screen(page)
    screenshot(page, "group-list-phone")
    page.get_by_role("link", name="Women's space", exact=True).click()
    arrive(page, re.compile(r"/groups/\d+/$"))
    _fits_the_screen(page)
    screenshot(page, "group-detail-phone")
    page.get_by_role("link", name="Ask to join").click()
    arrive(page, "**/join/")
    _fits_the_screen(page)
    screenshot(page, "join-phone")
    for path in (
        "/services/riverside/",
        "/services/riverside/confidentiality/",
        "/notifications/",
        "/account/settings/",
        "/groups/?tag=grief",
        "/no-such-page/",
    ):
        visit(page, path)
        _fits_the_screen(page)
    visit(page, "/groups/")
    exit_box = page.get_by_role("link", name="Leave this site quickly").bounding_box()
    assert exit_box is not None
    assert exit_box["y"] + exit_box["height"] <= PHONE["height"]


NARROWEST_PHONE = {"width": 320, "height": 640}


def test_key_pages_fit_the_narrowest_phone(new_page: Callable[..., Page]) -> None:
    """320 px wide (a small phone, or a large text size): nothing scrolls sideways,
    including the help directory's long web addresses and the boxes to write in."""
    page = new_page(viewport=NARROWEST_PHONE)
    for path in ("/", "/account/login/", "/services/help/"):
        visit(page, path)
        _fits_the_screen(page)

    sign_in(page, "sam")
    arrive(page, "/")
    _fits_the_screen(page)
    open_group_from_list(page, "Living with loss")
    _fits_the_screen(page)
    group = page.url
    for path in (
        "talk/",
        "talk/new/",
        "agreement/",
        "agreement/propose/",
    ):
        visit(page, group + path)
        _fits_the_screen(page)
    visit(page, group + "talk/")
    page.locator("main .thread-title a").first.click()
    arrive(page, re.compile(r"/talk/\d+/$"))
    _fits_the_screen(page)
    for path in (
        "/services/help/",
        "/notifications/",
        "/account/settings/",
        "/account/my-data/",
        "/account/who-has-seen-my-words/",
    ):
        visit(page, path)
        _fits_the_screen(page)


def test_key_pages_read_well_in_dark_mode(new_page: Callable[..., Page]) -> None:
    """Light and dark follow the system: both must keep enough contrast."""
    page = new_page(viewport=PHONE, color_scheme="dark")
    visit(page, "/")
    screenshot(page, "welcome-phone-dark")
    visit(page, "/account/login/")
    sign_in(page, "sam")
    arrive(page, "/")
    for path in (
        "/services/help/",
        "/notifications/",
        "/groups/?tag=grief",
        "/groups/",
    ):
        visit(page, path)
    page.get_by_role("link", name="Women's space", exact=True).click()
    arrive(page, re.compile(r"/groups/\d+/$"))
    page.get_by_role("link", name="Ask to join").click()
    arrive(page, "**/join/")
    screenshot(page, "join-phone-dark")


# Journey 5: the keyboard.


def test_tab_reaches_skip_link_then_quick_exit(page: Page) -> None:
    visit(page, "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0, "visible on focus"
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Leave this site quickly")).to_be_focused()

    # The skip link takes focus past the header to the page's content.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_a_form_sent_back_puts_the_focus_on_what_to_change(page: Page) -> None:
    sign_in(page, "sam", password="not the right password")
    problem = page.locator(".form-problem")
    expect(problem).to_be_focused()
    expect(problem).to_contain_text("What you typed is still here")
    expect(page.get_by_label("Your sign-in name")).to_have_value("sam")
    # The quick exit sits in a landmark of its own, as everything on a page should.
    expect(page.get_by_role("complementary", name="Quick exit")).to_be_visible()
    check_accessibility(page)


def test_signed_in_pages_also_start_with_skip_link(page: Page) -> None:
    sign_in(page, "sam")
    arrive(page, "/")
    visit(page, "/groups/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Leave this site quickly")).to_be_focused()


# Journey 6: error pages.


def test_missing_page_is_kind(page: Page) -> None:
    response = page.goto("/no-such-page/")
    assert response is not None and response.status == 404
    check_accessibility(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "We could not find that page"
    )
    expect(main(page)).to_contain_text("Nothing is wrong on your side.")
    expect(page.get_by_role("link", name="Leave this site quickly")).to_be_visible()
    expect(page.get_by_role("link", name="Get help now")).to_be_visible()


def test_missing_group_is_kind_when_signed_in(page: Page) -> None:
    sign_in(page, "sam")
    arrive(page, "/")
    response = page.goto("/groups/999999/")
    assert response is not None and response.status == 404
    check_accessibility(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "We could not find that page"
    )


def test_closed_page_is_kind(page: Page) -> None:
    """A peer who is not a facilitator opens a group's requests page."""
    sign_in(page, "sam")
    arrive(page, "/")
    open_group_from_list(page, "Living with loss")
    response = page.goto(page.url + "requests/")
    assert response is not None and response.status == 403
    check_accessibility(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "That is not open to you just now"
    )
    expect(main(page)).to_contain_text("Nothing you have written is lost.")
