"""How a count of people is shown so that nobody in a small group can be picked out.

One rule for every count Alongside shows about people (RSVPs here; survey and
feedback counts in the insights work):

- 0 stays 0: nothing to hide;
- 1 to 7 show as "fewer than 8";
- 8 or more are rounded to the nearest 5 (halves go up), so a change of one person
  rarely shows.
"""

from __future__ import annotations

SMALLEST_SHOWN = 8
ROUND_TO = 5


def rounded_count(count: int) -> int | None:
    """The number that may be shown, or None when it must read "fewer than 8"."""
    if count <= 0:
        return 0
    if count < SMALLEST_SHOWN:
        return None
    return ((count + ROUND_TO // 2) // ROUND_TO) * ROUND_TO


def count_phrase(count: int) -> str:
    """The count in words: "0", "fewer than 8" or "about 15"."""
    shown = rounded_count(count)
    if shown is None:
        return f"fewer than {SMALLEST_SHOWN}"
    if shown == 0:
        return "0"
    return f"about {shown}"
