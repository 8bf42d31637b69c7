"""Removing something the whole service relies on asks first and can be undone for a
few minutes: one of the organisation's agreement items, a venue, a training module.
Each page is checked with axe-core, at 1280 and at 320 pixels wide."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pyotp
import pytest
from playwright.sync_api import Page, expect

from .accessibility import check_accessibility
from .conftest import sign_in_with_second_step
from .test_newcomer_journey import ade_with_a_key

pytestmark = pytest.mark.browser

__all__ = ["ade_with_a_key"]

WIDTHS = (1280, 320)

_MAKE = """
from decimal import Decimal
from alongside.agreements.models import OrganisationItem
from alongside.meetings.models import Venue
from alongside.organisations.models import Organisation
from alongside.supporters.models import TrainingModule
riverside = Organisation.objects.get(slug="riverside")
OrganisationItem.objects.create(
    organisation=riverside, kind="baseline", text="{name} keeps time kindly."
)
venue = Venue.objects.create(
    organisation=riverside, name="{name} room", address="1 Made-up Street"
)
TrainingModule.objects.create(organisation=riverside, name="{name}", hours=Decimal(1))
print(venue.pk)
"""

_CLEAR = """
from alongside.agreements.models import OrganisationItem
from alongside.meetings.models import Venue
from alongside.supporters.models import TrainingModule
OrganisationItem.with_removed.filter(text__startswith="{name}").delete()
Venue.objects.filter(name__startswith="{name}").delete()
TrainingModule.objects.filter(name="{name}").delete()
"""


@pytest.fixture
def made(django_shell: Callable[[str], str]) -> Iterator[tuple[str, str]]:
    """An item, a venue and a module of the journey's own, gone again afterwards so
    that other journeys meet Riverside as the demo left it."""
    name = f"Test {uuid.uuid4().hex[:6]}"
    venue_id = django_shell(_MAKE.replace("{name}", name)).splitlines()[-1]
    try:
        yield name, venue_id
    finally:
        django_shell(_CLEAR.replace("{name}", name))


def check_at_both_widths(page: Page) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        check_accessibility(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_an_admin_is_asked_first_and_can_put_each_thing_back(
    page: Page, ade_with_a_key: pyotp.TOTP, made: tuple[str, str]
) -> None:
    name, venue_id = made
    sign_in_with_second_step(page, "ade", ade_with_a_key)
    main = page.get_by_role("main")

    # An agreement item.
    page.goto("/services/riverside/agreement-items/")
    main.get_by_role("listitem").filter(
        has_text=f"{name} keeps time kindly."
    ).get_by_role("link").click()
    main.get_by_role("link", name="Remove this item").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Remove this item?")
    check_at_both_widths(page)
    main.get_by_role("button", name="Remove it").click()
    expect(main.get_by_role("heading", name="Removed a moment ago")).to_be_visible()
    check_at_both_widths(page)
    main.get_by_role("button", name="Put it back").click()
    expect(
        page.get_by_text("The item is back in every group's agreement.")
    ).to_be_visible()
    expect(main.get_by_role("heading", name="Removed a moment ago")).to_have_count(0)

    # A venue.
    page.goto(f"/services/riverside/venues/{venue_id}/")
    main.get_by_role("link", name="Remove this venue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Remove {name} room?")
    check_at_both_widths(page)
    main.get_by_role("button", name="Remove it").click()
    expect(main.get_by_role("heading", name="Removed a moment ago")).to_be_visible()
    check_at_both_widths(page)
    main.get_by_role("button", name=f"Put it back {name} room").click()
    expect(
        page.get_by_text(f"{name} room is offered for meetings again.")
    ).to_be_visible()

    # A training module.
    page.goto("/support/riverside/training/")
    main.get_by_role("link", name=f"Remove {name} from the path").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Take “{name}” off the training path?"
    )
    check_at_both_widths(page)
    main.get_by_role("button", name="Take it off").click()
    expect(main.get_by_role("heading", name="Taken off a moment ago")).to_be_visible()
    check_at_both_widths(page)
    main.get_by_role("button", name=f"Put it back {name}").click()
    expect(page.get_by_text(f"“{name}” is back on the path.")).to_be_visible()
