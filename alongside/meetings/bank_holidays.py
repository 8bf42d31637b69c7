"""UK bank holidays for England and Wales, Scotland and Northern Ireland, read from
the file shipped beside this module (never fetched).

`data/uk-bank-holidays.json` has the shape of GOV.UK's own bank-holidays.json, so it
is refreshed by replacing it with that file once a year (see docs/meetings.md).
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "uk-bank-holidays.json"
DIVISIONS = ("england-and-wales", "scotland", "northern-ireland")


@cache
def bank_holidays(division: str) -> frozenset[date]:
    """Every bank holiday the file lists for the division; empty for none."""
    if division not in DIVISIONS:
        return frozenset()
    events = json.loads(DATA.read_text())[division]["events"]
    return frozenset(date.fromisoformat(event["date"]) for event in events)


def last_listed_day(division: str) -> date | None:
    """The last date the file knows about, so a page can say when it runs out."""
    days = bank_holidays(division)
    return max(days) if days else None
