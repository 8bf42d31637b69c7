"""More ways of aiming harm at the reader, read by ``abuse`` with its own checks
(never in reported speech, a quotation, the writer's inner voice or a negation).

- Urging a means on someone ("you should just go and jump off a bridge").
- An exclamation that names the reader as something ("what a spineless creep you
  are"), and insults that ``abuse`` does not know by their words ("you're thick as
  mince").

A supporter's words never match: each pattern needs a means urged on "you" or a
name for "you"; a question such as "are you thinking of jumping?" has neither.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import alongside.safety.screening.scan as scan

_NAMES = (
    r"(?:creeps?|idiots?|morons?|losers?|freaks?|cowards?|waste\s+of\s+(?:space|oxygen|air)"
    r"|joke|disgrace|liars?|bully|pigs?|cows?|prats?|muppets?|numpties|numpty|bellends?"
    r"|knobheads?|tossers?|wankers?|weasels?|snakes?|parasites?|leech(?:es)?|failures?"
    r"|attention[\s-]?seekers?|drama\s+queen|pillocks?|plonkers?|dimwits?|halfwits?"
    r"|nonces?|scrotes?|sad\s+act|sorry\s+excuse\s+for\s+a\s+\w+)"
)
_SLIGHTS = (
    r"(?:spineless|pathetic|useless|thick|stupid|sad|nasty|vile|worthless|gutless"
    r"|brainless|clueless|gormless|little|miserable|horrible|ugly|fat|lazy|selfish)"
)
URGES_A_MEANS = re.compile(
    r"\b(?:(?:you|u)\s+(?:should|ought\s+to|might\s+as\s+well|may\s+as\s+well|need\s+to)\s+"
    r"(?:just\s+|really\s+|honestly\s+)?(?:go\s+(?:and\s+)?)?(?:jump\s+(?:off|from)\s+(?:a|the)"
    r"\s+(?:\w+\s+)?(?:bridge|cliff|roof|building|car\s+park)|jump\s+in\s+(?:a|the)\s+(?:river"
    r"|lake|canal|sea)|hang\s+(?:your|ur)self|top\s+(?:your|ur)self|overdose"
    r"|take\s+(?:all\s+)?(?:your|ur|the)\s+(?:pills|tablets))\b"
    r"|why\s+don'?t\s+(?:you|u)\s+(?:just\s+)?(?:go\s+(?:and\s+)?)?(?:jump\s+(?:off|from)"
    r"\s+(?:a|the)\s+(?:\w+\s+)?(?:bridge|cliff|roof|building)|hang\s+(?:your|ur)self"
    r"|top\s+(?:your|ur)self)\b)"
)
NAMES_THE_READER = re.compile(
    r"\b(?:what\s+an?\s+(?:"
    + _SLIGHTS
    + r"\s+){0,3}"
    + _NAMES
    + r"\s+(?:you\s+are|you'?re"
    r"|u\s+r|you\s+turned\s+out\s+to\s+be)\b"
    r"|(?:you'?re|you\s+are|ur|u\s+r)\s+(?:so\s+|really\s+|honestly\s+)?(?:as\s+)?thick"
    r"(?:\s+as\s+(?:mince|two\s+short\s+planks|a\s+brick|pig\s*shit|shit|custard))?\b"
    r"(?![\s-]+(?:skinned|skin|hair|headed\s+about|with))"
    r"|(?:you|u)\s+(?:" + _SLIGHTS + r"\s+){1,3}" + _NAMES + r"\b)"
)
# A word each pattern needs: a post with none of them is not read by it.
_MEANS_WORDS = ("jump", "hang", "top", "overdose", "pills", "tablets")
_NAME_WORDS = (
    "what a", "thick", "creep", "idiot", "moron", "loser", "freak", "coward", "waste",
    "joke", "disgrace", "liar", "bully", "pig", "cow", "prat", "muppet", "numpt",
    "bellend", "knobhead", "tosser", "wanker", "weasel", "snake", "parasite", "leech",
    "failure", "seeker", "drama", "pillock", "plonker", "dimwit", "halfwit", "nonce",
    "scrote", "sad act", "sorry excuse",
)  # fmt: skip


def urgings(text: str) -> Iterator[re.Match[str]]:
    """Matches of ``URGES_A_MEANS`` in ``text``."""
    if any(word in text for word in _MEANS_WORDS):
        yield from scan.finditer(URGES_A_MEANS, text)


def namings(text: str) -> Iterator[re.Match[str]]:
    """Matches of ``NAMES_THE_READER`` in ``text``."""
    if any(word in text for word in _NAME_WORDS):
        yield from scan.finditer(NAMES_THE_READER, text)
