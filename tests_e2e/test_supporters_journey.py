"""Looking after supporters, in a real browser: sky (a supervisor) records that jo
refreshed a module; jo sees their training and presses "I need help now"; it reaches
sky live, who answers, and jo is told. A supervision note is read by its two people;
an admin gets the same 404 as for anything missing. axe-core checks every page, at
1280 and at 320 px wide.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pyotp
import pytest
from playwright.sync_api import Page, expect

from .accessibility import check_both_widths
from .conftest import (
    FRAN_TOTP_SECRET,
    sign_in,
    sign_in_with_second_step,
)

pytestmark = pytest.mark.browser

SKY_SECRET = pyotp.random_base32()
ADE_SECRET = pyotp.random_base32()
# Fran keeps the key every journey shares, so that no journey leaves her another.
FRAN_SECRET = FRAN_TOTP_SECRET

GIVE_KEYS = f"""
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt
from alongside.accounts.models import Person
for name, secret in [
    ("sky", "{SKY_SECRET}"), ("ade", "{ADE_SECRET}"), ("fran", "{FRAN_SECRET}")
]:
    person = Person.objects.get(username=name)
    Authenticator.objects.filter(user=person).delete()
    Authenticator.objects.create(
        user=person, type=Authenticator.Type.TOTP, data={{"secret": encrypt(secret)}}
    )
"""

JOS_SESSION = """
from alongside.supporters.models import SupervisionSession
print(SupervisionSession.objects.filter(supervisee__username="jo").first().pk)
"""


JOS_MEETING = """
from alongside.meetings.models import Occurrence
from alongside.supporters.models import FacilitatedMeeting
record = FacilitatedMeeting.objects.filter(person__username="jo").first()
occurrence = Occurrence.objects.get(pk=record.occurrence_id)
print(occurrence.meeting.group_id, occurrence.pk, record.debrief.pk)
"""

MOVE_JOS_CALL_ON = """
from datetime import timedelta
from django.utils import timezone
from alongside.safety import actions
from alongside.safety.models import Escalation
call = Escalation.objects.filter(
    person_at_risk__username="jo", reason="supporter_help", status="alerting"
).get()
before = call.alerted.count()
print(actions.move_up_due_escalations(now=timezone.now() + timedelta(minutes=6)))
print(before, call.alerted.count())
print(",".join(sorted(call.alerted.values_list("username", flat=True))))
"""


def test_a_recorded_module_then_help_now_reaches_the_supervisor_live(
    new_page: Callable[..., Page], django_shell: Callable[[str], str]
) -> None:
    django_shell(GIVE_KEYS)
    sky = new_page()
    sign_in_with_second_step(sky, "sky", pyotp.TOTP(SKY_SECRET))

    # Sky records that jo refreshed the module that was running out.
    sky.get_by_role("link", name="Support work", exact=True).click()
    expect(sky.get_by_role("heading", name="My support work")).to_be_visible()
    sky.get_by_role("link", name="Record training").first.click()
    check_both_widths(sky)
    sky.get_by_label("Who completed it").select_option(label="Jo (peer supporter)")
    sky.get_by_label("Module").select_option(label="Knowing your limits in a crisis")
    sky.get_by_role("button", name="Record it").click()
    expect(sky.get_by_role("status")).to_contain_text(
        "Completion recorded: “Knowing your limits in a crisis” for "
        "Jo (peer supporter)."
    )
    sky.goto("/support/riverside/team/")
    check_both_widths(sky)

    # Jo sees it, and asks for help now.
    jo = new_page()
    sign_in(jo, "jo")
    jo.get_by_role("link", name="Your support work").click()
    expect(jo.get_by_role("heading", name="My support work")).to_be_visible()
    crisis = jo.locator("#my-training li").filter(
        has_text="Knowing your limits in a crisis"
    )
    expect(crisis).to_contain_text("Done")
    expect(jo.locator("#my-training")).to_contain_text("Runs out soon")
    check_both_widths(jo)
    jo.get_by_role("button", name="I need help now").click()
    expect(jo.get_by_role("heading", name="You asked for help")).to_be_visible()
    expect(jo.get_by_role("status")).to_contain_text(
        "Your supervisor, and whoever is on duty, have been told"
    )
    check_both_widths(jo)

    # Unanswered, it moves on after five minutes (the clock moved on here) to the
    # next step of Riverside's escalation chain, never to jo.
    moved, counts, alerted = django_shell(MOVE_JOS_CALL_ON).splitlines()
    before, after = (int(count) for count in counts.split())
    assert moved == "1" and after > before and "jo" not in alerted.split(",")

    # It reaches sky's open page live, without a reload.
    alert = sky.locator("#duty-alerts").get_by_role(
        "link", name="Open it and let them know"
    )
    expect(alert).to_be_visible()
    alert.click()
    expect(
        sky.get_by_role("heading", name="A supporter asked for help")
    ).to_be_visible()
    check_both_widths(sky)
    sky.get_by_role("button", name="I have seen this and will be in touch").click()
    expect(sky.get_by_role("status")).to_contain_text("will be in touch")

    jo.reload()
    expect(jo.get_by_role("status")).to_contain_text("has seen it and will be in touch")


def test_a_supervision_note_is_read_by_its_two_people_only(
    new_page: Callable[..., Page], django_shell: Callable[[str], str]
) -> None:
    django_shell(GIVE_KEYS)
    session_id = django_shell(JOS_SESSION)
    path = f"/support/supervision/{session_id}/"

    jo = new_page()
    sign_in(jo, "jo")
    jo.goto(path)
    expect(jo.locator("#session-notes")).to_contain_text("taking a proper break")
    check_both_widths(jo)

    sky = new_page()
    sign_in_with_second_step(sky, "sky", pyotp.TOTP(SKY_SECRET))
    sky.goto(path)
    expect(sky.get_by_label("Supervision notes")).to_have_value(
        re.compile("taking a proper break")
    )
    expect(sky.locator("#session-reflection")).to_contain_text("stepping back")
    check_both_widths(sky)

    ade = new_page()
    sign_in_with_second_step(ade, "ade", pyotp.TOTP(ADE_SECRET))
    response = ade.goto(path)
    assert response is not None and response.status == 404
    ade.goto("/support/riverside/team/")
    expect(ade.locator("main")).to_contain_text("60 minutes, happened")
    expect(ade.locator("main")).not_to_contain_text("taking a proper break")
    ade.goto("/support/riverside/rota/")
    expect(ade.locator("#rota-gaps")).to_contain_text("Live rooms")
    check_both_widths(ade)


def test_someone_untrained_is_told_why_they_cannot_go_on_duty(
    new_page: Callable[..., Page], django_shell: Callable[[str], str]
) -> None:
    """Sky supervises but has no training recorded, and Riverside asks for some
    before going on duty."""
    django_shell(GIVE_KEYS)
    sky = new_page()
    sign_in_with_second_step(sky, "sky", pyotp.TOTP(SKY_SECRET))
    sky.goto("/safety/duty/")
    expect(sky.locator("#duty-training-riverside")).to_contain_text(
        "Before going on duty, you need current training in:"
    )
    check_both_widths(sky)

    sky.get_by_role("button", name="Go on duty for Riverside Peer Support").click()

    expect(sky.get_by_role("status")).to_contain_text("Knowing your limits in a crisis")
    expect(sky.locator("#duty-state-riverside")).to_have_text("You are off duty.")
    check_both_widths(sky)


def test_an_admin_builds_the_path_from_the_starter(
    new_page: Callable[..., Page], django_shell: Callable[[str], str]
) -> None:
    django_shell(GIVE_KEYS)
    ade = new_page()
    sign_in_with_second_step(ade, "ade", pyotp.TOTP(ADE_SECRET))
    ade.goto("/support/riverside/training/")
    check_both_widths(ade)
    endings = ade.locator("#modules li").filter(has_text="Endings")
    endings.get_by_role("link", name=re.compile("Remove")).click()
    check_both_widths(ade)
    ade.get_by_role("button", name="Take it off").click()
    expect(ade.get_by_role("status")).to_contain_text("People's records of it are kept")
    expect(ade.locator("#modules")).not_to_contain_text("Endings")

    ade.get_by_role("button", name="Add the starter path's modules").click()

    expect(ade.get_by_role("status")).to_contain_text(
        "Added 1 module from the starter path."
    )
    expect(ade.locator("#modules")).to_contain_text("Endings")
    ade.get_by_label("Name").fill("Our own module")
    ade.get_by_label("Hours").fill("1.5")
    # Needed for nothing in particular, so that other journeys in this session
    # (fran going on duty) are not changed by it.
    ade.get_by_role("button", name="Add the module").click()
    expect(ade.get_by_role("status")).to_contain_text(
        "“Our own module” is on the path."
    )
    expect(
        ade.locator("#modules li").filter(has_text="Our own module")
    ).to_contain_text("nothing in particular")
    check_both_widths(ade)


def test_who_facilitated_and_a_debrief_that_only_the_supervisor_reads(
    new_page: Callable[..., Page], django_shell: Callable[[str], str]
) -> None:
    django_shell(GIVE_KEYS)
    group_id, occurrence_id, debrief_id = django_shell(JOS_MEETING).split()

    # Fran says who facilitated a meeting that has happened.
    fran = new_page()
    sign_in_with_second_step(fran, "fran", pyotp.TOTP(FRAN_SECRET))
    fran.goto(f"/groups/{group_id}/meetings/{occurrence_id}/")
    fran.get_by_role("link", name="Say who facilitated it").click()
    expect(fran.get_by_role("heading", name="Who facilitated it?")).to_be_visible()
    check_both_widths(fran)
    fran.get_by_role("button", name="Keep who facilitated").click()
    expect(fran.get_by_role("status")).to_contain_text("Thank you, it is kept")

    # Jo changes their debrief; it reaches sky.
    jo = new_page()
    sign_in(jo, "jo")
    jo.goto("/support/riverside/debriefs/")
    expect(jo.locator("#my-facilitated")).to_contain_text("alongside an experienced")
    check_both_widths(jo)
    jo.locator("#my-facilitated").get_by_role(
        "link", name=re.compile("Change your debrief")
    ).click()
    check_both_widths(jo)
    jo.get_by_label("Anything you need?").fill("Ten minutes on endings, please.")
    jo.get_by_role("button", name="Send it to my supervisor").click()
    expect(jo.get_by_role("status")).to_contain_text("Your supervisor can read it")

    sky = new_page()
    sign_in_with_second_step(sky, "sky", pyotp.TOTP(SKY_SECRET))
    sky.goto("/support/riverside/debriefs/")
    sky.locator("#debriefs-received").get_by_role("link").first.click()
    expect(sky.locator("#debrief-needs")).to_contain_text("Ten minutes on endings")
    check_both_widths(sky)

    ade = new_page()
    sign_in_with_second_step(ade, "ade", pyotp.TOTP(ADE_SECRET))
    response = ade.goto(f"/support/debriefs/{debrief_id}/")
    assert response is not None and response.status == 404
