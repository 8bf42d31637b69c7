"""Sentences an organisation's own words may not say, because the statement
Alongside writes from its settings (statement.py) says otherwise.

An admin adds their own words after the statement: what their service does beyond
Alongside. They cannot promise more privacy than the code gives, describe features
Alongside does not have, or give another length of time words are kept. Each rule
names the kind of sentence it refuses and why, in words an admin can act on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern[str]
    why: str


_NEGATION = (
    "(?:"
    + "|".join(
        [
            "nobody",
            "no one",
            "no-one",
            r"can ?not",
            "can't",
            "could not",
            "couldn't",
            "never",
            "won't",
            "will not",
            "do not",
            "don't",
            "does not",
            "doesn't",
            r"(?:are|is) not able to",
            r"(?:aren't|isn't) able to",
            "(?:have|has) no access",
        ]
    )
    + ")"
)
_READ = r"(?:read|see|look at|access|view)"

RULES = (
    Rule(
        re.compile(rf"\b{_NEGATION}\b[^.!?\n]*\b{_READ}\b", re.IGNORECASE),
        "it says that someone cannot read what people write. A group's "
        "facilitators read it, and named staff read a post when a life may be at "
        "risk, so the statement above already says exactly who can",
    ),
    Rule(
        re.compile(
            rf"\bonly\b[^.!?\n]*\b(?:members?|group|you)\b[^.!?\n]*\b{_READ}\b",
            re.IGNORECASE,
        ),
        "it says that only some people can read what is written. The statement "
        "above already says exactly who can, including the facilitators and the "
        "times named staff read a post",
    ),
    Rule(
        re.compile(r"\b(?:pictures?|photos?|photographs?|images?)\b", re.IGNORECASE),
        "Alongside does not show pictures at all, so there is nothing to say "
        "about them",
    ),
    Rule(
        re.compile(r"\bdirect messag", re.IGNORECASE),
        "Alongside has no direct messages between peers. Private conversations "
        "with the team are a setting, and the statement above says who may start "
        "one",
    ),
    Rule(
        re.compile(
            r"\b(?:kept|keep|keeps|stored|store|delete|deleted|deletes|removed)\b"
            r"[^.!?\n]*\b\d+\s*(?:days?|weeks?|months?|years?)\b",
            re.IGNORECASE,
        ),
        "how long words are kept is a setting, and the statement above says it. "
        "Please change the setting instead",
    ),
    Rule(
        re.compile(
            r"\blinks?\b[^.!?\n]*\b(?:switched|turned|allowed|not allowed|banned|"
            r"can be|cannot be|can't be)\b",
            re.IGNORECASE,
        ),
        "links are a setting, and the statement above says whether they can be "
        "clicked. Please change the setting instead",
    ),
)

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
# A person's own safety plan really is closed to every member of staff.
_TRUE_OF_PLANS = re.compile(r"\bsafety plans?\b|\bmy plan\b", re.IGNORECASE)


def contradictions_in(text: str) -> list[str]:
    """A kind message for each sentence of the organisation's own words that the
    statement contradicts; none when the words only add to it."""
    found = []
    for match in _SENTENCE.finditer(text):
        sentence = match[0].strip()
        if not sentence or _TRUE_OF_PLANS.search(sentence):
            continue
        for rule in RULES:
            if rule.pattern.search(sentence):
                found.append(f"“{_shortened(sentence)}”: {rule.why}.")
                break
    return found


def _shortened(sentence: str, limit: int = 80) -> str:
    if len(sentence) <= limit:
        return sentence
    return sentence[: limit - 1].rstrip() + "…"
