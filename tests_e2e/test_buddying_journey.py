"""One-to-one support, in a real browser: alex (whose request waits in the demo)
withdraws it and asks again in their own words; fran, a coordinator, sees the
shortlist with its reasons and offers the request to jo; jo accepts; both agree the
support agreement; they exchange messages live in their private conversation. A
message with a phone number in it is held for a quick check: alex sees it with the
kind explanation, jo never sees the number. Then alex asks for a different match
without a reason: fran sees only that a change was asked for, and jo is told kindly,
without detail. axe checks every page at 1280 and at 320 px wide. Afterwards the demo
is put back as it was: alex's request waiting, no match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pyotp
import pytest
from playwright.sync_api import Page, expect

from .accessibility import check_both_widths
from .conftest import (
    check_accessibility,
    sign_in,
    sign_in_with_second_step,
)

pytestmark = pytest.mark.browser

WORDS = "Caring for my dad is wearing me down; I would like someone to talk to."
PHONE_NUMBER = "07700 900123"

PUT_BACK = """
from alongside.buddying import actions
from alongside.buddying.models import Match, SupportRequest
from alongside.accounts.models import Person
from alongside.organisations.models import Organisation
from alongside.privateconversations.models import Conversation
from alongside.notifications.models import Notification
alex = Person.objects.get(username="alex")
for match in Match.objects.filter(peer=alex):
    if match.conversation_id:
        # The held message asked the team in: its notices go with the conversation.
        Notification.objects.filter(
            link__contains=f"/{match.conversation_id}/", link__startswith="/private/"
        ).delete()
        Conversation.objects.filter(pk=match.conversation_id).delete()
SupportRequest.objects.filter(peer=alex).delete()
actions.ask_for_support(
    person=alex,
    organisation=Organisation.objects.get(slug="riverside"),
    words="Caring for my dad is wearing me down and I would like someone to "
    "talk to.",
    experiences=["carers", "anxiety"],
    language="English",
    gender_preference="",
    formats=["chat", "phone"],
    windows=["weekends"],
    access_needs="",
)
"""


@pytest.fixture
def demo_put_back(django_shell: Callable[[str], str]) -> Iterator[None]:
    try:
        yield
    finally:
        django_shell(PUT_BACK)


def test_a_peer_asks_is_matched_agrees_and_they_write_to_each_other(
    new_page: Callable[..., Page],
    fran_totp: pyotp.TOTP,
    demo_put_back: None,
) -> None:
    # Alex sees where their request is, withdraws it and asks again.
    alex = new_page()
    sign_in(alex, "alex")
    alex.goto("/one-to-one/")
    expect(alex.locator("#my-requests")).to_contain_text(
        "Waiting for a coordinator to find someone"
    )
    check_both_widths(alex)
    alex.get_by_role("link", name="Withdraw this request").click()
    check_both_widths(alex)
    alex.get_by_role("button", name="Withdraw my request").click()
    expect(alex.get_by_role("status").first).to_contain_text("withdrawn")
    alex.get_by_role("link", name="Ask for a peer supporter at Riverside").click()
    check_both_widths(alex)
    alex.get_by_label("In a sentence, what would you like support with?").fill(WORDS)
    alex.get_by_label("anxiety").check()
    alex.get_by_label("weekends").check()
    alex.get_by_role("button", name="Send my request").click()
    expect(alex.locator("#my-requests")).to_contain_text("Waiting for a coordinator")

    # Fran, a coordinator, sees the shortlist with its reasons and offers it to jo.
    fran = new_page()
    sign_in_with_second_step(fran, "fran", fran_totp)
    fran.goto("/one-to-one/coordinate/riverside/")
    check_both_widths(fran)
    fran.locator("#waiting-requests a").first.click()
    expect(fran.locator("main")).to_contain_text(WORDS)
    expect(fran.locator("#shortlist")).to_contain_text("shares: anxiety")
    expect(fran.locator("#shortlist")).to_contain_text("free on weekends")
    check_both_widths(fran)
    fran.get_by_role("button", name="Offer to Jo (peer supporter)").click()
    expect(fran.get_by_role("status").first).to_contain_text(
        "Offered to Jo (peer supporter)"
    )

    # Jo accepts, and agrees the first version of the agreement.
    jo = new_page()
    sign_in(jo, "jo")
    jo.goto("/one-to-one/")
    check_both_widths(jo)
    jo.locator("#offers a").first.click()
    expect(jo.locator("main")).to_contain_text(WORDS)
    check_both_widths(jo)
    jo.get_by_role("button", name="Yes, I can support them").click()
    jo.wait_for_url(re.compile(r"/one-to-one/matches/\d+/agreement/$"))
    check_both_widths(jo)
    jo.get_by_role("button", name="I agree to version 1").click()
    expect(jo.get_by_role("status").first).to_contain_text("You have agreed")

    # Alex agrees the same version: it is agreed by both.
    alex.goto("/one-to-one/")
    alex.locator("#my-matches a").first.click()
    check_both_widths(alex)
    alex.get_by_role("link", name="Your support agreement").click()
    alex.get_by_role("button", name="I agree to version 1").click()
    expect(alex.locator("#agreed-status")).to_contain_text(
        "Version 1 is agreed by you both"
    )
    check_both_widths(alex)
    alex.get_by_role("link", name="Back to your one-to-one support").click()

    # They write to each other; each message arrives live on the other's screen.
    alex.get_by_role("link", name="Write to each other").click()
    alex.wait_for_url(re.compile(r"/private/\d+/$"))
    check_both_widths(alex)
    jo.goto(alex.url)
    expect(jo.get_by_role("heading", level=1)).to_contain_text("One-to-one support")
    for author, reader, words in (
        (alex, jo, "Hello, thank you for saying yes."),
        (jo, alex, "Hello. I am glad to be working with you."),
    ):
        author.get_by_label("Your message").fill(words)
        author.get_by_role("button", name="Send", exact=True).click()
        expect(reader.locator("#live-messages")).to_contain_text(words)
    check_accessibility(jo)
    check_accessibility(alex)

    # A message with a phone number is held: alex sees why, kindly; jo never sees it.
    alex.get_by_label("Your message").fill(
        f"If it is easier, you can ring me on {PHONE_NUMBER} in the evenings."
    )
    alex.get_by_role("button", name="Send", exact=True).click()
    held = alex.locator("#live-messages .post-held")
    expect(held).to_contain_text("Waiting for a quick check.")
    expect(held).to_contain_text("Only you can see this for now; nothing is lost.")
    expect(held).to_contain_text("It looks like this includes a phone number.")
    expect(held).to_contain_text("one-to-one messages, to keep you both safe")
    expect(jo.locator("#live-messages")).to_contain_text(
        "A message is waiting for a quick check by someone from the team."
    )
    expect(jo.locator("main")).not_to_contain_text(PHONE_NUMBER)
    alex.reload()
    expect(alex.locator("#live-messages .post-held")).to_contain_text(
        "It looks like this includes a phone number."
    )
    check_both_widths(alex)
    jo.reload()
    expect(jo.locator("#live-messages")).to_contain_text(
        "A message is waiting for a quick check by someone from the team."
    )
    expect(jo.locator("main")).not_to_contain_text(PHONE_NUMBER)
    check_both_widths(jo)

    # Alex asks for a different match, and is not asked why.
    alex.goto("/one-to-one/")
    alex.locator("#my-matches a").first.click()
    match_url = alex.url
    alex.get_by_role("link", name="Ask for a different match").click()
    expect(alex.locator("main")).to_contain_text("You do not need to give a reason.")
    expect(alex.locator("main textarea, main input[type=text]")).to_have_count(0)
    check_both_widths(alex)
    alex.get_by_role("button", name="Ask for a different match").click()
    expect(alex.get_by_role("status").first).to_contain_text(
        "Done. The coordinators know a change was asked for, and nothing more."
    )
    expect(alex.locator("#my-requests")).to_contain_text("Waiting for a coordinator")
    check_both_widths(alex)

    # Fran sees only that a change was asked for.
    fran.goto("/one-to-one/coordinate/riverside/")
    expect(fran.locator("#waiting-requests")).to_contain_text(
        "A change of supporter was asked for."
    )
    check_both_widths(fran)
    fran.goto("/notifications/")
    expect(fran.locator("main")).to_contain_text(
        "A change of one-to-one supporter has been asked for."
    )
    check_both_widths(fran)

    # Jo is told kindly that the support has ended, and nothing more.
    jo.goto("/notifications/")
    expect(jo.locator("main")).to_contain_text(
        "A one-to-one support you gave has come to an end. Thank you for your support."
    )
    check_both_widths(jo)
    jo.goto(match_url)
    expect(jo.locator("main")).not_to_contain_text("different match")
    expect(
        jo.get_by_role("link", name="Read your messages (read-only)")
    ).to_be_visible()
    check_both_widths(jo)
    jo.goto("/one-to-one/")
    expect(jo.locator("#my-matches")).not_to_contain_text("different match")
    check_both_widths(jo)
