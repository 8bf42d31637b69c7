"""Safety after screening, in a real browser: a held post is edited and shared; a post
expressing risk to life reaches the facilitator on duty live, who acknowledges it; a
report reaches the moderation queue and the reporter hears it was looked at.

Everything happens in the evening circle (no group agreement yet, so nobody has to
confirm one before posting), with two members made for these journeys. Fran is the
circle's facilitator and is on duty for Riverside in the demo. Post texts are written
here, in our own words, and are not graphic. axe-core checks every page visited.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pyotp
import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import (
    DEMO_PASSWORD,
    DESKTOP,
    check_accessibility,
    sign_in_with_second_step,
)

pytestmark = pytest.mark.browser

# Two members of the evening circle, made (or put back) for these journeys; fran on
# duty, as in the demo. Prints the circle's id.
SET_UP = f"""
from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, OrganisationRole
from alongside.peergroups.models import Membership, PeerGroup
from alongside.safety import actions as safety_actions
riverside = Organisation.objects.get(slug="riverside")
evening = PeerGroup.objects.get(organisation=riverside, slug="evening-circle")
for name, shown in [("rowan", "Rowan Evening"), ("hazel", "Hazel Evening")]:
    person, _ = Person.objects.get_or_create(username=name)
    person.set_password("{DEMO_PASSWORD}")
    person.save()
    OrganisationRole.objects.get_or_create(organisation=riverside, person=person)
    Membership.objects.update_or_create(
        group=evening,
        person=person,
        defaults={{"display_name": shown, "status": "active", "role": "member"}},
    )
safety_actions.go_on_duty(
    person=Person.objects.get(username="fran"), organisation=riverside
)
print(evening.pk)
"""

LATEST_ESCALATION = """
from alongside.safety.models import Escalation
# Words are sealed in the database, so they are compared here, not in a query.
print(next(
    e.pk for e in Escalation.objects.select_related("post").order_by("-pk")
    if e.post is not None and "{marker}" in e.post.body
))
"""

METHOD_POST = (
    "I have been saving up 30 tablets and my plan is to take them all on Friday night."
)
EDITED_POST = "Things have been very hard this week and I wanted to say so here."
RISK_POST = (
    "I cannot see a way forward and I want to end my life tonight. "
    "I have already said my goodbyes."
)
PLAIN_POST = (
    "People who are still going on about this after a year should just get over it."
)


def sign_in(page: Page, username: str) -> None:
    page.goto("/account/login/")
    check_accessibility(page)
    page.get_by_label("Your sign-in name").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    check_accessibility(page)


def visit(page: Page, path: str) -> None:
    page.goto(path)
    check_accessibility(page)


def start_thread(page: Page, group_id: str, title: str, body: str) -> None:
    visit(page, f"/groups/{group_id}/talk/")
    page.get_by_role("link", name="Start a conversation").click()
    page.wait_for_url("**/talk/new/")
    check_accessibility(page)
    page.get_by_label("Sharing").check()
    page.get_by_label("A short title").fill(title)
    page.get_by_label("What you would like to say").fill(body)
    page.get_by_role("button", name="Post to the group").click()
    page.wait_for_url(re.compile(r"/talk/\d+/"))
    check_accessibility(page)


@pytest.fixture(scope="module")
def evening_id(django_shell: Callable[[str], str]) -> str:
    return django_shell(SET_UP).splitlines()[-1]


@pytest.fixture(scope="module")
def fran(browser: Browser, alongside_url: str, fran_totp: pyotp.TOTP) -> Iterator[Page]:
    """Fran, signed in once for this file (each sign-in may wait for a new code)."""
    context = browser.new_context(
        base_url=alongside_url,
        viewport=DESKTOP,
        locale="en-GB",
        timezone_id="Europe/London",
        reduced_motion="reduce",
    )
    context.set_default_timeout(10_000)
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in_with_second_step(page, "fran", fran_totp)
    check_accessibility(page)
    yield page
    context.close()
    assert not errors, errors


def test_method_detail_is_held_kindly_then_edited_and_shared(
    new_page: Callable[..., Page], evening_id: str
) -> None:
    rowan = new_page()
    sign_in(rowan, "rowan")
    start_thread(rowan, evening_id, "This week", METHOD_POST)
    thread_url = rowan.url

    # Held, with a kind message and a way to post now; nothing is lost.
    held = rowan.locator(".screening-note").first
    expect(held).to_contain_text("Waiting for a quick check.")
    expect(held).to_contain_text("Only you can see this for now; nothing is lost.")
    expect(rowan.locator(".post-body").first).to_contain_text("30 tablets")

    # Another member does not see it.
    hazel = new_page()
    sign_in(hazel, "hazel")
    response = hazel.goto(thread_url)
    assert response is not None and response.status == 404
    check_accessibility(hazel)

    # The author edits it and posts now: it is shared.
    held.get_by_role("link", name=re.compile("Edit and post now")).click()
    rowan.wait_for_url("**/edit/")
    check_accessibility(rowan)
    rowan.get_by_label("What you would like to say").fill(EDITED_POST)
    rowan.get_by_role("button", name="Save changes").click()
    rowan.wait_for_url(re.compile(re.escape(thread_url)))
    check_accessibility(rowan)
    expect(rowan.get_by_text("Your changes are saved.")).to_be_visible()
    expect(rowan.locator(".post-held")).to_have_count(0)

    visit(hazel, thread_url)
    expect(hazel.locator("main")).to_contain_text(EDITED_POST)
    expect(hazel.locator("main")).not_to_contain_text("tablets")


def test_risk_to_life_is_shared_and_the_facilitator_on_duty_acknowledges_live(
    new_page: Callable[..., Page],
    fran: Page,
    evening_id: str,
    django_shell: Callable[[str], str],
) -> None:
    # Fran has an ordinary staff page open; alerts arrive in its live region.
    visit(fran, "/safety/duty/")
    expect(fran.get_by_role("link", name="On duty")).to_be_visible()

    rowan = new_page()
    sign_in(rowan, "rowan")
    start_thread(rowan, evening_id, "Tonight", RISK_POST)
    thread_url = rowan.url

    # Shared, and the author privately sees crisis options and what happens next.
    expect(rowan.locator(".post-held")).to_have_count(0)
    card = rowan.get_by_role("region", name="Support for you now")
    expect(card).to_contain_text("You don't have to go through this on your own")
    expect(card).to_contain_text("Your post has been shared.")
    expect(card).to_contain_text("call 999")
    expect(card.get_by_role("link", name="More places to get help")).to_be_visible()
    expect(card.get_by_role("status")).to_have_text(
        "A facilitator has been told and will message you."
    )

    # Other members see it, with guidance on replying with care, and no crisis card.
    hazel = new_page()
    sign_in(hazel, "hazel")
    visit(hazel, thread_url)
    expect(hazel.locator("main")).to_contain_text("end my life tonight")
    expect(hazel.get_by_text("Replying to someone who is struggling")).to_be_visible()
    expect(hazel.get_by_role("region", name="Support for you now")).to_have_count(0)

    # Fran is alerted live, without reloading, and acknowledges.
    escalation_id = django_shell(LATEST_ESCALATION.format(marker="end my life tonight"))
    alert = fran.locator(f"#duty-alerts #alert-{escalation_id}")
    expect(alert).to_contain_text("Someone in Evening circle may need support now.")
    check_accessibility(fran)
    alert.get_by_role("link", name="Open the alert and acknowledge it").click()
    fran.wait_for_url(f"**/safety/alerts/{escalation_id}/")
    check_accessibility(fran)
    expect(fran.locator("main")).to_contain_text("Waiting for someone to acknowledge.")
    fran.get_by_role("button", name="I've got this: acknowledge").click()
    fran.wait_for_url(f"**/safety/alerts/{escalation_id}/")
    check_accessibility(fran)
    expect(
        fran.get_by_text("The person has been told someone will message them soon.")
    ).to_be_visible()
    expect(fran.locator("main")).to_contain_text("Acknowledged by Fran (facilitator)")

    # The author sees that someone has seen it.
    visit(rowan, thread_url)
    card = rowan.get_by_role("region", name="Support for you now")
    expect(card.get_by_role("status")).to_have_text(
        "Someone from the team has seen your post and will message you soon."
    )
    visit(rowan, "/notifications/")
    expect(rowan.locator("main")).to_contain_text("will message you")


def test_a_report_reaches_the_queue_and_the_reporter_is_told_it_was_looked_at(
    new_page: Callable[..., Page], fran: Page, evening_id: str
) -> None:
    rowan = new_page()
    sign_in(rowan, "rowan")
    start_thread(rowan, evening_id, "Moving on", PLAIN_POST)
    thread_url = rowan.url
    expect(rowan.locator(".post-held")).to_have_count(0)

    # Hazel reports it with a reason; she is told the author won't know who.
    hazel = new_page()
    sign_in(hazel, "hazel")
    visit(hazel, thread_url)
    post = hazel.locator("#post-list > li", has_text="should just get over it")
    post.get_by_role("link", name="Report this post").click()
    hazel.wait_for_url("**/report/")
    check_accessibility(hazel)
    expect(hazel.locator("main")).to_contain_text("won't be told who reported it")
    hazel.get_by_label("It's hurtful or unkind to someone").check()
    hazel.get_by_label("Anything you'd like to add (optional)").fill(
        "This could hurt people who are still grieving."
    )
    hazel.get_by_role("button", name="Send the report").click()
    hazel.wait_for_url(re.compile(r"/talk/\d+/"))
    check_accessibility(hazel)

    # It reaches fran's queue, with the reason; fran decides, restoratively.
    visit(fran, f"/groups/{evening_id}/talk/")
    fran.get_by_role("link", name=re.compile("Waiting for a look")).click()
    fran.wait_for_url(f"**/safety/groups/{evening_id}/queue/")
    check_accessibility(fran)
    item = fran.locator(".queue-item", has_text="should just get over it")
    expect(item).to_contain_text("It's hurtful or unkind to someone")
    expect(item).not_to_contain_text("hazel")
    item.get_by_role("link", name=re.compile("Decide")).click()
    fran.wait_for_url(re.compile(rf"/safety/groups/{evening_id}/queue/\d+/$"))
    check_accessibility(fran)
    fran.get_by_label("Reach out to the author privately").check()
    fran.get_by_label("Why, for the record").fill("A gentle word about how it lands.")
    fran.get_by_role("textbox", name=re.compile("A note to the author")).fill(
        "Some people here are early in their grief. Could we talk about how to say "
        "this kindly?"
    )
    fran.get_by_role("button", name="Save the decision").click()
    fran.wait_for_url(f"**/safety/groups/{evening_id}/queue/")
    check_accessibility(fran)
    expect(
        fran.locator(".queue-item", has_text="should just get over it")
    ).to_have_count(0)

    # The reporter's notifications say it was looked at, in general terms.
    visit(hazel, "/notifications/")
    expect(hazel.locator("main")).to_contain_text(
        "Thank you for your report in Evening circle. A facilitator has looked at it"
    )

    # The author hears from the facilitator, once, in their private conversation
    # with the team, and can reply there; not who reported.
    visit(rowan, "/notifications/")
    expect(rowan.locator("main")).to_contain_text("from the team at")
    expect(rowan.locator("main li", has_text="has messaged you")).to_have_count(1)
    expect(rowan.locator("main")).not_to_contain_text("hazel")
    rowan.get_by_role("link", name=re.compile("has messaged you")).click()
    rowan.wait_for_url(re.compile(r"/private/\d+/$"))
    check_accessibility(rowan)
    expect(rowan.locator("#live-messages")).to_contain_text("early in their grief")
    expect(rowan.locator("#live-messages")).to_contain_text("Evening circle")
    expect(rowan.locator("main")).not_to_contain_text("hazel")
