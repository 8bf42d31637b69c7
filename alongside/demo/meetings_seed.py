"""Riverside's meetings and venues for the demo: "Living with loss" meets every
other Tuesday evening at the community centre (checklist complete), "Evening
circle" meets weekly online in its live room, "Carers' cuppa" meets on the first
Saturday of the month, and the church hall's checklist is overdue, so staff see the
block. Sam has said they will come to the next Living with loss meeting and chose a
reminder an hour before Evening circle. Written here, in our own words."""

from __future__ import annotations

from datetime import date, time, timedelta

from django.utils import timezone

from alongside.accounts.models import Person
from alongside.meetings import actions
from alongside.meetings.models import (
    CHECKLIST,
    DEFAULT_TIME_ZONE,
    BankHolidays,
    Frequency,
    Meeting,
    OnlinePlace,
    Reminder,
    StepFree,
    Venue,
)
from alongside.meetings.recurrence import Schedule
from alongside.organisations.models import Organisation
from alongside.peergroups.models import Format, PeerGroup

CENTRE = {
    "name": "Riverside community centre, Room 2",
    "address": "Riverside Community Centre\n14 Wharf Road\nRiverside RV1 2AB",
    "step_free": StepFree.YES,
    "step_free_route": "Level entrance by the car park; the front has two steps.",
    "door_widths": "All doors at least 90 cm.",
    "lift": "No lift needed: Room 2 is on the ground floor.",
    "accessible_toilet": "Next to Room 2.",
    "hearing_loop": "A loop in Room 2; the centre's staff can switch it on.",
    "quiet_room": "Room 3 across the corridor is kept free for us.",
    "lighting_and_noise": "Soft lamps; the café can be busy until 6pm.",
    "seating": "Armchairs and upright chairs with arms.",
    "assistance_dogs": "Welcome; water bowl at reception.",
    "parking": "Free after 6pm, two blue-badge bays by the side door.",
    "transport": "Bus 12 and 31 stop outside; Riverside station is 10 minutes' walk.",
    "not_overheard": "Yes: Room 2 has its own door and no shared wall with the café.",
    "building_users": "Youth club on Tuesdays until 7pm; a choir on Thursdays.",
    "seen_going_in": "The side door is away from the street.",
    "route_from_transport": "Well lit from the bus stop; the station path is quieter.",
    "atmosphere": "Welcoming, more like a front room than an office.",
    "refreshments": "Tea, coffee and biscuits; tell us what you can eat.",
    "space_away": "Room 3 across the corridor, or the garden bench by the side door.",
}
HALL = {
    "name": "St Mark's church hall",
    "address": "St Mark's Church Hall\nMill Lane\nRiverside RV3 9CD",
    "step_free": StepFree.PARTLY,
    "step_free_route": "A ramp at the back door; the front has steps.",
    "quiet_room": "The vestry, if it is free.",
    "space_away": "The vestry, if it is free.",
}


def _next(weekday: int, at_least: int = 2) -> date:
    """The first given weekday at least `at_least` days from today."""
    day = timezone.localdate() + timedelta(days=at_least)
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _venue(fran: Person, riverside: Organisation, facts: dict[str, str]) -> Venue:
    existing = Venue.objects.filter(organisation=riverside, name=facts["name"]).first()
    if existing is not None:
        return existing
    fields: dict[str, object] = dict(facts)
    return actions.save_venue(
        person=fran, organisation=riverside, venue=None, fields=fields
    )


def seed_meetings(
    people: dict[str, Person],
    *,
    riverside: Organisation,
    loss: PeerGroup,
    evening: PeerGroup,
    carers: PeerGroup,
) -> None:
    fran, sam = people["fran"], people["sam"]
    centre = _venue(fran, riverside, CENTRE)
    hall = _venue(fran, riverside, HALL)
    if centre.checklist_completed_on is None:
        actions.complete_checklist(
            person=fran,
            venue=centre,
            ticked=[name for name, _ in CHECKLIST],
            today=timezone.localdate() - timedelta(days=60),
        )
    if hall.checklist_completed_on is None:
        # Done fourteen months ago and not reviewed since: the block shows.
        actions.complete_checklist(
            person=fran,
            venue=hall,
            ticked=[name for name, _ in CHECKLIST],
            today=timezone.localdate() - timedelta(days=425),
        )
    if Meeting.objects.filter(group__in=[loss, evening, carers]).exists():
        return
    actions.create_meeting(
        person=fran,
        group=loss,
        schedule=Schedule(
            starts_on=_next(1),
            local_start_time=time(19, 0),
            duration_minutes=90,
            time_zone=DEFAULT_TIME_ZONE,
            frequency=Frequency.WEEKLY,
            interval=2,
            count=13,
            skips_bank_holidays=BankHolidays.ENGLAND_AND_WALES,
        ),
        place=actions.Place(
            format=Format.IN_PERSON, venue=centre, in_person_host="Fran and Jo"
        ),
    )
    actions.create_meeting(
        person=fran,
        group=evening,
        schedule=Schedule(
            starts_on=_next(3, at_least=1),
            local_start_time=time(20, 0),
            duration_minutes=60,
            time_zone=DEFAULT_TIME_ZONE,
            frequency=Frequency.WEEKLY,
            count=26,
        ),
        place=actions.Place(
            format=Format.ONLINE,
            online_place=OnlinePlace.LIVE_ROOM,
            online_host="Evening Fran",
        ),
    )
    actions.create_meeting(
        person=fran,
        group=carers,
        schedule=Schedule(
            starts_on=_first_saturday(),
            local_start_time=time(10, 0),
            duration_minutes=90,
            time_zone=DEFAULT_TIME_ZONE,
            frequency=Frequency.MONTHLY,
            week_of_month=1,
            count=6,
        ),
        place=actions.Place(format=Format.IN_PERSON, venue=centre),
        capacity=12,
    )
    first = loss.meetings.get().occurrences.order_by("starts_at").first()
    assert first is not None
    actions.say_coming(person=sam, occurrence=first)
    actions.save_meeting_choice(
        person=sam, group=evening, reminders=[Reminder.HOUR], calendar_names_group=False
    )


def _first_saturday() -> date:
    """The next first Saturday of a month, at least two days away."""
    day = timezone.localdate() + timedelta(days=2)
    while True:
        first = day.replace(day=1)
        saturday = first + timedelta(days=(5 - first.weekday()) % 7)
        if saturday >= day:
            return saturday
        day = (first + timedelta(days=32)).replace(day=1)
