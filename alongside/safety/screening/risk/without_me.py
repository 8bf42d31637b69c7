"""Others' lives said to be easier without the writer, with who they are named between:
"it would be easier for my kids if I wasn't here", "life would be simpler for
everyone if I was gone". The words next to each other ("easier if I wasn't here") are
in ``intent``; these put the people in the middle.

Each pattern is ``(label, pattern, confidence, negation-inherent)``, read like those
in ``intent``. Not being here for an occasion ("easier for the team if I wasn't here
for the inspection") is set aside by ``presence``.
"""

from __future__ import annotations

import re

_PEOPLE = (
    r"(?:everyone|everybody|them|him|her|people|all\s+of\s+(?:them|you|us)|you\s+all"
    r"|you\s+guys|my\s+(?:\w+\s+)?\w+|the\s+(?:kids|children|family|boys|girls))"
)
_NOT_HERE = (
    r"(?:just\s+)?(?:wasn'?t|weren'?t|was\s+not|were\s+not)\s+(?:here|around|alive"
    r"|in\s+the\s+picture)|(?:just\s+)?(?:was|were)\s+(?:gone|dead)|(?:just\s+)?died"
    r"|(?:just\s+)?didn'?t\s+exist|(?:just\s+)?disappeared"
)
WITHOUT_ME_PATTERNS: tuple[tuple[str, str, float, bool], ...] = (
    (
        "intent",
        r"\b(?:easier|better|happier|simpler|lighter|calmer)\s+for\s+"
        + _PEOPLE
        + r"\s+if\s+i\s+(?:"
        + _NOT_HERE
        + r")\b",
        0.75,
        True,
    ),
)
COMPILED_WITHOUT_ME = tuple(
    (label, re.compile(pattern), confidence, inherent)
    for label, pattern, confidence, inherent in WITHOUT_ME_PATTERNS
)
