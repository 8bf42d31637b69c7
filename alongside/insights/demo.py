"""Riverside's insights for the demo: two quarters of meetings that have been held
(with head counts), incidents recorded against them, felt-safety answers and some
anonymous feedback, so that the dashboard draws real charts. Carers' cuppa has only
a few answers, so it shows "not enough answers yet". Living with loss has parting
notes from people who left: five the facilitator can read, and two still waiting
for more. Evening circle's facilitator has said what changed in response. Written
here, in our own words.

The meetings and incidents go through their apps' actions. Past answers cannot (a
meeting is answered about within three days of it), so the demo writes them as the
action would: no person, only the day.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from django.utils import timezone

from alongside.accounts.models import Person
from alongside.meetings import actions as meeting_actions
from alongside.meetings.models import (
    DEFAULT_TIME_ZONE,
    Frequency,
    Occurrence,
    OnlinePlace,
)
from alongside.meetings.recurrence import Schedule
from alongside.organisations.models import Organisation
from alongside.peergroups.models import Format, PeerGroup
from alongside.safety import actions as safety_actions
from alongside.safety.models import IncidentCategory, Severity

from . import actions
from .models import Answer, Kind
from .permissions import last_day_of_month
from .rates import last_quarters

FEEDBACK = (
    "The new start time works much better for me.",
    "It would help to have a short break halfway through.",
    "I liked that nobody was pushed to speak.",
    "Sometimes one person talks for a long time and others don't get a turn.",
    "Thank you for the reminder about the group agreement at the start.",
    "The room was cold last time.",
)
PARTING_NOTES = (
    "Thank you all. I have found a group that meets nearer to home.",
    "The evening meetings stopped working with my shifts.",
    "I feel ready to manage on my own now, thanks to this group.",
    "I found it hard when the group got bigger; it felt less personal.",
    "Thank you for listening when I needed it most.",
    "I may come back later in the year.",
    "The reminders about the agreement helped me feel safe here.",
)
WHAT_HAPPENED = {
    IncidentCategory.AGREEMENT: "Someone spoke over others repeatedly; the "
    "facilitator reminded the group of its agreement.",
    IncidentCategory.ABUSE: "A hostile remark was made; the facilitator paused "
    "the conversation and spoke to the person afterwards.",
    IncidentCategory.CONFIDENTIALITY: "A member mentioned something shared in an "
    "earlier meeting outside the group.",
    IncidentCategory.SELF_HARM: "A member said they had hurt themselves recently; "
    "the facilitator followed the crisis pathway.",
    IncidentCategory.OTHER: "A meeting ended early because of a fire alarm.",
}


def _past_series(
    fran: Person, group: PeerGroup, starts_on: date, *, days_a_week: int, every: int
) -> list[int]:
    """Weekly series (one per meeting day) for 26 weeks from `starts_on`, every
    `every` weeks; the ids of their dates."""
    ids: list[int] = []
    for day in range(days_a_week):
        first = starts_on + timedelta(days=day)
        meeting = meeting_actions.create_meeting(
            person=fran,
            group=group,
            schedule=Schedule(
                starts_on=first,
                local_start_time=time(18, 30),
                duration_minutes=60,
                time_zone=DEFAULT_TIME_ZONE,
                frequency=Frequency.WEEKLY,
                interval=every,
                count=26 // every,
            ),
            place=meeting_actions.Place(
                format=Format.ONLINE,
                online_place=OnlinePlace.LIVE_ROOM,
                online_host="Fran",
            ),
            is_shown_to_newcomers=False,
            # As if the facilitator had set it up the day before it began.
            now=datetime.combine(first - timedelta(days=1), time(12, 0), UTC),
        )
        ids.extend(meeting.occurrences.values_list("pk", flat=True))
    return ids


def seed_insights(
    people: dict[str, Person],
    *,
    riverside: Organisation,
    loss: PeerGroup,
    evening: PeerGroup,
    carers: PeerGroup,
) -> None:
    if Answer.objects.filter(group__organisation=riverside).exists():
        return
    chance = random.Random(18)
    fran = people["fran"]
    quarters = last_quarters(2)
    start = quarters[0].start
    today = timezone.localdate()
    # Evening circle meets every evening; Living with loss every week; Carers'
    # cuppa every four weeks.
    for group, days_a_week, every, counts, answers, incident_chance in (
        (evening, 7, 1, (9, 15), 70, 0.2),
        (loss, 1, 1, (6, 11), 24, 0.3),
        (carers, 1, 4, (4, 8), 3, 0.2),
    ):
        occurrences = Occurrence.objects.filter(
            pk__in=_past_series(
                fran, group, start, days_a_week=days_a_week, every=every
            )
        ).order_by("starts_at")
        for occurrence in occurrences:
            meeting_actions.record_head_count(
                person=fran, occurrence=occurrence, head_count=chance.randint(*counts)
            )
        held = [o for o in occurrences if o.starts_at.date() < today]
        for number in range(answers):
            occurrence = held[number * len(held) // answers]
            felt = chance.choices([2, 3, 4, 5], weights=[1, 2, 5, 4])[0]
            Answer.objects.create(
                group=group,
                meeting=occurrence.meeting,
                kind=Kind.MEETING,
                answered_on=occurrence.starts_at.date() + timedelta(days=1),
                felt_safe=felt,
                could_say=max(1, min(5, felt + chance.choice([-1, 0, 0, 1]))),
            )
        for number, occurrence in enumerate(held):
            if chance.random() < incident_chance:
                category = chance.choices(list(WHAT_HAPPENED), weights=[5, 2, 1, 1, 1])[
                    0
                ]
                safety_actions.record_incident(
                    person=fran,
                    organisation=riverside,
                    group=group,
                    category=category,
                    severity=Severity.HIGH
                    if category == IncidentCategory.SELF_HARM
                    else chance.choice([Severity.LOW, Severity.MODERATE]),
                    what_happened=f"{WHAT_HAPPENED[category]} (Meeting {number + 1}.)",
                    occurred_at=occurrence.starts_at + timedelta(minutes=30),
                )
    for number, text in enumerate(FEEDBACK):
        Answer.objects.create(
            group=loss,
            kind=Kind.ANYTIME,
            answered_on=today - timedelta(days=20 + 3 * number),
            text=text,
        )
    _seed_parting_notes(loss, today)
    actions.record_change(
        person=fran,
        group=evening,
        you_said="Some of you said one or two people sometimes take up most of "
        "the time.",
        we_did="We now start with a round where everyone can say a few words or "
        "pass, and we keep an eye on the clock.",
    )


def _seed_parting_notes(group: PeerGroup, today: date) -> None:
    """Notes from people who left, written as the action writes them: no person,
    the month alone (as its last day). Six from earlier months (five shown, one
    waiting for more) and one from this month (its window has not closed)."""
    for number, text in enumerate(PARTING_NOTES):
        month = today.replace(day=1) - timedelta(days=32 * (3 - number // 3))
        if number == len(PARTING_NOTES) - 1:
            month = today
        Answer.objects.create(
            group=group,
            kind=Kind.PARTING,
            answered_on=last_day_of_month(month),
            text=text,
        )
