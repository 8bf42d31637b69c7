"""Data rights in a real browser: a demo peer downloads their data (both files) and
finds their own words in it; a throwaway peer erases their account, leaving their
post in place as "former member", and is signed out to a kind goodbye.

Every page visited is checked with axe-core.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .accessibility import check_accessibility
from .conftest import DEMO_PASSWORD, PHONE, screenshot

pytestmark = pytest.mark.browser

THROWAWAY_PASSWORD = "a quiet lane in spring"


def sign_in(page: Page, username: str, password: str = DEMO_PASSWORD) -> None:
    page.goto("/account/login/")
    check_accessibility(page)
    page.get_by_label("Your sign-in name").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/$"))


def open_account(page: Page) -> None:
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Account"
    ).click()
    page.wait_for_url("**/account/settings/")
    check_accessibility(page)


def download(page: Page, link_name: str, tmp_path: Path) -> str:
    with page.expect_download() as waiting:
        page.get_by_role("link", name=link_name).click()
    target = tmp_path / waiting.value.suggested_filename
    waiting.value.save_as(target)
    return target.read_text(encoding="utf-8")


def test_a_peer_downloads_their_data(
    new_page: Callable[..., Page],
    django_shell: Callable[[str], str],
    tmp_path: Path,
) -> None:
    own_words = django_shell(
        "from alongside.conversations.models import Post; "
        "print(Post.objects.filter(author__username='sam', deleted_at__isnull=True)"
        ".exclude(body='').order_by('pk').first().body.splitlines()[0])"
    )
    assert own_words
    page = new_page()
    sign_in(page, "sam")
    open_account(page)
    page.get_by_role("link", name="Download your data").click()
    # Someone else may be holding a signed-in phone: the password is asked again,
    # and a wrong one opens nothing.
    page.wait_for_url("**/account/reauthenticate/**")
    check_accessibility(page)
    expect(page.get_by_role("main")).to_contain_text("download a copy of your data")
    page.locator("#id_password").fill("not the password")
    page.get_by_role("button", name="Carry on").click()
    expect(page.locator("#id_password")).to_be_visible()
    assert "/account/my-data/" not in page.url.split("?")[0]
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Carry on").click()
    page.wait_for_url("**/account/my-data/")
    check_accessibility(page)
    screenshot(page, "data-download")

    data = json.loads(download(page, "Download the data file", tmp_path))
    readable = download(page, "Download the readable page", tmp_path)

    assert data["account"]["pseudonym"] == "sam"
    posts = next(s for s in data["sections"] if s["key"] == "conversations.Post.author")
    assert any(own_words in row["text"] for row in posts["rows"])
    html_file = next(tmp_path.glob("*.html"))
    page.goto(html_file.as_uri())
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Your data from Alongside"
    )
    expect(page.get_by_role("main")).to_contain_text(own_words)
    check_accessibility(page)
    assert "<script" not in readable


def test_a_peer_erases_their_account_and_keeps_their_post(
    new_page: Callable[..., Page],
    django_shell: Callable[[str], str],
) -> None:
    username = f"leaving-{uuid.uuid4().hex[:8]}"
    words = f"Thank you all for listening {uuid.uuid4().hex[:6]}"
    thread_id = django_shell(
        "import uuid; "
        "from alongside.accounts.models import Person; "
        "from alongside.conversations.models import Post, Thread; "
        "from alongside.organisations.actions import grant_role; "
        "from alongside.peergroups.models import Membership, PeerGroup; "
        "group = PeerGroup.objects.get(name='Evening circle'); "
        f"person = Person.objects.create_user('{username}', "
        f"password='{THROWAWAY_PASSWORD}'); "
        "grant_role(person=person, organisation=group.organisation, role='peer'); "
        "Membership.objects.create(group=group, person=person, "
        "display_name='Passing Swift', status='active'); "
        "thread = Thread.objects.create(group=group, author=person, "
        "title='A goodbye of sorts'); "
        "Post.objects.create(group=group, thread=thread, author=person, "
        f"kind='sharing', body='{words}', client_id=uuid.uuid4()); "
        "print(thread.pk)"
    )
    group_id = django_shell(
        "from alongside.peergroups.models import PeerGroup; "
        "print(PeerGroup.objects.get(name='Evening circle').pk)"
    )
    page = new_page(viewport=PHONE)
    sign_in(page, username, THROWAWAY_PASSWORD)
    open_account(page)
    page.get_by_role("link", name="Erase your account").click()
    page.wait_for_url("**/account/erase/")
    check_accessibility(page)

    # A wrong password changes nothing and says so kindly.
    page.get_by_label(
        'Leave them in place, shown as written by "former member".'
    ).check()
    page.get_by_label("Your password").fill("not my password")
    page.get_by_role("button", name="Erase my account").click()
    expect(page.get_by_text("That password did not match.")).to_be_visible()
    check_accessibility(page)

    page.get_by_label(
        'Leave them in place, shown as written by "former member".'
    ).check()
    page.get_by_label("Your password").fill(THROWAWAY_PASSWORD)
    page.get_by_role("button", name="Erase my account").click()
    page.wait_for_url("**/account/goodbye/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Your account has been erased"
    )
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Sign in")).to_be_visible()
    check_accessibility(page)
    screenshot(page, "goodbye")

    remaining = django_shell(
        "from alongside.accounts.models import Person; "
        "from alongside.conversations.models import Post; "
        f"print(Person.objects.filter(username='{username}').count(), "
        f"Post.objects.filter(thread_id={thread_id}, author__isnull=True).count())"
    )
    assert remaining == "0 1"

    # Someone still in the group reads the post under "former member".
    reader = new_page()
    sign_in(reader, "sam")
    reader.goto(f"/groups/{group_id}/talk/{thread_id}/")
    main = reader.get_by_role("main")
    expect(main).to_contain_text(words)
    expect(main).to_contain_text("former member")
    check_accessibility(reader)
