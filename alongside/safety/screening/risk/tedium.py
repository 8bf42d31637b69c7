"""A plea to be killed said of something tedious: "this meeting, kill me now", "three
hours of spreadsheets, someone shoot me", "kill me now, it's only Tuesday". The plea
is everyday hyperbole when its sentence names the task, the event or the day it is
about, and says nothing else of harm or despair; "kill me now" alone, or beside "I
can't do this any more", still counts as death on one's mind.

The young people's "kms" is read the same way only with a laugh or a skull in its
sentence and a small mishap named beside it ("forgot my coursework on the bus, kms
💀"); "kms", "kms lol" alone, "kms fr", or "kms" with a time ("missed the last bus lol
kms tonight") keep their weight. Pleas and "kms" alike keep it beside any word of
death, despair, pain or a means.
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
    r"|the\s+dentist|driving\s+lesson)\b"
)
# Anything else of harm or despair in the sentence: the plea is then no joke.
_NOT_A_JOKE = re.compile(
    r"\b(?:di(?:e|ed|es|ing)|dead|death|suicid\w*|kill\s*my\s*self|my\s+life|alive"
    r"|any\s?more|can'?t\s+(?:do|take|cope|go\s+on|keep)|give\s+up|end\s+it|pills"
    r"|tablets|meds|overdos\w*|rope|enough\s+to|serious(?:ly)?|for\s+real|fr|not\s+joking"
    r"|i\s+mean\s+it|hopeless|no\s+point|nothing\s+left|so\s+done|tired\s+of\s+living"
    r"|pain|hurts?|agony|suffer\w*|living|existing|this\s+life|every\s+day)\b"
)
# A time beside "kms" makes it a plan, not a laugh: "kms tonight". (Beside "kill me
# now" a day names the tedious thing: "Ofsted are in tomorrow, kill me now".)
_KMS_WHEN = re.compile(r"\b(?:tonight|today|now|tomorrow|tmrw|later|this\s+weekend)\b")


# "kms" with a laugh or a skull in its sentence.
_KMS = re.compile(r"\bkms\b")
_LAUGH = re.compile(r"\b(?:lol|lmao|lmfao|haha\w*)\b|💀|😭|😂|🤣")
# A small mishap: something forgotten, dropped or broken, the wifi, a bus missed.
_MISHAP = re.compile(
    r"\b(?:forgot|forgotten|dropped|spilt|spilled|missed|burnt|broke|smashed|cracked"
    r"|tripped|fell\s+over|locked\s+(?:myself\s+)?out|overslept|slept\s+through"
    r"|lost\s+my\s+(?:keys|phone|wallet|purse|card|charger|airpods|homework|notes)"
    r"|wifi|wi-fi|cut\s+out|crashed|autocorrect|replied\s+all|sent\s+(?:it|that)\s+to"
    r"|typo|the\s+bus|the\s+train|my\s+chips|embarrass\w*|cringe|meant\s+for"
    r"|wrong\s+(?:person|chat|group|number)|sent\s+(?:\w+\s+){0,3}?(?:a\s+)?(?:message"
    r"|text|email|pic|photo|voice\s+note)|called\s+(?:my|the|a)\s+\w+\s+(?:mum|mom|dad"
    r"|mummy|daddy)|waved\s+at|said\s+love\s+you)\b"
)


def is_kms_said_of_a_mishap(context: Context, start: int, end: int) -> bool:
    """Whether "kms" at ``start:end`` is laughed off in its sentence and said of a
    small mishap named there, with no time and nothing else of harm or despair."""
    if not _KMS.match(context.text, start):
        return False
    sentence = context.sentence_text(start, end)
    rest = sentence.replace(context.text[start:end], " ", 1)
    return bool(
        _LAUGH.search(rest)
        and _MISHAP.search(rest)
        and not _NOT_A_JOKE.search(rest)
        and not _KMS_WHEN.search(rest)
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
