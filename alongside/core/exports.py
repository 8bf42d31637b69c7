"""The shape every app's part of a person's data download shares: rows of plain
values, and times written the same way everywhere. The registry that gathers the
parts is `alongside/privacy/registry.py`."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

Row = dict[str, Any]


def when(value: datetime | date | None) -> str | None:
    """A time or date as ISO 8601 text, or None when it never happened."""
    return value.isoformat() if value is not None else None
