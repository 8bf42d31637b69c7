"""The second step belongs to a browser's session: fran, a facilitator, is signed in
on two devices. Turning the second step on in one signs the other out and stops its
live room at once; turning it off again does the same the other way round."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pyotp
import pytest
from playwright.sync_api import Page, expect

from .accessibility import check_accessibility
from .conftest import DEMO_PASSWORD, fresh_code

pytestmark = pytest.mark.browser

STOPPED = "You have signed out, so the room has stopped updating."


def sign_in_with_password(page: Page) -> None:
    page.goto("/account/login/")
    page.get_by_label("Your sign-in name").fill("fran")
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def open_evening_circle_live_room(page: Page) -> None:
    page.goto("/groups/")
    page.get_by_role("link", name="Evening circle").first.click()
    page.get_by_role("link", name="Live room").first.click()
    expect(page.locator("#presence")).to_contain_text("here", timeout=5000)
    check_accessibility(page)


def confirm_password_if_asked(page: Page, then: str) -> None:
    page.wait_for_url(re.compile(rf"/reauthenticate/|{then}"))
    if "/reauthenticate/" in page.url:
        page.get_by_label("Password").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Carry on").click()


def is_signed_out(page: Page) -> None:
    page.reload()
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Sign in")).to_be_visible()


@pytest.mark.usefixtures("fran_without_second_step")
def test_turning_the_second_step_on_or_off_signs_out_every_other_browser(
    new_page: Callable[..., Page], django_shell: Any
) -> None:
    office, phone = new_page(), new_page()
    sign_in_with_password(office)
    sign_in_with_password(phone)
    open_evening_circle_live_room(office)

    # On the phone, fran turns the second step on.
    phone.goto("/account/2fa/totp/activate/")
    confirm_password_if_asked(phone, "/2fa/totp/activate/")
    phone.wait_for_url("**/2fa/totp/activate/**")
    check_accessibility(phone)
    totp = pyotp.TOTP(phone.locator("#authenticator_secret").input_value())
    phone.get_by_label(re.compile("code", re.IGNORECASE)).fill(fresh_code(totp))
    phone.get_by_role("button", name="Turn it on").click()
    phone.wait_for_url("**/2fa/recovery-codes/")

    # The office's live room stops at once, and its session has ended.
    expect(office.locator("#connection-state")).to_have_text(STOPPED, timeout=5000)
    is_signed_out(office)

    # The phone passed the step by setting it up: staff pages open there.
    phone.goto("/safety/duty/")
    expect(phone.get_by_role("heading", level=1)).to_be_visible()
    check_accessibility(phone)

    # Signed in again on the office computer, with both steps.
    office.goto("/account/login/")
    office.get_by_label("Your sign-in name").fill("fran")
    office.locator("#id_password").fill(DEMO_PASSWORD)
    office.get_by_role("main").get_by_role("button", name="Sign in").click()
    office.wait_for_url("**/2fa/authenticate/")
    office.get_by_label(re.compile("code", re.IGNORECASE)).fill(fresh_code(totp))
    office.get_by_role("main").get_by_role("button", name="Sign in").click()
    expect(office.get_by_role("button", name="Sign out")).to_be_visible()
    open_evening_circle_live_room(office)

    # Turning it off on the phone signs the office out again.
    phone.goto("/account/2fa/totp/deactivate/")
    confirm_password_if_asked(phone, "/2fa/totp/deactivate/")
    phone.wait_for_url("**/2fa/totp/deactivate/**")
    check_accessibility(phone)
    phone.get_by_role("button", name="Turn it off").click()
    expect(office.locator("#connection-state")).to_have_text(STOPPED, timeout=5000)
    is_signed_out(office)
    expect(phone.get_by_role("button", name="Sign out")).to_be_visible()
