"""The staff Today page in a real browser: a member posts words of risk and the
on-duty facilitator's open Today page shows the alert without reloading; a
supervisor who is in no group lands on Today when signing in. axe-core checks every
page visited, at 1280 and at 320 pixels wide.

Posts are written here, in our own words, and are not graphic.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

import pyotp
import pytest
from playwright.sync_api import Page, ViewportSize, expect

from .conftest import (
    DEMO_PASSWORD,
    check_accessibility,
    screenshot,
    sign_in_with_second_step,
)

pytestmark = pytest.mark.browser

NARROW: ViewportSize = {"width": 320, "height": 800}
WIDE: ViewportSize = {"width": 1280, "height": 900}

# A member of the evening circle for this journey; fran on duty, as in the demo.
# Prints the circle's id.
SET_UP = f"""
from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, OrganisationRole
from alongside.peergroups.models import Membership, PeerGroup
from alongside.safety import actions as safety_actions
riverside = Organisation.objects.get(slug="riverside")
evening = PeerGroup.objects.get(organisation=riverside, slug="evening-circle")
person, _ = Person.objects.get_or_create(username="linden")
person.set_password("{DEMO_PASSWORD}")
person.save()
OrganisationRole.objects.get_or_create(organisation=riverside, person=person)
Membership.objects.update_or_create(
    group=evening,
    person=person,
    defaults={{"display_name": "Linden Evening", "status": "active", "role": "member"}},
)
safety_actions.go_on_duty(
    person=Person.objects.get(username="fran"), organisation=riverside
)
print(evening.pk)
"""

KEYS = {"sky": pyotp.random_base32(), "ade": pyotp.random_base32()}

GIVE_A_KEY = """
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt
from alongside.accounts.models import Person
person = Person.objects.get(username="{username}")
Authenticator.objects.filter(user=person).delete()
Authenticator.objects.create(
    user=person,
    type=Authenticator.Type.TOTP,
    data={{"secret": encrypt("{secret}")}},
)
"""


def staff_key(django_shell: Callable[[str], str], username: str) -> pyotp.TOTP:
    secret = KEYS[username]
    django_shell(GIVE_A_KEY.format(username=username, secret=secret))
    return pyotp.TOTP(secret)


ESCALATION_ABOUT = """
from alongside.safety.models import Escalation
# Words are sealed in the database, so they are compared here, not in a query.
print(next(
    e.pk for e in Escalation.objects.select_related("post").order_by("-pk")
    if e.post is not None and "{marker}" in e.post.body
))
"""


def visit(page: Page, path: str) -> None:
    page.goto(path)
    check_accessibility(page)


def test_an_alert_arrives_on_the_open_today_page_of_the_facilitator_on_duty(
    new_page: Callable[..., Page],
    fran_totp: pyotp.TOTP,
    django_shell: Callable[[str], str],
) -> None:
    evening_id = django_shell(SET_UP).splitlines()[-1]
    fran = new_page()
    sign_in_with_second_step(fran, "fran", fran_totp)
    fran.get_by_role("banner").get_by_role("link", name="Today", exact=True).click()
    check_accessibility(fran)
    expect(fran.get_by_role("heading", level=1)).to_have_text("Today")
    alerts = fran.get_by_role("region", name=re.compile("Open alerts"))
    expect(fran.get_by_role("region", name=re.compile("On duty now"))).to_contain_text(
        "You are on duty."
    )
    before = alerts.get_by_role("listitem").count()

    # A member of the evening circle shares words of risk.
    marker = uuid.uuid4().hex[:8]
    linden = new_page()
    linden.goto("/account/login/")
    linden.get_by_label("Your sign-in name").fill("linden")
    linden.locator("#id_password").fill(DEMO_PASSWORD)
    linden.get_by_role("main").get_by_role("button", name="Sign in").click()
    expect(linden.get_by_role("button", name="Sign out")).to_be_visible()
    visit(linden, f"/groups/{evening_id}/talk/new/")
    linden.get_by_label("Sharing").check()
    linden.get_by_label("A short title").fill(f"Tonight {marker}")
    linden.get_by_label("What you would like to say").fill(
        "I cannot see a way forward and I want to end my life tonight. "
        f"I have said my goodbyes. ({marker})"
    )
    linden.get_by_role("button", name="Post to the group").click()
    linden.wait_for_url(re.compile(r"/talk/\d+/"))
    check_accessibility(linden)

    # Fran's Today page shows it without a reload, with a link to the alert.
    escalation_id = django_shell(ESCALATION_ABOUT.format(marker=marker))
    item = fran.locator(f"#today-alert-{escalation_id}")
    expect(item).to_have_text("Someone in Evening circle may need support now")
    expect(alerts.get_by_role("listitem")).to_have_count(before + 1)
    expect(fran.locator("#today-sections")).not_to_contain_text("end my life")
    check_accessibility(fran)
    screenshot(fran, "today-fran-desktop")

    # Narrow screens: the same page, still usable.
    fran.set_viewport_size(NARROW)
    check_accessibility(fran)
    screenshot(fran, "today-fran-320")

    item.click()
    fran.wait_for_url(f"**/safety/alerts/{escalation_id}/")
    check_accessibility(fran)


def test_a_supervisor_in_no_group_lands_on_today(
    new_page: Callable[..., Page], django_shell: Callable[[str], str]
) -> None:
    totp = staff_key(django_shell, "sky")
    sky = new_page(viewport=NARROW)

    sign_in_with_second_step(sky, "sky", totp)

    sky.wait_for_url("**/today/")
    check_accessibility(sky)
    expect(sky.get_by_role("heading", level=1)).to_have_text("Today")
    expect(sky.locator("main")).not_to_contain_text("You are not in a group yet")
    expect(
        sky.get_by_role("region", name=re.compile("Open incidents"))
    ).to_contain_text("open incident")
    expect(sky.get_by_role("region", name=re.compile("Your groups"))).to_contain_text(
        "You are not in a group yourself."
    )
    screenshot(sky, "today-sky-320")
    sky.set_viewport_size(WIDE)
    check_accessibility(sky)


def test_opening_a_notification_marks_it_read_and_the_count_says_so(
    new_page: Callable[..., Page], django_shell: Callable[[str], str]
) -> None:
    totp = staff_key(django_shell, "ade")
    ade = new_page()
    sign_in_with_second_step(ade, "ade", totp)
    nav = ade.get_by_role("navigation", name="Main")
    count_link = nav.get_by_role(
        "link", name=re.compile(r"^Notifications (\d+) unread notifications?$")
    )
    expect(count_link).to_be_visible()
    before = int(
        ade.locator(".notifications-link .count-badge").inner_text().split()[0]
    )

    count_link.click()
    ade.wait_for_url("**/notifications/")
    check_accessibility(ade)
    # The first note in the inbox (the alerts above it are the header's own).
    ade.locator("main a[href^='/notifications/']").first.click()
    ade.wait_for_load_state()
    check_accessibility(ade)

    after = nav.get_by_role("link", name=re.compile("^Notifications"))
    if before == 1:
        expect(after).to_have_accessible_name("Notifications")
    else:
        expect(after).to_have_accessible_name(
            re.compile(rf"^Notifications {before - 1} unread notifications?$")
        )
