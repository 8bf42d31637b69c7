"""How a count of people is shown: the one rule lives in `alongside.core.disclosure`
and is kept here under its old name for the meetings pages."""

from __future__ import annotations

from alongside.core.disclosure import SMALLEST_SHOWN, count_phrase, rounded_count

__all__ = ["SMALLEST_SHOWN", "count_phrase", "rounded_count"]
