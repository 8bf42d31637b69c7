"""The crisis loop closed, in a real browser: a peer posts words of risk; the
facilitator on duty is alerted live, opens the alert, presses "Message them" and
writes; the peer sees the message arrive on their crisis card without reloading and
replies; they talk back and forth; the alert's history shows each step and the alert
never moves up the chain. axe-core checks every page at 1280 and at 320 px.

Everything happens in the evening circle, with a member made for this journey (ash).
Fran facilitates it and is on duty for Riverside in the demo. Texts are ours and not
graphic.
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
    sign_in,
    sign_in_with_second_step,
)

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 640}

SET_UP = f"""
from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, OrganisationRole
from alongside.peergroups.models import Membership, PeerGroup
from alongside.safety import actions as safety_actions
riverside = Organisation.objects.get(slug="riverside")
evening = PeerGroup.objects.get(organisation=riverside, slug="evening-circle")
person, _ = Person.objects.get_or_create(username="ash")
person.set_password("{DEMO_PASSWORD}")
person.save()
OrganisationRole.objects.get_or_create(organisation=riverside, person=person)
Membership.objects.update_or_create(
    group=evening,
    person=person,
    defaults={{"display_name": "Ash Evening", "status": "active", "role": "member"}},
)
safety_actions.go_on_duty(
    person=Person.objects.get(username="fran"), organisation=riverside
)
print(evening.pk)
"""

ESCALATION_OF_ASH = """
from alongside.safety.models import Escalation
print(Escalation.objects.filter(person_at_risk__username="ash").latest("pk").pk)
"""

# Two hours on: an alert still waiting would have moved up the chain by now.
MOVE_THE_CLOCK = """
from datetime import timedelta
from django.utils import timezone
from alongside.safety import actions
from alongside.safety.models import Escalation
escalation = Escalation.objects.get(pk={escalation_id})
print(actions.move_up_due_escalations(now=timezone.now() + timedelta(hours=2)))
print(escalation.status, sorted(escalation.events.values_list("kind", flat=True)))
print(sorted(escalation.alerted.values_list("username", flat=True)))
"""

RISK_POST = (
    "Everything feels too much and I want to end my life tonight. "
    "I don't know who else to tell."
)
FIRST = (
    "Hi Ash, it's Fran. I've read your post and I'm here with you now. Are you safe?"
)
TALK = [
    ("ash", "Thank you for writing. I'm at home. I'm not safe from my own thoughts."),
    ("fran", "I'm really glad you told us. Is anyone with you, or nearby?"),
    ("ash", "My sister lives ten minutes away. I could call her."),
    ("fran", "That sounds like a good step. Would you call her now? I'll stay here."),
    ("ash", "I've called her. She's coming over."),
]


def both_widths(page: Page) -> None:
    """axe at the desktop width and at 320 px, and back."""
    check_accessibility(page)
    size = page.viewport_size or DESKTOP
    page.set_viewport_size(NARROW)
    check_accessibility(page)
    page.set_viewport_size(size)


@pytest.fixture(scope="module")
def evening_id(django_shell: Callable[[str], str]) -> str:
    return django_shell(SET_UP).splitlines()[-1]


@pytest.fixture(scope="module")
def fran(browser: Browser, alongside_url: str, fran_totp: pyotp.TOTP) -> Iterator[Page]:
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
    yield page
    context.close()
    assert not errors, errors


def write(page: Page, words: str) -> None:
    page.get_by_label("Your message").fill(words)
    page.get_by_role("button", name="Send", exact=True).click()


def test_the_facilitator_messages_from_the_alert_and_they_talk_live(
    new_page: Callable[..., Page],
    fran: Page,
    evening_id: str,
    django_shell: Callable[[str], str],
) -> None:
    fran.goto("/safety/duty/")
    both_widths(fran)

    # Ash posts words of risk: shared, with the crisis card.
    ash = new_page()
    sign_in(ash, "ash")
    ash.goto(f"/groups/{evening_id}/talk/new/")
    ash.get_by_label("Sharing").check()
    ash.get_by_label("A short title").fill("Tonight")
    ash.get_by_label("What you would like to say").fill(RISK_POST)
    ash.get_by_role("button", name="Post to the group").click()
    ash.wait_for_url(re.compile(r"/talk/\d+/"))
    card = ash.get_by_role("region", name="Support for you now")
    expect(card.get_by_role("status").first).to_have_text(
        "A facilitator has been told and will message you."
    )
    both_widths(ash)

    # Fran is alerted live, opens the alert and presses "Message them".
    escalation_id = django_shell(ESCALATION_OF_ASH)
    alert = fran.locator(f"#duty-alerts #alert-{escalation_id}")
    expect(alert).to_contain_text("may need support now")
    alert.get_by_role("link", name="Open the alert and acknowledge it").click()
    fran.wait_for_url(f"**/safety/alerts/{escalation_id}/")
    expect(fran.locator("main")).to_contain_text("end my life tonight")
    both_widths(fran)
    message_them = fran.get_by_role("region", name="Message them")
    message_them.get_by_label("Your message").fill(FIRST)
    message_them.get_by_role("button", name="Message them").click()
    fran.wait_for_url(re.compile(r"/private/\d+/$"))
    expect(fran.locator("#live-messages")).to_contain_text("Are you safe?")
    both_widths(fran)

    # Ash sees it arrive on the crisis card, without reloading.
    notice = card.locator(".team-notice")
    expect(notice).to_contain_text(
        "from the team at Riverside Peer Support has messaged you"
    )
    expect(notice).to_contain_text("Are you safe?")
    check_accessibility(ash)
    notice.get_by_role("link", name=re.compile("Read and reply")).click()
    ash.wait_for_url(re.compile(r"/private/\d+/$"))
    both_widths(ash)
    expect(ash.locator("#live-messages")).to_contain_text("Are you safe?")

    # They talk back and forth; each message arrives live on the other's screen.
    pages = {"ash": ash, "fran": fran}
    for author, words in TALK:
        reader = fran if author == "ash" else ash
        write(pages[author], words)
        expect(reader.locator("#live-messages")).to_contain_text(words)
        expect(pages[author].locator("#outbox li")).to_have_count(0)
    check_accessibility(ash)
    check_accessibility(fran)

    # The alert's history shows the message; it never moves up the chain.
    fran.goto(f"/safety/alerts/{escalation_id}/")
    expect(fran.locator("main")).to_contain_text(
        "Messaged them privately (Fran (facilitator))"
    )
    both_widths(fran)
    # Other alerts in the demo may move up as the clock moves; this one must not.
    _moved_elsewhere, state, alerted = django_shell(
        MOVE_THE_CLOCK.format(escalation_id=escalation_id)
    ).splitlines()
    assert state.startswith("acknowledged")
    assert "moved_up" not in state and "messaged" in state
    assert alerted == "['fran']"

    # Back under the post, the card says what happened, in plain words.
    ash.go_back()
    ash.reload()
    card = ash.get_by_role("region", name="Support for you now")
    expect(card.get_by_role("status").first).to_contain_text(
        "from the team has read your post and messaged you."
    )
    expect(ash.locator("main")).not_to_contain_text("escalat")
    both_widths(ash)
