"""Wanting to join someone who has died: "since he died I've been thinking about
joining him", "I just want to be with my mum again" after her death. Read only in
the writer's own words ("I" comes first), with a death named in the same or the
next sentence; "joining them at the gym" or "be with my family more" is not it.
Written in our own words, not from any data set.
"""

from __future__ import annotations

import re

from alongside.safety.screening.context import Context
from alongside.safety.screening.risk.findings import RiskFinding

_JOIN = re.compile(
    r"\b(?:i'?ve\s+been|i'?m|i\s+am|i\s+keep|i(?:\s+just|\s+really|\s+still)?)\s+"
    r"(?:thinking\s+(?:about|of)|want(?:ing)?\s+to|wanna|long(?:ing)?\s+to|ready\s+to"
    r"|going\s+to|need\s+to|wish\s+i\s+could)\s+(?:go\s+and\s+)?(?:just\s+)?"
    r"(?:(?:join(?:ing)?)\s+(?:him|her|them|my\s+(?:\w+\s+)?\w+)"
    r"(?=\s*(?:[.,!;\n]|$|again|soon|in\s+heaven|up\s+there|wherever|on\s+the\s+other"
    r"\s+side))"
    r"|be(?:ing)?\s+with\s+(?:him|her|them|my\s+(?:\w+\s+)?\w+)\s+(?:again|in\s+heaven"
    r"|up\s+there|wherever|on\s+the\s+other\s+side))"
)
_DEATH = re.compile(
    r"\b(?:died|passed(?:\s+away)?|death|dead|lost\s+(?:him|her|them|my)|funeral|grave"
    r"|heaven|killed\s+(?:him|her|them)sel(?:f|ves)|took\s+(?:his|her|their)\s+own\s+life"
    r"|suicide)\b"
)


def joining_the_dead(context: Context) -> list[RiskFinding]:
    """Wishes to join someone who has died, in the writer's own words now."""
    if context.has_recovery:
        return []
    found = []
    for match in _JOIN.finditer(context.text):
        start, end = match.start(), match.end()
        around = context.sentence_text(start, end, neighbours=1)
        if not _DEATH.search(around.replace(match.group(0), " ")):
            continue
        if context.is_negated(start):
            continue
        found.append(RiskFinding("intent", start, end, 0.85))
    return found
