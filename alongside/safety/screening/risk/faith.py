"""Words of faith about one's own death. "God will take me when He's ready" and "Nan's
ready to go home to the Lord" are trust and acceptance, and raise nothing. Asking God
to take one now ("God please take me tonight", "I pray He takes me"), or going home
to God with a time or a means beside it ("I'm ready to go home to God tonight, I've got
the pills"), is a wish to die.

Each pattern is ``(label, pattern, confidence, negation-inherent)``, read like those
in ``intent``. Written in our own words, not from any data set.
"""

from __future__ import annotations

_GOD = r"(?:god|lord|jesus|allah|the\s+lord|my\s+maker|heaven|the\s+angels)"
_SOON = (
    r"(?=[^.!?\n]{0,60}\b(?:tonight|today|tomorrow|now|this\s+(?:week|weekend|evening)"
    r"|soon|pills|tablets|rope|meds|overdose)\b)"
)

FAITH_PATTERNS: tuple[tuple[str, str, float, bool], ...] = (
    (
        "intent",
        # Asked of God now: "God, please take me", "Lord just take me tonight".
        r"\b(?:god|lord|jesus|allah)\s*,?\s+(?:please\s+|just\s+|pls\s+)*(?:take|call)\s+me"
        r"\b(?!\s+(?:when|in\s+(?:his|your|their)\s+(?:own\s+)?time|home\s+from|to\s+(?:church"
        r"|the\s+mosque)))"
        # Prayed for: "I pray God takes me", "I want the Lord to take me".
        r"|\b(?:pray|praying|prayed|want|wish|hope|hoping|begging)\s+(?:\w+\s+){0,3}?"
        r"(?:that\s+)?(?:god|the"
        r"\s+lord|jesus|allah|he|him)\s+(?:would\s+|will\s+|to\s+)?(?:just\s+)?(?:take|takes"
        r"|call|calls)\s+me\b(?!\s+(?:when|in\s+(?:his|your)\s+(?:own\s+)?time))"
        # Going home to God, with a time or a means beside it.
        r"|\b(?:ready\s+to|going\s+to|gonna|want\s+to|wanna|time\s+(?:for\s+me\s+)?to)\s+"
        r"(?:go\s+home\s+to|go\s+to|meet|be\s+with|join)\s+" + _GOD + r"\b" + _SOON,
        0.8,
        False,
    ),
)
