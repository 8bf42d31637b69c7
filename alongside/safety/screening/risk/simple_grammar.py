"""Ending one's life in simple grammar, as people whose first language is not
English may write it: "I buy many tablets today for finish my life", "I want finish
myself". "Finish my life story" or "my life's work" is not it.

Each pattern is ``(label, pattern, confidence, negation-inherent)``, read like those
in ``intent``. Written in our own words, not from any data set.
"""

from __future__ import annotations

SIMPLE_GRAMMAR: tuple[tuple[str, str, float, bool], ...] = (
    (
        "intent",
        r"\bfinish(?:ing)?\s+(?:my\s+(?:own\s+)?life|my\s*self|me\s+self)\b"
        r"(?!'?s|\s+(?:story|stories|work|admin|insurance|plan|goals?|list))",
        0.85,
        False,
    ),
)
