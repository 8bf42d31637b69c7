"""`iso_datetime` and `hour_minute` write exactly what Django's `date:"c"` and
`time:"H:i"` write, in the current time zone, on either side of a clock change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.template import Context, Template
from django.utils import timezone


def rendered(source: str, value: object) -> str:
    return Template("{% load times %}" + source).render(Context({"value": value}))


MOMENTS = [
    datetime(2026, 3, 29, 0, 59, 59, tzinfo=UTC),
    datetime(2026, 3, 29, 1, 0, 0, tzinfo=UTC),
    datetime(2026, 10, 25, 0, 30, 0, 123456, tzinfo=UTC),
    datetime(2026, 10, 25, 1, 30, 0, tzinfo=UTC),
    datetime(2026, 12, 31, 23, 59, 0, 1, tzinfo=UTC),
]


@pytest.mark.parametrize("moment", MOMENTS, ids=str)
@pytest.mark.parametrize("zone", ["Europe/London", "UTC", "Asia/Kolkata"])
def test_they_write_what_djangos_formats_write(moment: datetime, zone: str) -> None:
    with timezone.override(zone):
        for value in (moment, moment + timedelta(minutes=1)):
            assert rendered("{{ value|iso_datetime }}", value) == rendered(
                "{{ value|date:'c' }}", value
            )
            assert rendered("{{ value|hour_minute }}", value) == rendered(
                "{{ value|time:'H:i' }}", value
            )


@pytest.mark.parametrize("value", [None, ""])
def test_nothing_is_written_for_no_time(value: object) -> None:
    assert rendered("{{ value|iso_datetime }}{{ value|hour_minute }}", value) == ""
