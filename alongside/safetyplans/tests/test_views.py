"""My plan's pages: writing, bad input, sharing and its log, links, printouts, the
PIN lock, and that no staff role reaches any of it."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PASSWORD
from alongside.organisations.models import Organisation, OrganisationRole, Role
from alongside.organisations.tests.factories import SupportServiceFactory
from conftest import client_for, person_with_role

from .. import actions, lock
from ..models import PlanShare, SafetyPlan
from ..sections import SECTIONS, TEXT_LIMIT
from .factories import link_share, plan_with_words, share_with, supporting

pytestmark = pytest.mark.django_db
WORDS = "A made-up walk to the park"
PLAN = reverse("safetyplans:plan-detail")


def _edit(section: str) -> str:
    return reverse("safetyplans:section-edit", args=[section])


def test_a_first_visit_invites_without_pushing(peer_client: Client) -> None:
    page = peer_client.get(PLAN).content.decode()

    assert "<title>My plan · Alongside</title>" in page
    assert "one part is enough to start" in page
    for section in SECTIONS:
        assert section.heading.replace("'", "&#x27;") in page
    assert "%" not in page.split("<main")[1].split("</main>")[0]


def test_the_plan_is_two_taps_away_from_every_page(peer_client: Client) -> None:
    for url in (reverse("core:home"), reverse("notifications:inbox")):
        page = peer_client.get(url).content.decode()
        assert f'href="{PLAN}">My plan</a>' in page


def test_a_section_is_saved_with_its_examples_shown(peer_client: Client) -> None:
    form = peer_client.get(_edit("on-my-own")).content.decode()
    assert "For example:" in form

    response = peer_client.post(_edit("on-my-own"), {"text": WORDS})

    assert response.status_code == 302
    assert WORDS in peer_client.get(PLAN).content.decode()


def test_a_double_click_saves_once(peer: Person, peer_client: Client) -> None:
    for _ in range(2):
        peer_client.post(_edit("on-my-own"), {"text": WORDS})

    assert SafetyPlan.objects.get(owner=peer).versions.count() == 1


def test_a_very_long_section_comes_back_whole_with_a_kind_message(
    peer: Person, peer_client: Client
) -> None:
    text = "A made-up line. " * (TEXT_LIMIT // 10)

    response = peer_client.post(_edit("on-my-own"), {"text": text})

    page = response.content.decode()
    assert response.status_code == 200
    assert f"the most this can hold is {TEXT_LIMIT}" in page
    assert "Everything you wrote is still here" in page
    assert text.strip() in page
    assert "maxlength" not in page
    assert not SafetyPlan.objects.filter(owner=peer, versions__isnull=False).exists()


def test_emoji_right_to_left_and_hostile_strings_are_kept_and_escaped(
    peer_client: Client,
) -> None:
    text = (
        "\U0001f308 \u0645\u0631\u062d\u0628\u0627 \u202e<script>alert(1)</script>"
        '"><img src=x onerror=alert(1)> {{ 7*7 }} \x00end'
    )

    peer_client.post(_edit("holding-on"), {"text": text})
    page = peer_client.get(PLAN).content.decode()

    assert "\U0001f308 \u0645\u0631\u062d\u0628\u0627" in page
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "{{ 7*7 }}" in page and "\x00" not in page
    for layout in ("a4", "card", "large"):
        pdf = peer_client.get(reverse("safetyplans:plan-pdf", args=[layout]))
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_a_bad_number_is_explained_and_nothing_typed_is_lost(
    peer_client: Client,
) -> None:
    response = peer_client.post(
        _edit("people"),
        {
            "text": WORDS,
            "contact-TOTAL_FORMS": "2",
            "contact-INITIAL_FORMS": "0",
            "contact-0-name": "A made-up friend",
            "contact-0-phone": "call me maybe",
            "contact-1-name": "",
            "contact-1-phone": "07700 900123",
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "A number can have digits" in page
    assert "Please add a name for this number." in page
    assert "call me maybe" in page and WORDS in page


def test_people_get_call_and_text_buttons(peer_client: Client) -> None:
    peer_client.post(
        _edit("people"),
        {
            "contact-TOTAL_FORMS": "1",
            "contact-INITIAL_FORMS": "0",
            "contact-0-name": "A made-up friend",
            "contact-0-phone": "+44 7700 900123",
        },
    )

    page = peer_client.get(PLAN).content.decode()
    assert 'href="tel:+447700900123"' in page
    assert 'href="sms:+447700900123"' in page


def test_services_start_with_the_national_lines_and_the_organisations_own(
    organisation: Organisation, peer_client: Client
) -> None:
    SupportServiceFactory.create(
        organisation=organisation,
        name="A made-up crisis line",
        phone="0800 000 000",
        is_urgent=True,
    )

    page = peer_client.get(PLAN).content.decode()

    for expected in ("999", "NHS 111", "116 123", "85258", "A made-up crisis line"):
        assert expected in page
    form = peer_client.get(_edit("services")).content.decode()
    assert 'value="A made-up crisis line"' in form


def test_this_isnt_for_me_leaves_a_section_out(peer_client: Client) -> None:
    peer_client.post(_edit("safer"), {"text": WORDS, "not_for_me": "on"})

    page = peer_client.get(PLAN).content.decode()
    assert WORDS not in page
    assert "you chose to leave this out" in page


def test_earlier_versions_are_the_owners_to_read(peer_client: Client) -> None:
    peer_client.post(_edit("on-my-own"), {"text": WORDS})
    peer_client.post(_edit("on-my-own"), {"text": "Other made-up words"})

    history = peer_client.get(reverse("safetyplans:version-list")).content.decode()
    first = peer_client.get(reverse("safetyplans:version-detail", args=[1]))

    assert "Version 2" in history and "Version 1" in history
    assert WORDS in first.content.decode()
    missing = peer_client.get(reverse("safetyplans:version-detail", args=[99]))
    assert missing.status_code == 404


@pytest.mark.parametrize("role", [Role.FACILITATOR, Role.SUPERVISOR, Role.ADMIN])
def test_no_staff_role_reaches_anything_of_a_plan(
    role: str, organisation: Organisation, peer: Person
) -> None:
    plan_with_words(peer, WORDS)
    supporter = person_with_role(organisation, Role.PEER_SUPPORTER)
    named = share_with(peer, supporter)
    link, _ = link_share(peer)
    staff = client_for(person_with_role(organisation, role, second_factor=True))

    for url in (
        PLAN,
        reverse("safetyplans:version-list"),
        reverse("safetyplans:version-detail", args=[1]),
        reverse("safetyplans:share-list"),
        reverse("safetyplans:shared-list"),
        reverse("safetyplans:plan-pdf", args=["a4"]),
    ):
        response = staff.get(url)
        assert WORDS.encode() not in response.content, url
    for share in (named, link):
        assert (
            staff.get(reverse("safetyplans:shared-detail", args=[share.pk])).status_code
            == 404
        )
        assert (
            staff.post(reverse("safetyplans:share-revoke", args=[share.pk])).status_code
            == 404
        )
    assert PlanShare.objects.live().count() == 2


def test_sharing_with_a_named_person_logs_each_view_and_stops_at_once(
    organisation: Organisation, peer: Person, peer_client: Client
) -> None:
    plan_with_words(peer, WORDS)
    supporter = supporting(peer, person_with_role(organisation, Role.PEER_SUPPORTER))
    form = peer_client.get(reverse("safetyplans:share-list")).content.decode()
    assert f'<option value="{supporter.pk}">{supporter.shown_name}, ' in form
    assert supporter.username not in form
    assert "sign-in name" not in form
    response = peer_client.post(
        reverse("safetyplans:share-list"),
        {
            "kind": "person",
            "recipient_id": str(supporter.pk),
            "shown_as": "Made-up Sam",
        },
    )
    assert response.status_code == 302
    share = PlanShare.objects.get(recipient=supporter)
    theirs = client_for(supporter)
    shared = reverse("safetyplans:shared-detail", args=[share.pk])

    assert (
        "Made-up Sam" in theirs.get(reverse("safetyplans:shared-list")).content.decode()
    )
    copy = theirs.get(shared)
    assert WORDS in copy.content.decode()
    assert copy["Cache-Control"] == "no-store"
    sharing = peer_client.get(reverse("safetyplans:share-list")).content.decode()
    assert "Opened 1 time" in sharing

    peer_client.post(reverse("safetyplans:share-revoke", args=[share.pk]))
    peer_client.post(reverse("safetyplans:share-revoke", args=[share.pk]))

    assert theirs.get(shared).status_code == 404
    assert (
        "Stopped" in peer_client.get(reverse("safetyplans:share-list")).content.decode()
    )


def test_someone_not_on_the_list_gets_a_kind_message_and_keeps_the_form(
    organisation: Organisation, peer: Person, peer_client: Client, outsider: Person
) -> None:
    colleague = person_with_role(organisation, Role.PEER_SUPPORTER)
    page = peer_client.get(reverse("safetyplans:share-list")).content.decode()
    assert "There is nobody to share with by name yet" in page
    assert colleague.shown_name not in page
    for chosen, message in (
        ("", "Please choose who to share it with."),
        (str(colleague.pk), "Please choose someone from the list."),
        (str(outsider.pk), "Please choose someone from the list."),
        ("not-a-number", "Please choose someone from the list."),
    ):
        response = peer_client.post(
            reverse("safetyplans:share-list"),
            {"kind": "person", "recipient_id": chosen, "shown_as": "Made-up Sam"},
        )
        page = response.content.decode()
        assert response.status_code == 200
        assert message in page
        assert "Made-up Sam" in page
    assert not PlanShare.objects.exists()


def test_a_share_ends_when_the_person_leaves_the_organisation(
    organisation: Organisation, peer: Person
) -> None:
    plan_with_words(peer, WORDS)
    supporter = person_with_role(organisation, Role.PEER_SUPPORTER)
    share = share_with(peer, supporter)
    OrganisationRole.objects.filter(person=supporter).delete()

    response = client_for(supporter).get(
        reverse("safetyplans:shared-detail", args=[share.pk])
    )

    assert response.status_code == 404
    sharing = client_for(peer).get(reverse("safetyplans:share-list")).content.decode()
    assert "no longer in your organisation" in sharing


def test_a_link_works_signed_out_until_stopped_or_ended(peer: Person) -> None:
    plan_with_words(peer, WORDS)
    share, token = link_share(peer)
    url = reverse("safetyplans:link-view", args=[token])
    anyone = Client()

    response = anyone.get(url)
    assert WORDS in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "no-referrer"
    assert share.views.count() == 1

    PlanShare.objects.filter(pk=share.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    ended = anyone.get(url)
    assert ended.status_code == 404
    assert WORDS not in ended.content.decode()
    assert share.views.count() == 1


def test_a_link_lasts_ninety_days_at_most(peer_client: Client) -> None:
    response = peer_client.post(
        reverse("safetyplans:share-list"), {"kind": "link", "days": "365"}
    )

    assert "A link can last 90 days at most." in response.content.decode()
    assert not PlanShare.objects.exists()


def _with_pin(peer: Person) -> Client:
    plan_with_words(peer, WORDS)
    actions.set_pin(person=peer, pin="2468")
    return client_for(peer)


def test_a_pin_keeps_the_plan_closed_until_entered(peer: Person) -> None:
    client = _with_pin(peer)

    for url in (PLAN, _edit("on-my-own"), reverse("safetyplans:plan-pdf", args=["a4"])):
        closed = client.get(url)
        assert closed.status_code == 302
        assert closed["Location"].startswith(reverse("safetyplans:plan-unlock"))
    unlock = client.get(reverse("safetyplans:plan-unlock")).content.decode()
    assert WORDS not in unlock

    client.post(reverse("safetyplans:plan-unlock"), {"pin": "2468"})
    assert WORDS in client.get(PLAN).content.decode()


def test_the_plan_locks_after_five_idle_minutes(peer: Person) -> None:
    client = _with_pin(peer)
    client.post(reverse("safetyplans:plan-unlock"), {"pin": "2468"})
    session = client.session
    session[lock.SESSION_KEY] = time.time() - lock.IDLE_SECONDS - 1
    session.save()

    assert client.get(PLAN).status_code == 302


def test_five_wrong_pins_bring_a_pause(peer: Person) -> None:
    client = _with_pin(peer)
    unlock = reverse("safetyplans:plan-unlock")

    for _ in range(5):
        wrong = client.post(unlock, {"pin": "1111"}).content.decode()
        assert "did not match" in wrong
    paused = client.post(unlock, {"pin": "2468"}).content.decode()

    assert "Please wait five minutes" in paused
    assert client.get(PLAN).status_code == 302


def test_a_forgotten_pin_is_taken_off_by_the_password_only(peer: Person) -> None:
    client = _with_pin(peer)
    reset = reverse("safetyplans:pin-reset")

    wrong = client.post(reset, {"password": "not the password"}).content.decode()
    assert "did not match" in wrong
    assert SafetyPlan.objects.get(owner=peer).has_pin

    assert client.post(reset, {"password": PASSWORD}).status_code == 302
    assert not SafetyPlan.objects.get(owner=peer).has_pin
    assert WORDS in client.get(PLAN).content.decode()


def test_words_typed_when_the_plan_locks_come_back_after_the_pin(
    peer: Person,
) -> None:
    client = _with_pin(peer)
    client.post(reverse("safetyplans:plan-unlock"), {"pin": "2468"})
    typed = "Made-up words typed just before a break"

    locked = client.post(_edit("on-my-own"), {"text": typed, "lock_after": "1"})

    assert locked.status_code == 302
    assert typed not in str(dict(client.session.items()))
    back = client.post(
        reverse("safetyplans:plan-unlock") + "?section=on-my-own", {"pin": "2468"}
    )
    assert back["Location"] == _edit("on-my-own")
    response = client.get(_edit("on-my-own"))
    assert response.status_code == 200, response.get("Location")
    form = response.content.decode()
    assert typed in form
    assert "What you were typing is back" in form


def test_the_reminder_choice_is_saved(peer: Person, peer_client: Client) -> None:
    peer_client.post(reverse("safetyplans:reminder-edit"), {"review_months": "3"})

    assert SafetyPlan.objects.get(owner=peer).review_months == 3
    bad = peer_client.post(reverse("safetyplans:reminder-edit"), {"review_months": "5"})
    assert bad.status_code == 200
    assert (
        "Select a valid choice" in bad.content.decode()
        or "choose" in bad.content.decode()
    )


def test_the_pdfs_download_without_javascript(
    peer: Person, peer_client: Client
) -> None:
    plan_with_words(peer, WORDS)
    print_page = peer_client.get(reverse("safetyplans:plan-print")).content.decode()

    for layout, filename in (
        ("a4", "my-plan.pdf"),
        ("card", "my-plan-card.pdf"),
        ("large", "my-plan-large-print.pdf"),
    ):
        url = reverse("safetyplans:plan-pdf", args=[layout])
        assert f'href="{url}"' in print_page
        response = peer_client.get(url)
        assert response["Content-Type"] == "application/pdf"
        assert filename in response["Content-Disposition"]
    assert (
        peer_client.get(reverse("safetyplans:plan-pdf", args=["a5"])).status_code == 404
    )
