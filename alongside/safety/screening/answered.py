"""Words quoted back to the one who wrote them: a supporter opens a reply with the
words they answer ("'Nobody would notice if I was gone' - I would notice. Please
message me."). The quoted words are the reader's, not the writer's, when the rest of
the post answers them, speaking to the reader or contradicting the words, and says
nothing of the writer beyond a supporter's offer ("I'm here", "message me", "I'd miss
you"). "'I want to die' is all I can think about. Please help me." and "'I'm going to
kill myself' - I said that to my mum" are the writer's own.
"""

from __future__ import annotations

import re

from alongside.safety.screening.context import Context

# Speaking to the reader, or contradicting the quoted words.
_ANSWERS = re.compile(
    r"\b(?:you|your|you'?re|yourself|u|ur|not\s+true|we\s+would|we'?d|you\s+matter"
    r"|i\s+would\s+(?:notice|miss|care)|i'?d\s+(?:notice|miss|care))\b"
)
# What a supporter may say of themselves: an offer, not a feeling.
_OFFERS = re.compile(
    r"\b(?:i\s+would\s+(?:notice|miss\s+you|care|be\s+(?:sad|gutted|heartbroken))"
    r"|i'?d\s+(?:notice|miss\s+you|care|be\s+(?:sad|gutted|heartbroken))"
    r"|i'?m\s+here(?:\s+for\s+you)?|i\s+am\s+here(?:\s+for\s+you)?|i\s+hear\s+you"
    r"|i\s+care|(?:message|dm|pm|text|ring|call|talk\s+to)\s+me)\b"
)
_FIRST_PERSON = re.compile(r"\b(?:i|i'?m|im|i'?ve|i'?d|i'?ll|me|my|myself|mine)\b")


def is_quoted_back(context: Context, start: int, end: int) -> bool:
    """Whether ``start:end`` lies in quoted words that the rest of the post answers."""
    quote = context.quote_around(start, end)
    if quote is None:
        return False
    rest = context.text[: quote[0]] + " " + context.text[quote[1] :]
    return bool(_ANSWERS.search(rest)) and not _FIRST_PERSON.search(
        _OFFERS.sub(" ", rest)
    )
