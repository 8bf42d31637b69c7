"""A goodbye that promises a return: "last post before the holiday, see you all in two
weeks", "signing off for now, back on Monday", "goodbye everyone, see you soon", "bye
all, see ya later"; or a last of something at work or study ("this is my last shift
on this ward"). The writer means to come back, so the words are no farewell.

A return that may be no return ("see you on the other side", "see you next time",
"see you around") is not one, a sentence that names dying or a means ("the pills are
lined up") keeps its alert, and so does a return said beside final words ("this is
goodbye", "thank you for everything", "forever", "sorry for everything", a bare "sorry",
"love you all"): "goodbye everyone, thank you for everything, see you soon" and
"goodbye everyone, I'm sorry, see you soon" alert.
"""

from __future__ import annotations

import re

from alongside.safety.screening.context import Context
from alongside.safety.screening.risk.means_named import MEANS

_DAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thurs?"
    r"|fri|sat|sun)"
)
_RETURN = re.compile(
    r"\b(?:see\s+(?:you|u|ya|y'?all)\s+(?:all\s+|guys\s+|lot\s+)?(?:tomorrow|tmrw"
    r"|next\s+(?:week|month|term|"
    + _DAY
    + r")|on\s+"
    + _DAY
    + r"|"
    + _DAY
    + r"|in\s+(?:a|an|two|three|four|\d+|a\s+few|a\s+couple\s+of)\s+(?:days?|weeks?"
    r"|months?|hours?)|after\s+(?:the|my)\s+(?:holiday|holidays|hols|break|trip|weekend"
    r"|exams?|shift)|(?:at|in)\s+(?:the\s+)?(?:next\s+)?(?:group|meet|meeting|session"
    r"|class)"
    r"|soon|later|in\s+a\s+bit|in\s+a\s+while)"
    r"|(?:speak|talk|chat|catch\s+(?:you|u|ya))\s+(?:soon|later|tomorrow|next\s+week)"
    r"|(?:i'?ll\s+be\s+)?back\s+(?:on\s+"
    + _DAY
    + r"|in\s+(?:a|two|three|\d+)\s+(?:days?"
    r"|weeks?)|next\s+week|after\s+the\s+(?:holiday|holidays|break|weekend)"
    r"|tomorrow))\b"
)
_DYING = re.compile(
    r"\b(?:di(?:e|ed|es|ing)|dead|death|kill\w*|suicid\w*|end\s+(?:it|my\s+life)"
    r"|overdos\w*|won'?t\s+be\s+(?:here|around|back)|other\s+side|another\s+life|"
    + MEANS
    + r")\b"
)


# Final words beside a goodbye: a return said with them is no promise.
_FINAL = re.compile(
    r"\b(?:this\s+is\s+(?:my\s+)?goodbye|thank(?:s|\s+you)\s+(?:(?:all|everyone|so\s+much"
    r"|guys)\s+)*for\s+everything(?!\s+(?:this|today|tonight|last|over|at|in|on)\b)"
    r"|for\s?ever|for\s+good|farewell|sorry\s+for\s+everything|nice\s+knowing"
    r"|look\s+after\s+my|one\s+day|someday|some\s+day|in\s+heaven|up\s+there|sorry"
    r"|love\s+(?:you|u|ya)(?:\s+all)?|good\s?bye\s+(?:cruel\s+)?world)\b"
)


def promises_return(context: Context, start: int, end: int) -> bool:
    """Whether the goodbye at ``start:end`` says, in its sentence or the next, when the
    writer will be back, with no word of dying or final words beside it."""
    around = context.sentence_text(start, end, neighbours=1)
    return (
        bool(_RETURN.search(around))
        and not _DYING.search(around)
        and not _FINAL.search(around)
    )


# "This is my last …" followed by a thing of work or study.
_LAST_OF = re.compile(
    r"\s+(?:ever\s+)?(?:night\s+|day\s+|early\s+|late\s+)?(?:shift|placement|rotation"
    r"|lecture|class|lesson|exam|term|session|match|game|appointment|practice|rehearsal"
    r"|training|clinic)s?\b"
)


def is_last_of_something(context: Context, start: int, end: int) -> bool:
    """Whether "this is my last" at ``start:end`` goes on to a shift, a lecture or
    a match, with no word of dying in its sentence."""
    return (
        context.text[start:end].endswith("my last")
        and bool(_LAST_OF.match(context.text, end))
        and not _DYING.search(context.sentence_text(start, end))
    )
