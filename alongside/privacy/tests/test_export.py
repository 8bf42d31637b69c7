"""The download holds a row for every registry entry, only the person's own words,
and no secrets."""

from __future__ import annotations

import json
import re

import pytest
from allauth.mfa.models import Authenticator
from django.utils import timezone
from django.utils.dateformat import format as format_date

from alongside.accounts.tests.factories import PersonFactory
from alongside.privacy.export import build_export, export_as_html, export_as_json
from alongside.privacy.registry import REGISTRY
from alongside.safety.models import DecisionAction, ModerationDecision

from . import world as w

pytestmark = pytest.mark.django_db


def test_a_fully_populated_person_has_a_row_in_every_exported_section() -> None:
    world = w.populated_person()

    sections = {s["key"]: s for s in build_export(world.person)["sections"]}

    assert set(sections) == {entry.key for entry in REGISTRY}
    for entry in REGISTRY:
        if entry.export is None:
            assert sections[entry.key]["left_out_because"], entry.key
        else:
            assert sections[entry.key]["rows"], f"no rows for {entry.key}"


def test_the_download_holds_the_persons_own_words() -> None:
    world = w.populated_person()

    text = export_as_json(world.person)

    for own in (w.OWN_POST, w.OWN_LIVE, w.OWN_TITLE, w.OWN_COMMENT):
        assert own in text
    assert w.OWN_REPORT_NOTE in text
    assert w.OWN_APPEAL in text
    assert world.person.username in text


def test_the_download_never_holds_another_members_words_or_who_reported() -> None:
    world = w.populated_person()

    for text in (export_as_json(world.person), export_as_html(world.person)):
        assert w.OTHER_POST not in text
        assert w.OTHER_TITLE not in text
        assert w.OTHER_REPORT_NOTE not in text
        assert "marker-other-comment" not in text
        assert world.other.username not in text
        assert "Other Name" not in text


def test_the_download_holds_no_secrets() -> None:
    world = w.populated_person()
    secret = Authenticator.objects.get(user=world.person).data["secret"]
    code = world.organisation.invitations.get().code

    text = export_as_json(world.person)

    assert secret not in text
    assert code not in text
    assert world.person.password not in text
    assert "TOTP Authenticator" in text


def test_the_json_file_is_valid_json() -> None:
    world = w.populated_person()

    data = json.loads(export_as_json(world.person))

    assert data["account"]["pseudonym"] == world.person.username


def test_the_readable_page_escapes_words_and_fetches_nothing() -> None:
    world = w.populated_person()
    world.own_post.body = '<script>alert(1)</script><img src="https://x.example/a">'
    world.own_post.save()

    page = export_as_html(world.person)

    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img" not in page
    assert 'src="' not in page
    assert "<link" not in page
    assert "default-src 'none'" in page


def test_the_download_holds_every_reply_to_decisions_about_one_post() -> None:
    world = w.populated_person()
    for number in (1, 2):
        ModerationDecision.objects.create(
            post=world.own_post,
            group=world.group,
            action=DecisionAction.PUBLISH,
            reason="Checked.",
            author_reply=f"marker-own-reply-{number}",
        )

    text = export_as_json(world.person)

    assert "marker-own-reply-1" in text
    assert "marker-own-reply-2" in text


def test_the_readable_page_for_a_peer_keeps_to_what_there_is() -> None:
    peer = PersonFactory.create()

    page = export_as_html(peer)
    sections = {s["title"] for s in build_export(peer)["sections"]}

    assert "Staff-site groups" in sections  # the data file names every kind
    assert "Staff-site groups" not in page
    assert "Staff-site permissions" not in page
    assert "holds nothing about you" in page


def test_the_readable_page_writes_dates_as_people_do() -> None:
    world = w.populated_person()

    page = export_as_html(world.person)
    joined = timezone.localtime(world.person.date_joined)

    assert world.person.date_joined.isoformat() not in page
    assert format_date(joined, "j F Y, H:i") in page
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", page)
