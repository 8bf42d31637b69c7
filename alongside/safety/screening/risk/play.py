"""Words of danger said about a game being played: "fell off the ledge in Zelda
again", "the boss keeps throwing me off the bridge". A place or a means named inside
a game is no access to a means; a sentence that also names the writer's own life or
death by their own hand keeps its weight.
"""

from __future__ import annotations

import re

from alongside.safety.screening.context import Context

_GAME = re.compile(
    r"\b(?:(?:in|on|playing)\s+(?:the\s+)?(?:game|level|map|zelda|minecraft|fortnite"
    r"|mario|elden\s+ring|dark\s+souls|fifa|call\s+of\s+duty|cod|gta|roblox|sims"
    r"|warzone|apex|halo|skyrim|hollow\s+knight|celeste)"
    r"|respawn\w*|checkpoint|boss\s+(?:fight|battle|level)|final\s+boss|rage\s+quit\w*"
    r"|controller|console|xbox|playstation|ps[45]|nintendo|speedrun\w*|hundredth\s+time"
    r"|co-?op|multiplayer|save\s+point)\b"
)
_OWN_LIFE = re.compile(
    r"\b(?:my\s*self|my\s+life|suicid\w*|kill\s+me|end\s+it|for\s+real|irl"
    r"|in\s+real\s+life)\b"
)


def is_in_play(context: Context, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` are about a game, with nothing in their
    sentence about the writer's own life."""
    sentence = context.sentence_text(start, end)
    return bool(_GAME.search(sentence)) and not _OWN_LIFE.search(sentence)
