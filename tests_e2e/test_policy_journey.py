"""A peer on a secure ward reads, before joining anything, the statement Alongside
writes from the service's settings: how long their words are kept, what is switched
off and what a secure service does differently. Each page is checked with axe-core."""

from __future__ import annotations

import uuid

import pytest
from playwright.sync_api import Page, expect

from .test_foundation_journeys import NEW_PASSWORD, arrive, visit

pytestmark = pytest.mark.browser


def test_a_ward_peer_sees_retention_and_the_secure_service_policy(page: Page) -> None:
    visit(page, "/account/signup/")
    page.get_by_label("Sign-in name").fill(f"ward-{uuid.uuid4().hex[:8]}")
    page.get_by_label("Invitation code").fill("DEMO3-WARDS")
    page.locator("#id_password1").fill(NEW_PASSWORD)
    page.locator("#id_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    arrive(page, "/")

    visit(page, "/services/hollybank/confidentiality/")
    policy = page.locator("main .generated-statement")
    expect(policy).to_contain_text("Live-session messages are kept for 30 days")
    expect(policy).to_contain_text("kept for 90 days after their last reply")
    expect(policy).to_contain_text("open safety concern")
    expect(policy).to_contain_text("Links are switched off here")
    expect(policy).to_contain_text("only the team can start a private conversation")
    expect(policy).to_contain_text("the ward or room only")
    expect(policy).to_contain_text("At Hollybank Secure Service, only staff facilitate")
    expect(policy).not_to_contain_text("Pictures")
