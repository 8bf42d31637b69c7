"""The dates a series makes: local wall time kept across both clock changes, bank
holidays skipped, and times the clocks skip or repeat refused with a message."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from django.core.exceptions import ValidationError

from alongside.meetings.bank_holidays import bank_holidays
from alongside.meetings.models import BankHolidays, Frequency
from alongside.meetings.recurrence import Schedule, describe, slots_for

LONDON = "Europe/London"


def weekly(**fields: object) -> Schedule:
    values: dict[str, object] = {
        "starts_on": date(2026, 3, 17),
        "local_start_time": time(19, 0),
        "duration_minutes": 90,
        "time_zone": LONDON,
        "frequency": Frequency.WEEKLY,
        "count": 4,
    }
    values.update(fields)
    return Schedule(**values)  # type: ignore[arg-type]


def test_weekly_evening_stays_at_seven_across_the_spring_clock_change() -> None:
    # Clocks go forward on Sunday 29 March 2026: 7pm is 19:00 UTC before, 18:00 after.
    starts = [slot.starts_at for slot in slots_for(weekly())]

    assert starts == [
        datetime(2026, 3, 17, 19, 0, tzinfo=UTC),
        datetime(2026, 3, 24, 19, 0, tzinfo=UTC),
        datetime(2026, 3, 31, 18, 0, tzinfo=UTC),
        datetime(2026, 4, 7, 18, 0, tzinfo=UTC),
    ]


def test_weekly_evening_stays_at_seven_across_the_autumn_clock_change() -> None:
    # Clocks go back on Sunday 25 October 2026.
    starts = [
        slot.starts_at
        for slot in slots_for(weekly(starts_on=date(2026, 10, 20), count=2))
    ]

    assert starts == [
        datetime(2026, 10, 20, 18, 0, tzinfo=UTC),
        datetime(2026, 10, 27, 19, 0, tzinfo=UTC),
    ]


def test_a_meeting_over_the_night_the_clocks_go_forward_ends_on_the_clock() -> None:
    schedule = weekly(
        starts_on=date(2026, 3, 29),
        local_start_time=time(0, 30),
        duration_minutes=120,
        frequency=Frequency.ONCE,
        count=None,
    )

    (slot,) = slots_for(schedule)

    # 00:30 GMT to 02:30 BST: one real hour passes, as the clock says 2:30.
    assert slot.starts_at == datetime(2026, 3, 29, 0, 30, tzinfo=UTC)
    assert slot.ends_at == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


def test_a_time_the_clocks_skip_is_refused_with_the_date() -> None:
    schedule = weekly(
        starts_on=date(2026, 3, 29),
        local_start_time=time(1, 30),
        frequency=Frequency.ONCE,
        count=None,
    )

    with pytest.raises(ValidationError, match="29 March 2026 does not happen"):
        slots_for(schedule)


def test_a_time_that_happens_twice_is_refused_with_the_date() -> None:
    schedule = weekly(
        starts_on=date(2026, 10, 18),
        local_start_time=time(1, 30),
        frequency=Frequency.WEEKLY,
        count=3,
    )

    with pytest.raises(ValidationError, match="25 October 2026 happens twice"):
        slots_for(schedule)


def test_monthly_second_tuesday() -> None:
    schedule = weekly(starts_on=date(2026, 1, 13), frequency=Frequency.MONTHLY, count=3)

    days = [slot.starts_at.date() for slot in slots_for(schedule)]

    assert days == [date(2026, 1, 13), date(2026, 2, 10), date(2026, 3, 10)]
    assert describe(schedule) == "The second Tuesday of every month"


def test_monthly_last_friday() -> None:
    schedule = weekly(
        starts_on=date(2026, 1, 30),
        frequency=Frequency.MONTHLY,
        week_of_month=-1,
        count=3,
    )

    days = [slot.starts_at.date() for slot in slots_for(schedule)]

    assert days == [date(2026, 1, 30), date(2026, 2, 27), date(2026, 3, 27)]


def test_fortnightly_until_a_date() -> None:
    schedule = weekly(
        starts_on=date(2026, 6, 2), interval=2, count=None, until=date(2026, 7, 1)
    )

    days = [slot.starts_at.date() for slot in slots_for(schedule)]

    assert days == [date(2026, 6, 2), date(2026, 6, 16), date(2026, 6, 30)]
    assert describe(schedule) == "Every other Tuesday"


def test_bank_holidays_are_skipped_and_the_count_is_still_met() -> None:
    # Mondays from 30 March 2026: Easter Monday (6 April) is a bank holiday in
    # England and Wales but not in Scotland.
    english = weekly(
        starts_on=date(2026, 3, 30),
        count=3,
        skips_bank_holidays=BankHolidays.ENGLAND_AND_WALES,
    )
    scottish = weekly(
        starts_on=date(2026, 3, 30), count=3, skips_bank_holidays=BankHolidays.SCOTLAND
    )

    assert [s.starts_at.date() for s in slots_for(english)] == [
        date(2026, 3, 30),
        date(2026, 4, 13),
        date(2026, 4, 20),
    ]
    assert [s.starts_at.date() for s in slots_for(scottish)] == [
        date(2026, 3, 30),
        date(2026, 4, 6),
        date(2026, 4, 13),
    ]


def test_each_division_has_its_own_holidays() -> None:
    assert date(2026, 3, 17) in bank_holidays(BankHolidays.NORTHERN_IRELAND)
    assert date(2026, 3, 17) not in bank_holidays(BankHolidays.ENGLAND_AND_WALES)
    assert date(2026, 11, 30) in bank_holidays(BankHolidays.SCOTLAND)
    assert date(2026, 12, 28) in bank_holidays(BankHolidays.ENGLAND_AND_WALES)
    assert bank_holidays("") == frozenset()


def test_a_series_of_more_than_500_is_refused() -> None:
    schedule = weekly(starts_on=date(2026, 1, 1), count=None, until=date(2040, 1, 1))

    with pytest.raises(ValidationError, match="more than 500"):
        slots_for(schedule)
