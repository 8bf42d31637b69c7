"""Goodbyes said in words the older patterns lack: "see you all on the other side",
and a goodbye or thanks for everything with "I won't be back" after it ("bye everyone,
thanks for everything, I won't be back"). "I won't be back" alone may be someone
leaving the group, and is not read here. A goodbye, however short, beside a means at
hand ("bye all, the pills are lined up"), but not an errand ("the tablets from the
chemist").

Each pattern is ``(label, pattern, confidence, negation-inherent)``, read like those
in ``intent``. Written in our own words, not from any data set.
"""

from __future__ import annotations

FAREWELL_PATTERNS: tuple[tuple[str, str, float, bool], ...] = (
    (
        "goodbye",
        r"\bsee\s+(?:you|u|ya|y'?all)\s+(?:all\s+|guys\s+|lot\s+)?(?:on|in)\s+the\s+other"
        r"\s+side\b"
        r"|\b(?:bye|goodbye|farewell|thanks\s+for\s+everything|thank\s+you\s+for\s+everything"
        r"|love\s+you\s+all)\b[^.!?\n]{0,60}?\bwon'?t\s+be\s+(?:coming\s+)?back\b",
        0.85,
        False,
    ),
    (
        "goodbye",
        r"\b(?:good)?bye\s+(?:everyone|everybody|all|guys)\b.{0,60}\b(?:the|all\s+(?:the"
        r"|my))\s+(?:pills|tablets|rope|noose|blades?|razors?)\b(?!\s+(?:from|at|for)\b)",
        0.85,
        False,
    ),
)
