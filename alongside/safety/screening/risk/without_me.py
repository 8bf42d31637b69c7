"""Others' lives said to be easier without the writer, with who they are named between:
"it would be easier for my kids if I wasn't here", "life would be simpler for
everyone if I was gone". The words next to each other ("easier if I wasn't here") are
in ``intent``; these put the people in the middle. And one's death said to pay,
whoever is named as the one who benefits: "my family will be better off with the life
insurance", "everyone will be fine with the life insurance", "the death in service
money will look after them", "I'm worth more dead". A payout after someone else's
death named beside it is theirs; insurance taken out for if anything happens is
prudence (``prudence``).

Each pattern is ``(label, pattern, confidence, negation-inherent)``, read like those
in ``intent``. Not being here for an occasion ("easier for the team if I wasn't here
for the inspection") is set aside by ``presence``.
"""

from __future__ import annotations

import re

from alongside.safety.screening.context import Context

_PEOPLE = (
    r"(?:everyone|everybody|them|him|her|people|all\s+of\s+(?:them|you|us)|you\s+all"
    r"|you\s+guys|my\s+(?:\w+\s+)?\w+|the\s+(?:kids|children|family|boys|girls))"
)
_NOT_HERE = (
    r"(?:just\s+)?(?:wasn'?t|weren'?t|was\s+not|were\s+not)\s+(?:here|around|alive"
    r"|in\s+the\s+picture)|(?:just\s+)?(?:was|were)\s+(?:gone|dead)|(?:just\s+)?died"
    r"|(?:just\s+)?didn'?t\s+exist|(?:just\s+)?disappeared"
)
# What pays out on the writer's death.
_PAYOUT = (
    r"(?:life\s+(?:insurance|cover|policy|assurance)(?:\s+(?:money|payout|pay\s?out))?"
    r"|death\s+in\s+service(?:\s+(?:money|payout|pay\s?out|benefit))?"
    r"|insurance\s+(?:money|payout|pay\s?out))"
)
_PAYS = re.compile(r"\b" + _PAYOUT + r"\b|\bworth\s+more\b")
_ANOTHERS_DEATH = re.compile(
    r"\b(?:died|passed(?:\s+away)?|death\s+of|lost\s+(?:my|our|his|her|their)"
    r"|funeral|widow\w*|late\s+(?:husband|wife|partner|dad|mum|father|mother))\b"
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
        # Whoever is named as better off ("everyone", "they", "my kids"), the words
        # are the writer's own death said to pay: "everyone will be fine with the life
        # insurance", "the death in service money will look after them".
        r"\b(?:better\s+off|be\s+(?:\w+\s+)?(?:fine|ok|okay|sorted|looked\s+after"
        r"|alright|all\s+right|set|comfortable))\s+with\s+(?:the|my)\s+"
        + _PAYOUT
        + r"\b"
        r"|\b(?:the|my)\s+"
        + _PAYOUT
        + r"\s+(?:will|would|'d|'ll|can|could)\s+(?:\w+\s+)?"
        r"(?:take\s+care\s+of|look\s+after|pay\s+(?:off|for)|provide\s+for|cover|sort"
        r"|see\s+(?:them|her|him|everyone|the\s+\w+|my\s+\w+)\s+(?:right|through))\b"
        r"|\bworth\s+more\s+(?:to\s+(?:them|everyone|my\s+\w+)\s+)?dead\b",
        0.8,
        False,
    ),
)


def pays_on_anothers_death(context: Context, start: int, end: int) -> bool:
    """Whether the payout named at ``start:end`` follows someone else's death named
    beside it ("my husband died last year, we'll be fine with the life insurance")."""
    return bool(_PAYS.search(context.text, start, end)) and bool(
        _ANOTHERS_DEATH.search(context.sentence_text(start, end, neighbours=1))
    )


def says_my_death_pays(context: Context, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` say the writer's death will pay for others:
    read as the writer's own, whoever is named as the one who benefits, unless someone
    else's death is named beside them ("Dad passed and Mum will be fine with the life
    insurance")."""
    return bool(_PAYS.search(context.text, start, end)) and not _ANOTHERS_DEATH.search(
        context.sentence_text(start, end, neighbours=1)
    )
