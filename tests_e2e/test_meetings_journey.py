"""A group's meetings, from the checklist to the calendar.

The facilitator tries to hold a fortnightly series at a venue whose being-safe
checklist is overdue and is told why; completes the checklist; creates the series;
moves one date and cancels another. A member (on a 320 px phone) sees the series,
says they will come, chooses a one-hour reminder and downloads the calendar entry,
which is neutral. Another member sees no names and no count; the facilitator sees
only "fewer than 8". An online link appears only from 15 minutes before the start.
axe runs on every page, at 1280 and at 320 px.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pyotp
import pytest
from icalendar import Calendar
from playwright.sync_api import Page, expect

from .conftest import check_accessibility, screenshot, sign_in, sign_in_with_second_step

pytestmark = pytest.mark.browser

PASSWORD = "alongside-demo"
NARROW = {"width": 320, "height": 720}

SET_UP = f"""
from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, OrganisationRole
from alongside.peergroups.models import Membership, PeerGroup
riverside = Organisation.objects.get(slug="riverside")
carers = PeerGroup.objects.get(slug="carers-cuppa")
person, _ = Person.objects.get_or_create(username="rowan")
person.set_password("{PASSWORD}")
person.save()
OrganisationRole.objects.get_or_create(organisation=riverside, person=person)
Membership.objects.get_or_create(
    group=carers,
    person=person,
    defaults={{"display_name": "Rowan", "status": "active"}},
)
print(carers.pk)
print(riverside.slug)
"""

# Two online meetings of Evening circle by link: one in ten minutes, one in an hour.
ONLINE = """
from datetime import timedelta
from django.utils import timezone
from alongside.meetings.models import Meeting, Occurrence
from alongside.peergroups.models import PeerGroup
evening = PeerGroup.objects.get(slug="evening-circle")
ids = []
for minutes in (10, 60):
    meeting = Meeting.objects.create(
        group=evening, format="online", online_place="link",
        online_link="https://meet.example.org/evening-room",
        starts_on=timezone.localdate(), local_start_time="20:00",
    )
    start = timezone.now() + timedelta(minutes=minutes)
    ids.append(Occurrence.objects.create(
        meeting=meeting, slot_at=start, starts_at=start,
        ends_at=start + timedelta(hours=1),
    ).pk)
print(evening.pk)
print(ids[0])
print(ids[1])
"""


def next_wednesday() -> date:
    day = date.today() + timedelta(days=3)
    return day + timedelta(days=(2 - day.weekday()) % 7)


def fill_series(page: Page, first: date, venue: str) -> None:
    page.get_by_label("Date of the first meeting").fill(first.isoformat())
    page.get_by_label("Start time").fill("18:00")
    page.get_by_label("How long, in minutes").fill("90")
    page.get_by_label("Every week, or every few weeks").check()
    page.get_by_label(re.compile("Every how many weeks")).fill("2")
    page.get_by_label("After a number of meetings").check()
    page.get_by_label(re.compile("Number of meetings")).fill("6")
    page.get_by_label("In person", exact=True).check()
    page.get_by_label(re.compile("^Venue")).select_option(label=venue)


def test_a_fortnightly_series_from_checklist_to_calendar(
    new_page: Callable[..., Page],
    django_shell: Callable[[str], str],
    fran_totp: pyotp.TOTP,
    tmp_path: Path,
) -> None:
    group_id, slug = django_shell(SET_UP).splitlines()[-2:]
    first = next_wednesday()

    # The overdue checklist blocks the series, with a message and nothing lost.
    fran = new_page()
    sign_in_with_second_step(fran, "fran", fran_totp)
    fran.goto(f"/groups/{group_id}/meetings/")
    check_accessibility(fran)
    fran.get_by_role("link", name="Add a meeting").click()
    fill_series(fran, first, "St Mark's church hall")
    check_accessibility(fran)
    fran.get_by_role("button", name="Add the meeting").click()
    expect(fran.get_by_text("checklist needs completing")).to_be_visible()
    expect(fran.get_by_label(re.compile("Number of meetings"))).to_have_value("6")
    check_accessibility(fran)

    # Fran completes the checklist, then the series goes in.
    fran.goto(f"/services/{slug}/venues/")
    check_accessibility(fran)
    fran.get_by_role("link", name="St Mark's church hall").click()
    expect(fran.get_by_text("overdue for its yearly review")).to_be_visible()
    check_accessibility(fran)
    fran.get_by_role("link", name="Review the checklist").or_(
        fran.get_by_role("link", name="Complete the checklist")
    ).click()
    for box in fran.get_by_role("checkbox").all():
        box.check()
    check_accessibility(fran)
    fran.get_by_role("button", name="The checklist is complete").click()
    expect(fran.get_by_text("The checklist is complete.")).to_be_visible()
    fran.goto(f"/groups/{group_id}/meetings/new/")
    fill_series(fran, first, "St Mark's church hall")
    fran.get_by_label("Who holds the room").fill("Fran C")
    fran.get_by_role("button", name="Add the meeting").click()
    expect(fran.get_by_text("The meeting is in the group's calendar.")).to_be_visible()

    # One date moves and another is cancelled; the rest stay.
    wednesdays = fran.get_by_role("link", name=re.compile("^Wednesday"))
    expect(wednesdays).to_have_count(6)
    wednesdays.nth(1).click()
    check_accessibility(fran)
    moved_to = first + timedelta(days=15)
    fran.get_by_label("New date").fill(moved_to.isoformat())
    fran.get_by_label("New start time").fill("17:30")
    fran.get_by_role("button", name="Move this meeting").click()
    expect(fran.get_by_text("That meeting has moved.")).to_be_visible()
    fran.goto(f"/groups/{group_id}/meetings/")
    fran.get_by_role("link", name=re.compile("^Wednesday")).nth(2).click()
    third_url = fran.url
    fran.get_by_role("button", name="Cancel this meeting").click()
    expect(fran.get_by_text("This meeting is cancelled.")).to_be_visible()
    fran.goto(f"/groups/{group_id}/meetings/")
    expect(fran.get_by_text("Moved", exact=True)).to_be_visible()
    expect(fran.get_by_text("Cancelled", exact=True)).to_be_visible()
    check_accessibility(fran)
    screenshot(fran, "meetings-list")

    # Sam, on a narrow phone, says they will come and chooses a reminder.
    sam = new_page(NARROW)
    sign_in(sam, "sam")
    sam.goto(f"/groups/{group_id}/")
    check_accessibility(sam)
    sam.get_by_role("link", name=re.compile("All meetings")).click()
    check_accessibility(sam)
    sam.get_by_role("link", name=re.compile("^Wednesday")).first.click()
    expect(sam.get_by_text("Mill Lane")).to_be_visible()
    check_accessibility(sam)
    sam.get_by_role("button", name="I plan to come").click()
    expect(sam.get_by_text("You said you will come.")).to_be_visible()
    check_accessibility(sam)
    screenshot(sam, "meetings-member-detail-320")
    with sam.expect_download() as download_info:
        sam.get_by_role("link", name=re.compile("Add to my calendar")).click()
    saved = tmp_path / "meeting.ics"
    download_info.value.save_as(saved)
    (event,) = Calendar.from_ical(saved.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Alongside meeting"
    assert "ATTENDEE" not in event
    assert b"Carers" not in saved.read_bytes()
    sam.goto(f"/groups/{group_id}/meetings/my-choices/")
    check_accessibility(sam)
    sam.get_by_label("An hour before").check()
    sam.get_by_role("button", name="Save my choices").click()
    expect(sam.get_by_text("Your choices for this group are saved.")).to_be_visible()
    sam.goto(third_url)
    expect(sam.get_by_text("This meeting is cancelled.")).to_be_visible()
    expect(sam.get_by_role("button", name="I plan to come")).to_have_count(0)

    # Nobody else sees who is coming; the facilitator sees a rounded count only.
    rowan = new_page()
    sign_in(rowan, "rowan")
    rowan.goto(f"/groups/{group_id}/meetings/")
    rowan.get_by_role("link", name=re.compile("^Wednesday")).first.click()
    check_accessibility(rowan)
    expect(rowan.get_by_text("Steady Oak")).to_have_count(0)
    expect(rowan.get_by_text("fewer than 8")).to_have_count(0)
    fran.goto(f"/groups/{group_id}/meetings/")
    fran.get_by_role("link", name=re.compile("^Wednesday")).first.click()
    expect(fran.get_by_text("fewer than 8")).to_be_visible()
    screenshot(fran, "meetings-facilitator-detail")
    expect(fran.get_by_text("Steady Oak")).to_have_count(0)

    # The online link is out 15 minutes before the start, and not before.
    evening_id, soon, later = django_shell(ONLINE).splitlines()[-3:]
    sam.goto(f"/groups/{evening_id}/meetings/{later}/")
    expect(sam.get_by_text("appears here 15 minutes before")).to_be_visible()
    expect(sam.get_by_role("link", name="Join online")).to_have_count(0)
    sam.goto(f"/groups/{evening_id}/meetings/{soon}/")
    expect(sam.get_by_role("link", name="Join online")).to_be_visible()
    check_accessibility(sam)
