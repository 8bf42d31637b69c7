"""The phrase rules page in a real browser: an admin finds it from the duty page,
tries some words on the demo's rules, writes a new rule and tries it before saving,
sees its first version, and switches it off. axe-core checks every page visited, at
1280 and at 320 pixels wide. The rule added here is taken away at the end, so the
demo is left as it was found.

Words here are our own and not graphic.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pyotp
import pytest
from playwright.sync_api import Page, ViewportSize, expect

from .conftest import check_accessibility, screenshot, sign_in_with_second_step

pytestmark = pytest.mark.browser

NARROW: ViewportSize = {"width": 320, "height": 800}
WIDE: ViewportSize = {"width": 1280, "height": 900}

SECRET = pyotp.random_base32()
GIVE_A_KEY = f"""
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt
from alongside.accounts.models import Person
person = Person.objects.get(username="ade")
Authenticator.objects.filter(user=person).delete()
Authenticator.objects.create(
    user=person, type=Authenticator.Type.TOTP, data={{"secret": encrypt("{SECRET}")}}
)
"""
# The rule the journey adds, and ade's key, go afterwards: later journeys sign ade
# in with a password only, as the demo left them.
TAKE_AWAY = """
from allauth.mfa.models import Authenticator
from alongside.accounts.models import Person
from alongside.safety.models import PhraseRule
PhraseRule.objects.filter(organisation__slug="riverside", pattern="weigh-in").delete()
Authenticator.objects.filter(user=Person.objects.get(username="ade")).delete()
"""


def both_widths(page: Page, name: str) -> None:
    check_accessibility(page)
    screenshot(page, f"{name}-1280")
    page.set_viewport_size(NARROW)
    check_accessibility(page)
    screenshot(page, f"{name}-320")
    page.set_viewport_size(WIDE)


def test_an_admin_tries_adds_and_switches_off_a_phrase_rule(
    new_page: Callable[..., Page], django_shell: Callable[[str], str]
) -> None:
    django_shell(GIVE_A_KEY)
    ade = new_page(viewport=WIDE)
    sign_in_with_second_step(ade, "ade", pyotp.TOTP(SECRET))
    try:
        ade.goto("/safety/duty/")
        ade.get_by_role("link", name="Phrase rules").click()
        ade.wait_for_url("**/safety/riverside/phrase-rules/")
        expect(ade.get_by_role("heading", level=1)).to_have_text(
            "Phrase rules for Riverside Peer Support"
        )
        expect(ade.locator("main")).to_contain_text("“relaps*”")
        expect(ade.locator("main")).to_contain_text("“scattering the ashes”")
        both_widths(ade, "phrase-rules-list")

        # Try some words on the rules that are on.
        ade.get_by_label("Words to try").fill("Worried about a relapse this week")
        ade.get_by_role("button", name="Try the rules").click()
        trial = ade.locator(".phrase-trial")
        expect(trial.locator("mark")).to_have_text("relapse")
        expect(trial).to_contain_text("Suggest a content warning")
        both_widths(ade, "phrase-rules-trial")

        # Write a rule and try it before saving.
        ade.get_by_role("link", name="Add a rule").click()
        ade.wait_for_url("**/phrase-rules/new/")
        ade.get_by_label("Word or phrase to look for").fill("weigh-in")
        ade.get_by_label("Hold for review").check()
        ade.get_by_label("Try it on some words first").fill("after the weigh in")
        ade.get_by_role("button", name="Try it", exact=True).click()
        expect(ade.locator(".phrase-trial mark")).to_have_text("weigh in")
        expect(ade.get_by_label("Word or phrase to look for")).to_have_value("weigh-in")
        both_widths(ade, "phrase-rule-try")

        ade.get_by_role("button", name="Save the rule").click()
        ade.wait_for_url(re.compile(r"/phrase-rules/\d+/$"))
        expect(ade.get_by_role("heading", level=1)).to_have_text(
            "Phrase rule: “weigh-in”"
        )
        versions = ade.get_by_role("region", name="Versions")
        expect(versions.get_by_role("listitem")).to_have_count(1)
        expect(versions).to_contain_text("by you")
        both_widths(ade, "phrase-rule-detail")

        # Switch it off from the list, in one click.
        ade.get_by_role("link", name="All phrase rules").click()
        ade.get_by_role("button", name="Switch off “weigh-in”").click()
        expect(ade.get_by_role("status").first).to_contain_text("is off")
        card = ade.locator(".phrase-rule", has_text="“weigh-in”")
        expect(card.locator(".badge")).to_have_text("Off")
        expect(card.get_by_role("button", name="Switch on “weigh-in”")).to_be_visible()
        both_widths(ade, "phrase-rules-switched-off")
    finally:
        django_shell(TAKE_AWAY)
