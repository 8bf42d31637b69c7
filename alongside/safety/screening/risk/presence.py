"""Not being here for a task, an occasion or a time: "life would be easier if I
wasn't here for the school run", "if I wasn't here at the weekend", "it'd be easier
if I wasn't around for the inspection". The writer means not being present for
something, not not being alive.

Only an occasion named straight after the words counts: "if I wasn't here", "if I
wasn't here anymore", "if I wasn't here for my kids" (people), "for a while", "for
good" or "for the future" (a span that may be an end) keep their weight, and so does
any word of dying, of being a burden or others being better off, or a means, anywhere
in the sentence: "my kids would be better off if I wasn't around at the weekend"
alerts."""

from __future__ import annotations

import re

from alongside.safety.screening.context import Context
from alongside.safety.screening.risk.means_named import MEANS

_ABSENT = re.compile(
    r"(?:\b(?:here|around|there|in)|\b(?:wasn'?t|weren'?t|was\s+not|were\s+not))$"
)
_PEOPLE = (
    r"(?:kids|children|child|family|baby|babies|wife|husband|partner|mum|mom|dad"
    r"|son|daughter|parents|friends?|boyfriend|girlfriend|loved\s+ones|them|everyone"
    r"|anyone|people|rest)"
)
# A span of time that may be an end: "for a while", "for good", "for the future".
_SPAN = r"(?:while|bit|long|good|ever|much|time\s+being|future)"
_OCCASION = re.compile(
    r"(?:\s+(?:here|around|there|in))?\s+(?:"
    r"(?:for|during)\s+(?:the|a|an|this|that|our|my|his|her|their|every|each|next"
    r"|mum'?s|dad'?s|\w+'s)\s+(?!(?:"
    + _PEOPLE
    + "|"
    + _SPAN
    + r")\b)(?:\w+[\s-]?){1,3}"
    r"|at\s+(?:the\s+)?(?:weekends?|work|school|college|uni|church|christmas|easter"
    r"|home\s+time|bedtime|tea\s*time|dinner|lunch|night|nights|the\s+\w+)\b"
    r"|on\s+(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays"
    r"|weekends|weekdays|shift|duty|call|site|the\s+(?:rota|ward|day|night))\b"
    r"|in\s+the\s+(?:mornings?|evenings?|afternoons?|holidays|summer|office|kitchen)\b"
    r"|to\s+(?:do|see|hear|help|cover|run|make|pick|take|watch|sort|answer|cook|clean"
    r"|hand|fix|mark|open|lock)\b)"
)
_DYING = re.compile(
    r"\b(?:di(?:e|ed|es|ing)|dead|death|kill\w*|suicid\w*|alive|any\s?more|for\s?ever"
    r"|for\s+good|at\s+all|end\s+it|my\s+life|exist\w*|burden\w*|better\s+off|"
    + MEANS
    + r")\b"
)


def is_absence_from_an_occasion(context: Context, start: int, end: int) -> bool:
    """Whether "if I wasn't here" at ``start:end`` goes straight on to a task, an
    occasion or a time of week, with no word of dying in its sentence."""
    if not _ABSENT.search(context.text[start:end]):
        return False
    if not _OCCASION.match(context.text, end):
        return False
    return not _DYING.search(context.sentence_text(start, end))
