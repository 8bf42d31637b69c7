"""Words quoted back to the one who wrote them: a supporter opens a reply with the
words they answer ("'Nobody would notice if I was gone' - I would notice. Please
message me."). The quoted words are the reader's, not the writer's, when the rest of
the post answers them: it speaks to the reader, pleads or contradicts, and says
nothing of the writer feeling the same ("that's what I keep thinking", "same", "me
too").
"""

from __future__ import annotations

import re

from alongside.safety.screening.context import Context

_ANSWERS = re.compile(
    r"\b(?:you|your|you'?re|u|ur|please|message\s+me|dm\s+me|reach\s+out|ring|call|text"
    r"|i\s+would(?:\s+\w+)?|we\s+would|we'?d|i'?d\s+(?:notice|miss|care)|not\s+true"
    r"|that'?s\s+not\s+true|you\s+matter|we'?re\s+here|i'?m\s+here)\b"
)
_SHARES_IT = re.compile(
    r"\b(?:same|me\s+too|that'?s\s+(?:me|how\s+i\s+feel|what\s+i)|i\s+(?:keep|feel|felt"
    r"|think|thought|want|wish|know\s+that\s+feeling)|my\s+(?:head|thoughts|mind)"
    r"|how\s+i\s+feel|i\s+(?:do|am)\s+too)\b"
)


def is_quoted_back(context: Context, start: int, end: int) -> bool:
    """Whether ``start:end`` lies in quoted words that the rest of the post answers."""
    quote = next(
        (
            (begin, finish)
            for begin, finish in context.quoted
            if begin <= start and end <= finish
        ),
        None,
    )
    if quote is None:
        return False
    rest = context.text[: quote[0]] + " " + context.text[quote[1] :]
    return bool(_ANSWERS.search(rest)) and not _SHARES_IT.search(rest)
