"""Means said to be shared with the reader: a reply to someone who is stockpiling
that says "I've got mine saved up too", "I have the same tablets ready". The words
alone could be about money or a holiday, so they count only in a post that names a
stockpile or a means.
"""

from __future__ import annotations

import re

import alongside.safety.screening.scan as scan
from alongside.safety.screening.context import Context
from alongside.safety.screening.risk.findings import RiskFinding

_SAME_SAVED = re.compile(
    r"\b(?:i'?ve|i\s+have)\s+(?:got\s+)?(?:mine|my\s+own|some|the\s+same(?:\s+\w+)?)\s+"
    r"(?:saved|stockpiled|stashed|hidden|ready|lined\s+up)(?:\s+up)?(?:\s+too|\s+as\s+well)?\b"
)
_MEANS_NAMED = re.compile(
    r"\b(?:stockpil\w*|pills|tablets|meds|medication|overdos\w*|rope|blades?|razors?"
    r"|ligatures?)\b"
)


def means_shared_with_the_reader(context: Context) -> list[RiskFinding]:
    """ "I've got mine saved up too" in a post that names a stockpile or a means."""
    if not scan.search(_MEANS_NAMED, context.text):
        return []
    return [
        RiskFinding("plan", match.start(), match.end(), 0.85)
        for match in scan.finditer(_SAME_SAVED, context.text)
        if not context.is_negated(match.start())
    ]
