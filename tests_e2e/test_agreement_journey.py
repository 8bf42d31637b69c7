"""A group changes its agreement by consent, and a newcomer reads the new version.

A member proposes an item; two members agree; one objects with a reason; the
proposer rewords it; the objection is withdrawn; the facilitator adopts it, making
version 2 with the change shown; a newcomer joining sees version 2 and confirms it
before they may post, and someone else asks to talk about it first.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pyotp
import pytest
from playwright.sync_api import Page, expect

from .conftest import check_accessibility, sign_in, sign_in_with_second_step

pytestmark = pytest.mark.browser

PASSWORD = "alongside-demo"
PHONE = {"width": 390, "height": 844}

SET_UP = f"""
from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, OrganisationRole
from alongside.peergroups.models import Membership, PeerGroup
riverside = Organisation.objects.get(slug="riverside")
loss = PeerGroup.objects.get(slug="living-with-loss")
for name, shown in [("wren", "Wren Member"), ("birch", "Birch Member")]:
    person, _ = Person.objects.get_or_create(username=name)
    person.set_password("{PASSWORD}")
    person.save()
    OrganisationRole.objects.get_or_create(organisation=riverside, person=person)
    Membership.objects.get_or_create(
        group=loss,
        person=person,
        defaults={{"display_name": shown, "status": "active"}},
    )
print(loss.pk)
"""

CONFIRMED = """
from alongside.accounts.models import Person
from alongside.agreements.permissions import has_confirmed_current_agreement
from alongside.peergroups.models import PeerGroup
loss = PeerGroup.objects.get(slug="living-with-loss")
print(has_confirmed_current_agreement(Person.objects.get(username="{name}"), loss))
"""

FIRST = "We check with each other before sharing something heavy."
SECOND = (
    "We check with each other before sharing something heavy, and it is fine to "
    "say not today."
)


def open_proposal(page: Page, group_id: str) -> None:
    page.goto(f"/groups/{group_id}/agreement/")
    page.get_by_role("link", name=re.compile("A suggested change, opened")).last.click()


def respond(page: Page, choice: str, reason: str = "") -> None:
    page.get_by_label(choice, exact=True).check()
    if reason:
        page.get_by_label("Your reason").fill(reason)
    page.get_by_role("button", name="Save my response").click()
    expect(page.get_by_text("Your response is saved")).to_be_visible()


def test_a_group_changes_its_agreement_by_consent(
    new_page: Callable[..., Page],
    django_shell: Callable[[str], str],
    fran_totp: pyotp.TOTP,
) -> None:
    group_id = django_shell(SET_UP).splitlines()[-1]

    # A member proposes a new item.
    sam = new_page()
    sign_in(sam, "sam")
    sam.goto(f"/groups/{group_id}/")
    expect(sam.get_by_text("next review due")).to_be_visible()
    sam.get_by_role(
        "link", name=re.compile("Read and shape the group agreement")
    ).click()
    check_accessibility(sam)
    sam.get_by_role("link", name="Suggest a change").click()
    sam.get_by_label("Add a new item").check()
    sam.get_by_label("The wording you suggest").fill(FIRST)
    sam.get_by_label("Why you are suggesting this").fill("It came up last week.")
    check_accessibility(sam)
    sam.get_by_role("button", name="Share my suggestion").click()
    expect(sam.get_by_role("heading", name="A suggested change")).to_be_visible()
    proposal_url = sam.url
    check_accessibility(sam)

    # Two members agree; one objects with a reason.
    jo = new_page()
    sign_in(jo, "jo")
    jo.goto(proposal_url)
    respond(jo, "I agree")
    wren = new_page(PHONE)
    sign_in(wren, "wren")
    wren.goto(proposal_url)
    respond(wren, "I agree")
    check_accessibility(wren)
    birch = new_page()
    sign_in(birch, "birch")
    birch.goto(proposal_url)
    respond(
        birch, "I object", "Some of us cannot always ask first; it needs a way out."
    )
    birch.reload()
    expect(birch.get_by_text("1 objection still stands")).to_be_visible()

    # The proposer rewords it; the objection still stands until withdrawn.
    sam.reload()
    expect(sam.get_by_text("Some of us cannot always ask first")).to_be_visible()
    sam.get_by_role("link", name="Reword my suggestion").click()
    sam.get_by_label("The wording you suggest").fill(SECOND)
    sam.get_by_label("Why you are suggesting this").fill("Reworded to give a way out.")
    sam.get_by_role("button", name="Save the new wording").click()
    expect(sam.get_by_text("1 objection still stands")).to_be_visible()

    # The objection is withdrawn; the others look again at the new wording.
    birch.reload()
    birch.get_by_role("button", name="Withdraw my objection").click()
    expect(birch.get_by_text("Your objection is withdrawn")).to_be_visible()
    jo.reload()
    respond(jo, "I agree")
    wren.reload()
    respond(wren, "I can live with it")

    # The facilitator (staff: second factor) adopts it: version 2, change shown.
    fran = new_page()
    sign_in_with_second_step(fran, "fran", fran_totp)
    fran.goto(proposal_url)
    respond(fran, "I agree")
    fran.reload()
    check_accessibility(fran)
    fran.get_by_role("button", name="Adopt into the agreement").click()
    expect(fran.get_by_role("heading", name="Version 2")).to_be_visible()
    expect(fran.locator("ins", has_text="say not today")).to_be_visible()
    check_accessibility(fran)

    # Someone who has not confirmed asks to talk about it first, quietly.
    assert django_shell(CONFIRMED.format(name="wren")) == "False"
    wren.goto(f"/groups/{group_id}/")
    wren.get_by_role("button", name="I would like to talk about it first").click()
    expect(wren.get_by_text("quietly let a facilitator know")).to_be_visible()
    assert django_shell(CONFIRMED.format(name="wren")) == "False"
    fran.goto("/notifications/")
    expect(
        fran.get_by_text("would like to talk about the group agreement")
    ).to_be_visible()

    # A newcomer joining sees version 2 and confirms it before posting.
    newcomer = new_page(PHONE)
    newcomer.goto("/account/signup/")
    newcomer.get_by_label("Sign-in name").fill("newleaf")
    passwords = newcomer.locator("input[type=password]")
    passwords.nth(0).fill("a long new passphrase")
    passwords.nth(1).fill("a long new passphrase")
    newcomer.get_by_role("button", name="Create my account").click()
    expect(newcomer.get_by_role("button", name="Sign out")).to_be_visible()
    # Numbers are added to the name typed; the whole sign-in name is shown.
    welcome = newcomer.get_by_role("status").filter(has_text="Your sign-in name is")
    newleaf = re.findall(r"newleaf-\d{4}", welcome.inner_text())[0]
    newcomer.goto(f"/groups/{group_id}/join/")
    expect(newcomer.get_by_text(SECOND)).to_be_visible()
    expect(newcomer.get_by_text("version 2")).to_be_visible()
    check_accessibility(newcomer)
    newcomer.get_by_role("button", name="Join the group").click()
    expect(newcomer.get_by_text("Before you post")).to_be_visible()
    assert django_shell(CONFIRMED.format(name=newleaf)) == "False"
    check_accessibility(newcomer)
    newcomer.get_by_role(
        "button", name="I have read it and I am happy to go along with it"
    ).click()
    expect(
        newcomer.get_by_text("You have read and confirmed version 2")
    ).to_be_visible()
    assert django_shell(CONFIRMED.format(name=newleaf)) == "True"

    # A group with nothing agreed yet starts from questions.
    sam.goto("/groups/")
    sam.get_by_role("link", name="Evening circle").first.click()
    sam.get_by_role(
        "link", name=re.compile("Read and shape the group agreement")
    ).click()
    expect(sam.get_by_role("heading", name="Starting our agreement")).to_be_visible()
    check_accessibility(sam)

    # Print view and PDF of the current agreement.
    newcomer.goto(f"/groups/{group_id}/agreement/print/")
    expect(newcomer.get_by_text(SECOND)).to_be_visible()
    check_accessibility(newcomer)
    pdf = newcomer.request.get(f"/groups/{group_id}/agreement/pdf/")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
