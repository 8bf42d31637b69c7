"""A plea to be killed said of something tedious: "this meeting, kill me now", "three
hours of spreadsheets, someone shoot me", "kill me now, it's only Tuesday". The plea
is everyday hyperbole when its sentence names the task, the event or the day it is
about, and says nothing else of harm or despair; "kill me now" alone, or beside "I
can't do this any more", still counts as death on one's mind.
"""

from __future__ import annotations

import re

from alongside.safety.screening.context import Context

# The plea itself, at the start of a clause or after a comma: "kill me now",
# "someone shoot me", "just kill me".
_PLEA = re.compile(
    r"\b(?:(?:some\s?one|some\s?body|please|pls|just)\s+)*(?:kill|shoot)\s+me"
    r"(?:\s+(?:now|already|please|pls))*\b"
)
# A tedious task, event or day named in the same sentence.
_TEDIOUS = re.compile(
    r"\b(?:meetings?|calls?|zoom|teams\s+call|spreadsheets?|paperwork|admin|forms?"
    r"|emails?|inbox|reports?|essays?|assignments?|coursework|dissertation|homework"
    r"|revision|revising|exams?|lectures?|seminars?|presentations?|training|team[\s-]?"
    r"building|away\s*day|appraisal|inspection|audit|ofsted|queue|queues|traffic|commute"
    r"|roadworks|diversion|rail\s+replacement|delays?|hold\s+music|on\s+hold|tax\s+return"
    r"|laundry|ironing|washing|hoovering|housework|chores|tidying|flat[\s-]?pack|ikea"
    r"|karaoke|small\s+talk|group\s+project|maths|spelling|timesheets?|rota|shift"
    r"|monday|tuesday|wednesday|thursday|friday|mondays|(?:only|still)\s+(?:\w+day)"
    r"|work\s+do|christmas\s+party|school\s+run|parents'?\s+evening|jury\s+duty|dmv"
    r"|the\s+dentist|driving\s+lesson|another\s+(?:day|week|hour)\s+of)\b"
)
# Anything else of harm or despair in the sentence: the plea is then no joke.
_NOT_A_JOKE = re.compile(
    r"\b(?:di(?:e|ed|es|ing)|dead|death|suicid\w*|kill\s*my\s*self|my\s+life|alive"
    r"|any\s?more|can'?t\s+(?:do|take|cope|go\s+on|keep)|give\s+up|end\s+it|pills"
    r"|tablets|meds|overdos\w*|rope|enough\s+to|serious(?:ly)?|for\s+real|not\s+joking"
    r"|i\s+mean\s+it|hopeless|no\s+point|nothing\s+left|so\s+done|tired\s+of\s+living)\b"
)


def is_said_of_a_tedious_thing(context: Context, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` sit in a plea to be killed ("kill me now")
    whose sentence names a tedious task, event or day and nothing else of harm."""
    sentence_start, sentence_end = context.sentence(start, end)
    sentence = context.text[sentence_start:sentence_end]
    plea = next(
        (
            found
            for found in _PLEA.finditer(sentence)
            if found.start() <= start - sentence_start < found.end()
        ),
        None,
    )
    if plea is None:
        return False
    rest = sentence[: plea.start()] + " " + sentence[plea.end() :]
    return bool(_TEDIOUS.search(rest)) and not _NOT_A_JOKE.search(rest)
