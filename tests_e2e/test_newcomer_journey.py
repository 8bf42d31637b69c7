"""Small things a newcomer tripped over, checked where a browser is needed."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pyotp
import pytest
from playwright.sync_api import Page, expect

from .accessibility import check_accessibility
from .conftest import sign_in_with_second_step
from .test_foundation_journeys import arrive, open_group_from_list, sign_in

pytestmark = pytest.mark.browser


def test_a_reply_just_posted_is_not_hidden_under_the_quick_exit_bar(
    page: Page,
) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in(page, "sam")
    arrive(page, "/")
    open_group_from_list(page, "Living with loss")
    page.get_by_role("main").get_by_role("link", name="Conversations").click()
    page.get_by_role("link", name="The first birthday without them").click()
    page.fill("textarea[name=body]", "Thinking of you on the day.")
    page.get_by_role("button", name="Post reply").click()
    page.wait_for_url("**#post-*")

    post_id = page.url.rsplit("#", 1)[1]
    post = page.locator(f"#{post_id}")
    expect(post).to_contain_text("Thinking of you on the day.")
    bar = page.locator(".quick-exit-bar").bounding_box()
    top = post.bounding_box()
    assert bar is not None and top is not None
    assert top["y"] >= bar["y"] + bar["height"]


ADE_TOTP_SECRET = pyotp.random_base32()
_GIVE_ADE_A_KEY = f"""
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt
from alongside.accounts.models import Person
ade = Person.objects.get(username="ade")
Authenticator.objects.filter(user=ade).delete()
Authenticator.objects.create(
    user=ade, type=Authenticator.Type.TOTP,
    data={{"secret": encrypt("{ADE_TOTP_SECRET}")}},
)
"""


_TAKE_ADES_KEY_AWAY = """
from allauth.mfa.models import Authenticator
from alongside.accounts.models import Person
Authenticator.objects.filter(user=Person.objects.get(username="ade")).delete()
"""


@pytest.fixture
def ade_with_a_key(django_shell: Callable[[str], str]) -> Iterator[pyotp.TOTP]:
    """ade with a second step whose key the journey knows; taken away afterwards,
    so other journeys meet ade as the demo left them."""
    django_shell(_GIVE_ADE_A_KEY)
    try:
        yield pyotp.TOTP(ADE_TOTP_SECRET)
    finally:
        django_shell(_TAKE_ADES_KEY_AWAY)


def test_removing_a_help_entry_asks_first_and_can_be_undone(
    page: Page, ade_with_a_key: pyotp.TOTP
) -> None:
    sign_in_with_second_step(page, "ade", ade_with_a_key)
    page.goto("/services/riverside/directory/")
    check_accessibility(page)
    entry = (
        page.get_by_role("main")
        .get_by_role("listitem")
        .filter(has=page.get_by_role("heading", name="Samaritans", exact=True))
    )
    entry.get_by_role("link", name="Remove Samaritans").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Remove Samaritans from the help directory?"
    )
    check_accessibility(page)
    page.get_by_role("button", name="Remove it").click()
    expect(page.get_by_role("heading", name="Removed a moment ago")).to_be_visible()
    check_accessibility(page)
    page.goto("/services/help/")
    expect(page.get_by_role("main")).not_to_contain_text("Samaritans")

    page.goto("/services/riverside/directory/")
    page.get_by_role("button", name="Put it back Samaritans").click()
    back = page.get_by_text("Samaritans is back in the help directory.")
    expect(back).to_be_visible()
    page.goto("/services/help/")
    expect(page.get_by_role("main")).to_contain_text("Samaritans")
