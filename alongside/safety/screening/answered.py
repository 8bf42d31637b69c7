"""Words quoted back to the one who wrote them: a supporter opens a reply with the
words they answer ("'Nobody would notice if I was gone' - I would notice. Please
message me."). The quoted words are the reader's, not the writer's, when the rest of
the post answers them, speaking to the reader or contradicting the words, and says
nothing of the writer beyond a supporter's offer ("I'm here", "message me", "I'd miss
you"). "'I want to die' is all I can think about. Please help me." and "'I'm going to
kill myself' - I said that to my mum" are the writer's own.

A goodbye is full of "you" and answers nothing: "thank you", "love you", "see you",
"you all" and "you were all" are not spoken to a reader being answered. And words that
hold a plan, a time ("tonight", "today", "now", "tomorrow") or a means ("I've got the
rope ready") are never read as answered: quoted back or not, they alert.
"""

from __future__ import annotations

import re

from alongside.safety.screening.context import Context
from alongside.safety.screening.risk.means_named import MEANS

# "You" said in thanks, love or a goodbye: not an answer to the quoted words.
_FAREWELL_YOU = re.compile(
    r"\b(?:thank\s+you|thanks\s+you|love\s+(?:you|u|ya)|see\s+(?:you|u|ya)"
    r"|(?:you|u)\s+(?:were\s+)?all)\b"
)
# A plan, a time or a means in the quoted words: they are never only the reader's.
_PLAN_TIME_MEANS = re.compile(
    r"\b(?:tonight|today|now|tomorrow|tmrw|plan\w*|ready|going\s+to|gonna|"
    + MEANS
    + r")\b"
)

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
    if _PLAN_TIME_MEANS.search(context.text, quote[0], quote[1]):
        return False
    rest = context.text[: quote[0]] + " " + context.text[quote[1] :]
    return bool(_ANSWERS.search(_FAREWELL_YOU.sub(" ", rest))) and not (
        _FIRST_PERSON.search(_OFFERS.sub(" ", rest))
    )
