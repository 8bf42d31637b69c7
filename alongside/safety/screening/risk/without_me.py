"""Others' lives said to be easier without the writer, with who they are named between:
"it would be easier for my kids if I wasn't here", "life would be simpler for
everyone if I was gone". The words next to each other ("easier if I wasn't here") are
in ``intent``; these put the people in the middle. And one's death said to pay: "my
family will be better off with the life insurance", "I'm worth more dead".

Each pattern is ``(label, pattern, confidence, negation-inherent)``, read like those
in ``intent``. Not being here for an occasion ("easier for the team if I wasn't here
for the inspection") is set aside by ``presence``.
"""

from __future__ import annotations

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
    (
        "intent",
        # Who is better off is named first, so the words read as the writer's own
        # death: "my kids will be better off with the death in service money".
        r"\b(?:my\s+(?:\w+\s+)?\w+|everyone|everybody|they|the\s+(?:kids|family))\s+"
        r"(?:will|would|'d|'ll)\s+(?:all\s+)?be\s+(?:\w+\s+)?(?:better\s+off|fine|sorted"
        r"|looked\s+after|ok|okay)\s+with\s+(?:the|my)\s+(?:life\s+(?:insurance|cover"
        r"|policy)|death\s+in\s+service)\b"
        r"|\b(?:better\s+off|be\s+(?:fine|ok|okay|sorted|looked\s+after))\s+with\s+(?:the"
        r"|my)\s+(?:life\s+(?:insurance|cover|policy)|death\s+in\s+service)\b"
        r"|\bworth\s+more\s+(?:to\s+(?:them|everyone|my\s+\w+)\s+)?dead\b",
        0.8,
        False,
    ),
)
