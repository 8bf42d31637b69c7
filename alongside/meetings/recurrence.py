"""The dates a meeting series makes: an RFC 5545 rule (python-dateutil's rrule) in
the group's local wall time, less any bank holidays it skips, then turned into UTC.

Working in wall time keeps 7pm at 7pm across both clock changes. A wall time that
does not exist (the hour skipped in spring) or happens twice (the hour repeated in
autumn) is refused with a message naming the date, rather than guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil import rrule
from django.core.exceptions import ValidationError

from .bank_holidays import bank_holidays
from .models import MAX_OCCURRENCES, Frequency

WEEKDAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}
# Without an end date or count, a series stops a year on: nobody is left with
# meetings for ever, and the facilitator can always add more.
OPEN_ENDED = timedelta(days=366)


@dataclass(frozen=True)
class Schedule:
    """A series as typed into the form, before it is saved."""

    starts_on: date
    local_start_time: time
    duration_minutes: int
    time_zone: str
    frequency: str = Frequency.ONCE
    interval: int = 1
    week_of_month: int | None = None
    until: date | None = None
    count: int | None = None
    skips_bank_holidays: str = ""


@dataclass(frozen=True)
class Slot:
    starts_at: datetime  # UTC
    ends_at: datetime  # UTC


def rule_for(schedule: Schedule) -> rrule.rrule:
    """The series as a dateutil rule over naive local wall times."""
    start = datetime.combine(schedule.starts_on, schedule.local_start_time)
    if schedule.frequency == Frequency.ONCE:
        return rrule.rrule(rrule.DAILY, dtstart=start, count=1)
    if schedule.until is None and schedule.count is None:
        until = datetime.combine(schedule.starts_on + OPEN_ENDED, time.max)
    elif schedule.until is not None:
        until = datetime.combine(schedule.until, time.max)
    else:
        until = None
    # Bank holidays are taken out after the rule, so the count asked for is made of
    # meetings that happen: ask the rule for enough to cover the ones skipped.
    count = None if schedule.count is None or until is not None else schedule.count + 60
    if schedule.frequency == Frequency.WEEKLY:
        return rrule.rrule(
            rrule.WEEKLY,
            dtstart=start,
            interval=max(schedule.interval, 1),
            until=until,
            count=count,
        )
    weekday = WEEKDAYS[schedule.starts_on.weekday()]
    week = schedule.week_of_month or week_of_month(schedule.starts_on)
    return rrule.rrule(
        rrule.MONTHLY,
        dtstart=start,
        interval=max(schedule.interval, 1),
        byweekday=weekday(week),
        until=until,
        count=count,
    )


def week_of_month(day: date) -> int:
    """Which of its weekday the date is in its month: 1 to 4, or -1 when it is the
    fifth (a fifth Tuesday recurs as the last Tuesday)."""
    number = (day.day - 1) // 7 + 1
    return -1 if number == 5 else number


def describe(schedule: Schedule) -> str:
    """The rule in plain words, such as "Every second Tuesday of the month"."""
    weekday = f"{schedule.starts_on:%A}"
    if schedule.frequency == Frequency.ONCE:
        return "Once"
    if schedule.frequency == Frequency.WEEKLY:
        if schedule.interval == 1:
            return f"Every {weekday}"
        if schedule.interval == 2:
            return f"Every other {weekday}"
        return f"Every {schedule.interval} weeks on {weekday}"
    week = schedule.week_of_month or week_of_month(schedule.starts_on)
    every = "month" if schedule.interval == 1 else f"{schedule.interval} months"
    return f"The {ORDINALS[week]} {weekday} of every {every}"


def local_slots(schedule: Schedule) -> list[datetime]:
    """The naive local start times the series makes, bank holidays taken out.

    Raises ValidationError when it would make more than MAX_OCCURRENCES.
    """
    skipped = bank_holidays(schedule.skips_bank_holidays)
    slots: list[datetime] = []
    for start in rule_for(schedule):
        if start.date() in skipped:
            continue
        slots.append(start)
        if schedule.count is not None and len(slots) == schedule.count:
            break
        if len(slots) > MAX_OCCURRENCES:
            raise ValidationError(
                f"That would make more than {MAX_OCCURRENCES} meetings. Please "
                "choose an earlier end date or fewer meetings; you can always add "
                "more later."
            )
    return slots


def to_utc(local: datetime, zone: ZoneInfo) -> datetime:
    """A naive local wall time as UTC. Raises ValidationError when the clocks go
    forward past it (it never happens) or back over it (it happens twice)."""
    first = local.replace(tzinfo=zone, fold=0)
    second = local.replace(tzinfo=zone, fold=1)
    when = f"{local:%-I:%M%p} on {local.day} {local:%B %Y}".replace("AM", "am")
    when = when.replace("PM", "pm")
    if first.utcoffset() != second.utcoffset():
        there = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
        if there != local:
            raise ValidationError(
                f"The clocks go forward then, so {when} does not happen. Please "
                "choose a time at least an hour later or earlier."
            )
        raise ValidationError(
            f"The clocks go back then, so {when} happens twice. Please choose a "
            "time an hour later or earlier."
        )
    return first.astimezone(UTC)


def slots_for(schedule: Schedule) -> list[Slot]:
    """Every date of the series in UTC, checked against the clock changes."""
    zone = ZoneInfo(schedule.time_zone)
    length = timedelta(minutes=schedule.duration_minutes)
    slots = []
    for local in local_slots(schedule):
        starts_at = to_utc(local, zone)
        # The end is worked out in wall time too: a meeting that runs over a clock
        # change still ends at the time on the clock people expect.
        ends_at = to_utc_lenient(local + length, zone)
        slots.append(Slot(starts_at=starts_at, ends_at=ends_at))
    return slots


def to_utc_lenient(local: datetime, zone: ZoneInfo) -> datetime:
    """As to_utc, but an end time in the skipped or repeated hour takes the earlier
    reading instead of being refused: only the start must be exact."""
    return local.replace(tzinfo=zone, fold=0).astimezone(UTC)
