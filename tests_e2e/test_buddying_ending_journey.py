"""The end of one-to-one support and referring on, in a real browser. alex (whose
request waits in the demo) is matched with jo; they plan the ending by agreeing a
one-week length; the regular check reminds them both; jo refers alex on to a
service in Riverside's directory and alex agrees, item by item, to share one
thing; jo opens the guide for a last conversation and ends the support; alex
answers the ending survey, which fran (a coordinator) reads and jo cannot open;
alex deletes the conversation. axe checks every page at 1280 and 320 px wide.
Afterwards the demo is put back as it was: alex's request waiting, no match."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pyotp
import pytest
from playwright.sync_api import Page, expect

from .accessibility import check_both_widths
from .conftest import check_accessibility, sign_in, sign_in_with_second_step
from .test_buddying_journey import PUT_BACK

pytestmark = pytest.mark.browser

SURVEY_WORDS = "The weekly check-ins made the hard evenings easier."
REFERRAL_WHY = "They can talk through practical help, which is beyond what we do."

MATCH_ALEX_WITH_JO = """
from alongside.accounts.models import Person
from alongside.buddying import actions
from alongside.buddying.models import SupportRequest
alex, jo, fran = (Person.objects.get(username=n) for n in ("alex", "jo", "fran"))
waiting = SupportRequest.objects.get(peer=alex, status="waiting")
offer = actions.offer_request(person=fran, support_request=waiting, supporter=jo)
match = actions.accept_offer(person=jo, offer=offer)
print(match.pk)
"""

REMIND = """
from django.utils import timezone
from alongside.buddying import actions
print(actions.remind_of_endings(now=timezone.now()))
"""

FORGET_ENDING = """
from alongside.accounts.models import Person
from alongside.buddying.ending_models import EndingSurvey, Referral
alex = Person.objects.get(username="alex")
Referral.objects.filter(peer=alex).delete()
EndingSurvey.objects.filter(peer=alex).delete()
"""


@pytest.fixture
def demo_put_back(django_shell: Callable[[str], str]) -> Iterator[None]:
    try:
        yield
    finally:
        django_shell(FORGET_ENDING)
        django_shell(PUT_BACK)


def test_an_ending_is_planned_and_reached_with_a_referral_and_a_survey(
    new_page: Callable[..., Page],
    fran_totp: pyotp.TOTP,
    django_shell: Callable[[str], str],
    demo_put_back: None,
) -> None:
    match_id = django_shell(MATCH_ALEX_WITH_JO).strip().splitlines()[-1]
    match_url = f"/one-to-one/matches/{match_id}/"

    # Alex plans the ending: a new version of the agreement, one week long.
    alex = new_page()
    sign_in(alex, "alex")
    alex.goto(match_url)
    expect(alex.locator("#ending")).to_contain_text("Once you both agree")
    check_both_widths(alex)
    alex.goto(f"{match_url}agreement/change/")
    alex.get_by_label("Planned length, in weeks").fill("1")
    alex.get_by_label("We look back at how it is going in week").fill("1")
    alex.get_by_role("button", name="Save").click()
    expect(alex.get_by_role("status").first).to_contain_text("Your version is saved")

    jo = new_page()
    sign_in(jo, "jo")
    jo.goto(f"{match_url}agreement/")
    jo.get_by_role("button", name="I agree to version 2").click()
    expect(jo.get_by_role("status").first).to_contain_text("You have agreed")
    jo.goto(match_url)
    expect(jo.locator("#ending")).to_contain_text("is planned to end on")
    check_both_widths(jo)

    # The regular check reminds them both, once.
    assert django_shell(REMIND).strip().splitlines()[-1] == "1"
    assert django_shell(REMIND).strip().splitlines()[-1] == "0"
    alex.goto("/notifications/")
    expect(alex.locator("main")).to_contain_text("planned to end in about a week")
    check_both_widths(alex)

    # Jo refers alex on to a service in the directory, asking to share two things.
    jo.goto(match_url)
    jo.get_by_role("link", name="Refer on to another service").click()
    check_both_widths(jo)
    jo.get_by_label("The service, from the organisation's directory").select_option(
        label="Mind Infoline"
    )
    jo.get_by_label("The name you use here").check()
    jo.get_by_label("What you would like help with").check()
    jo.get_by_label("Why you suggest it, in words the person will read").fill(
        REFERRAL_WHY
    )
    jo.get_by_role("button", name="Record the referral").click()
    expect(jo.locator("#referral-status")).to_contain_text("Waiting for your say")
    check_both_widths(jo)

    # Alex sees it, with why, and agrees to share only their name.
    alex.goto(match_url)
    alex.locator("#referrals").get_by_role("link", name="Mind Infoline").click()
    expect(alex.locator("main")).to_contain_text(REFERRAL_WHY)
    check_both_widths(alex)
    alex.get_by_label("The name you use here").check()
    alex.get_by_role("button", name="Save my answer").click()
    expect(alex.locator("#referral-status")).to_contain_text("You agreed")
    expect(alex.locator("#shared")).to_contain_text("The name you use here")
    expect(alex.locator("#shared")).not_to_contain_text("What you would like help")
    check_both_widths(alex)

    # Jo opens the guide for a last conversation and ends the support.
    jo.goto(match_url)
    jo.locator("#ending").get_by_role(
        "link", name="A guide for your last conversation"
    ).click()
    expect(jo.locator("#guide-heading")).to_be_visible()
    expect(jo.locator("main")).to_contain_text("what comes next")
    check_both_widths(jo)
    jo.get_by_role("button", name="End our one-to-one support").click()
    expect(jo.get_by_role("status").first).to_contain_text("has ended")

    # Alex answers the survey, for the coordinators only.
    alex.goto(match_url)
    alex.get_by_role("link", name="Looking back").click()
    check_both_widths(alex)
    for name, value in (("helped", "5"), ("felt_respected", "5")):
        alex.locator(f"input[name={name}][value='{value}']").check()
    alex.locator("input[name=ending_felt_right][value='4']").check()
    alex.get_by_label("Anything you would like the coordinators to know").fill(
        SURVEY_WORDS
    )
    alex.get_by_role("button", name="Send my answers").click()
    expect(alex.get_by_role("status").first).to_contain_text("Only the coordinators")

    # Fran, a coordinator, reads it; jo, the supporter, cannot open the page.
    fran = new_page()
    sign_in_with_second_step(fran, "fran", fran_totp)
    fran.goto("/one-to-one/coordinate/riverside/ending-surveys/")
    expect(fran.locator("#ending-surveys")).to_contain_text(SURVEY_WORDS)
    check_both_widths(fran)
    response = jo.goto("/one-to-one/coordinate/riverside/ending-surveys/")
    assert response is not None and response.status == 404
    jo.goto(match_url)
    expect(jo.locator("main")).not_to_contain_text(SURVEY_WORDS)

    # Alex deletes the conversation: it goes for them both.
    alex.goto(match_url)
    alex.get_by_role("link", name="Delete the conversation").click()
    expect(alex.locator("main")).to_contain_text("for you both")
    check_both_widths(alex)
    alex.get_by_role("button", name="Delete the conversation for good").click()
    expect(alex.locator("#ending")).to_contain_text("You deleted the conversation")
    check_both_widths(alex)
    jo.goto(match_url)
    expect(jo.locator("#ending")).to_contain_text(
        "The person you supported deleted the conversation"
    )
    check_accessibility(jo)
