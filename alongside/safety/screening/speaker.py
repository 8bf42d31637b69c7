"""Whose words a quotation is, when a post reports what was said: "I texted my sister
'I'm going to kill myself tonight'" quotes the writer, "my friend texted me 'I'm
going to kill myself'" quotes someone else, and "he goes 'I want to die' and laughs"
quotes someone unnamed. Read from the speaker named straight before the opening
quotation mark, with a verb of saying.
"""

from __future__ import annotations

import re

from alongside.safety.screening.context import Context

_SAID_BEFORE = re.compile(
    r"\b(?P<who>[a-z]+)\s+(?:(?:just|then|finally|literally|actually|once|even|also"
    r"|keep|kept|always|never)\s+)?(?:said|say|says|saying|told|tell|tells|texted|text"
    r"|wrote|messaged|replied|yelled|shouted|screamed|typed|whispered|sent|posted)"
    r"(?:\s+(?:to\s+)?(?:me|him|her|them|us|you|my\s+\w+|his\s+\w+|her\s+\w+|the\s+\w+"
    r"|\w+))?(?:\s+that)?\s*[,:-]?\s*(?:'[a-z]{1,3})?$"
)
# (A quotation in single marks may be read from the mark of "I'm" inside it: the
# opening mark and "I" are then just before it.)
# Or straight after the closing mark: '"…," she said'.
_SAID_AFTER = re.compile(
    r"\s*[,.!?]?\s*(?P<who>[a-z]+)\s+(?:said|says|told\s+me|texted|wrote|replied"
    r"|yelled|shouted|screamed|whispered|added)\b"
)
# Any verb of saying in the sentence: without one, quoted words are not reported.
_SAYING = re.compile(
    r"\b(?:said|says|say|saying|told|tells|tell|called|yelled|shouted|screamed|texted"
    r"|wrote|messaged|replied|goes|went|typed|whispered|posted)\b"
)
# Words that stand before a verb of saying without being its speaker.
_NOT_A_SPEAKER = frozenset(
    [
        "and",
        "then",
        "just",
        "also",
        "literally",
        "once",
        "finally",
        "who",
        "which",
        "that",
        "it",
        "this",
        "basically",
        "always",
        "never",
        "even",
        "actually",
        "but",
        "so",
        "or",
        "when",
        "if",
    ]
)


def speaker_of_quote(context: Context, start: int, end: int) -> str | None:
    """The word naming who said the quoted words around ``start:end`` ("i", "friend",
    "she"); "" when their sentence has no verb of saying at all (the words are not
    reported); None when no speaker is named straight before the quotation."""
    quote = context.quote_around(start, end)
    if quote is None:
        return None
    sentence_start, sentence_end = context.sentence(quote[0], quote[1])
    outside = (
        context.text[sentence_start : quote[0]] + context.text[quote[1] : sentence_end]
    )
    if not _SAYING.search(outside):
        return ""
    after = _SAID_AFTER.match(context.text, quote[1], sentence_end)
    if after is not None and after.group("who") not in _NOT_A_SPEAKER:
        return after.group("who")
    said = _SAID_BEFORE.search(
        context.text, max(sentence_start, quote[0] - 80), quote[0]
    )
    if said is None or said.group("who") in _NOT_A_SPEAKER:
        return None
    return said.group("who")
