"""People and roles in a real browser: the demo admin opens the organisation's
People and roles page, finds a facilitator, types the password again, is told in
plain words what the facilitator will stop seeing, confirms, and sees them listed as
a peer. Each page is checked with axe-core at its own width and at 320 pixels."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pyotp
import pytest
from playwright.sync_api import Page, expect

from .accessibility import check_both_widths
from .conftest import DEMO_PASSWORD, screenshot, sign_in_with_second_step
from .test_newcomer_journey import ade_with_a_key

pytestmark = pytest.mark.browser

__all__ = ["ade_with_a_key"]

_MAKE = """
from alongside.accounts.models import Person
from alongside.organisations.actions import grant_role
from alongside.organisations.models import Organisation
person = Person.objects.create_user(username="{name}", known_as="{name}")
grant_role(
    person=person,
    organisation=Organisation.objects.get(slug="riverside"),
    role="facilitator",
)
"""

_CLEAR = """
from alongside.accounts.models import Person
Person.objects.filter(username="{name}").delete()
"""


@pytest.fixture
def facilitator(django_shell: Callable[[str], str]) -> Iterator[str]:
    """A facilitator of Riverside of the journey's own, gone again afterwards, so
    that other journeys meet the demo's people (fran's conversations among them) as
    the demo left them."""
    name = f"Facilitator {uuid.uuid4().hex[:6]}"
    django_shell(_MAKE.replace("{name}", name))
    try:
        yield name
    finally:
        django_shell(_CLEAR.replace("{name}", name))


def test_the_admin_takes_a_facilitators_role_away(
    page: Page, ade_with_a_key: pyotp.TOTP, facilitator: str
) -> None:
    sign_in_with_second_step(page, "ade", ade_with_a_key)
    main = page.get_by_role("main")

    page.goto("/services/riverside/")
    main.get_by_role("link", name="People and roles").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("People and roles")
    # The demo's own people are there, admins first.
    expect(main.get_by_role("table")).to_contain_text("Organisation admin")
    check_both_widths(page)

    main.get_by_label("Find someone by name").fill(facilitator)
    main.get_by_role("button", name="Find").click()
    row = main.get_by_role("row").filter(has_text=facilitator)
    expect(row).to_contain_text("Facilitator")
    row.get_by_role("link", name=f"Change role of {facilitator}").click()

    # Changing who may read people's private words asks for the password again.
    page.wait_for_url("**/reauthenticate/**")
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Carry on").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Change {facilitator}'s role"
    )
    check_both_widths(page)

    main.get_by_label("Peer", exact=True).check()
    main.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Make {facilitator} a peer?"
    )
    expect(main).to_contain_text("private conversations")
    check_both_widths(page)
    screenshot(page, "role-confirm")

    main.get_by_role("button", name="Yes, make them a peer").click()
    expect(page.get_by_text(f"{facilitator} is now a peer.")).to_be_visible()
    main.get_by_label("Find someone by name").fill(facilitator)
    main.get_by_role("button", name="Find").click()
    expect(main.get_by_role("row").filter(has_text=facilitator)).to_contain_text("Peer")
    check_both_widths(page)
