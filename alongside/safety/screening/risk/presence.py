"""Not being here for a task, an occasion or a time: "life would be easier if I
wasn't here for the school run", "if I wasn't here at the weekend", "it'd be easier
if I wasn't around for the inspection". The writer means not being present for
something, not not being alive.

Only an occasion named straight after the words counts: "if I wasn't here", "if I
wasn't here anymore", "if I wasn't here for my kids" (people), "for a while", "for
good" or "for the future" (a span that may be an end) keep their weight, and so does
any word of dying, of being a burden or others being better off, or a means, anywhere
in the sentence: "my kids would be better off if I wasn't around at the weekend"
alerts.

And not being here on a day because the writer will be somewhere else: "I won't be
here tomorrow, I'm at my sister's", "…as I'm working", "…, in hospital for a scan".
Alone, or with a goodbye, a means, a place of danger or any word of dying beside it,
"I won't be here tomorrow" is still a goodbye."""

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


# "Won't be here" on a day: tomorrow, next week, by Friday. "Much longer", "any more"
# and "for long" are no day one is away for.
_ON_A_DAY = re.compile(
    r"^(?:won'?t|will\s+not)\s+be\s+(?:here|around)\s+(?:tomorrow|next|by)\b"
)
# Where the writer will be instead, said straight after (or in the next sentence) as
# an everyday reason: "I'm at my sister's", "as I'm away", "I'll be on holiday", "in
# hospital for a scan", "working", "I've got an appointment".
_ELSEWHERE = re.compile(
    r"^[^.!?\n]{0,30}?(?:[,;:(]|\s[-\u2013\u2014]|[.!]\s*|\s(?:as|because|cos|coz|cause"
    r"|since))\s*(?:(?:i'?m|i\s+am|i'?ll\s+be|i\s+will\s+be|i'?ve\s+got|i\s+have(?:\s+got)?"
    r"|we'?re|we'?ll\s+be|got|just|only)\s+)*(?:(?:off|out|away)\s+)?(?:"
    r"at\s+(?!(?:peace|rest|last|the\s+end)\b)\w"
    r"|in\s+(?!(?:heaven|a\s+better\s+place|the\s+(?:ground|river|sea|water)|pieces)\b)\w"
    r"|away\b|abroad\b|on\s+(?:holiday|holidays|hols|leave|nights|shift|a\s+\w+|the\s+\w+"
    r"|call|duty|site|placement)\b|off\s+(?:work|sick|to\s+\w)|working\b|at\s+work\b"
    r"|travelling\b|traveling\b|visiting\b|camping\b|moving\b|staying\s+(?:at|with|over"
    r"|in)\b|flying\b|driving\s+to\b|going\s+(?:to|on|away|home)\b|busy\b|out\s+(?:all"
    r"|with|for)\b|having\s+(?:a|an|my|surgery|an?\s+operation)\b"
    r"|(?:a|an|my)\s+(?:\w+\s+){0,2}?(?:appointment|scan|exam|interview|shift|operation"
    r"|wedding|funeral|course|conference|trip|holiday|flight|check-?up)\b)"
)
# Beside it, a goodbye or a place of danger keeps the words a goodbye.
_GOODBYE_OR_DANGER = re.compile(
    r"\b(?:good\s?bye|bye|farewell|sorry|love\s+(?:you|u)|nice\s+knowing|take\s+care\s+of"
    r"|thank(?:s|\s+you)\s+(?:\w+\s+)?for\s+everything|miss\s+(?:you|me)|forgive"
    r"|heaven|better\s+place|other\s+side|at\s+peace|bridge|cliffs?|roof|rooftop|ledge"
    r"|tracks|railway|viaduct|multi-?storey|river|canal|quarry|reservoir|lake|sea|woods"
    r"|the\s+edge|the\s+end|done|ready|it\s+all"
    # Going to be with, or join, someone: the words of joining the dead.
    r"|be\s+with|join\w*|sleep|asleep|reunited)\b"
)


def is_away_somewhere_else(context: Context, start: int, end: int) -> bool:
    """Whether "I won't be here tomorrow" at ``start:end`` goes on to where the writer
    will be instead ("…, I'm at my sister's"), with no goodbye, means, place of danger
    or word of dying in its sentence or the ones either side."""
    if not _ON_A_DAY.match(context.text[start:end]):
        return False
    _, finish = context.sentence(start, end, neighbours=1)
    if not _ELSEWHERE.match(context.text[end:finish]):
        return False
    around = context.sentence_text(start, end, neighbours=1)
    return not (_DYING.search(around) or _GOODBYE_OR_DANGER.search(around))
