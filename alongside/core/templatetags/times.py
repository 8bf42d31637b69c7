"""Two ways of writing a time that read the same in every language, for templates
rendered once for every message: `{{ value|iso_datetime }}` is Django's
`{{ value|date:"c" }}` and `{{ value|hour_minute }}` is `{{ value|time:"H:i" }}`,
each in the current time zone as those are, without the look-ups of the language's
formats that those make (several times the cost of writing the time itself)."""

from __future__ import annotations

from datetime import date, datetime
from datetime import time as clock_time

from django import template

register = template.Library()


@register.filter(expects_localtime=True)
def iso_datetime(value: datetime | date | str | None) -> str:
    if value is None or isinstance(value, str):
        return ""
    return value.isoformat()


@register.filter(expects_localtime=True)
def hour_minute(value: datetime | clock_time | str | None) -> str:
    if value is None or isinstance(value, str):
        return ""
    return f"{value.hour:02d}:{value.minute:02d}"
