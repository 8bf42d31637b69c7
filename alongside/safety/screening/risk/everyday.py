"""Words of risk said about something everyday: "I'm sick of living in this flat",
"I don't want to exist on social media any more", "I'm done with this job", "I want it
all to end, this season of the show is dragging", "I hope I don't wake up the baby".

Only words that are ambiguous on their own are set aside this way: a sentence that
names dying, killing oneself, suicide or one's life is never read as everyday, so
"I want to die, this job is killing me" still alerts.
"""

from __future__ import annotations

import re

from alongside.safety.screening.context import Context

# Words that always mean risk to life, whatever else the sentence is about.
_PLAIN_RISK = re.compile(
    r"\b(?:di(?:e|es|ed|ing)|dead|death|kill\w*|suicid\w*|(?:my|own)\s+life|alive|overdos\w*"
    r"|hang(?:ing)?\s+myself|wrists?|pills|tablets|rope|noose|this\s+world|this\s+earth"
    r"|(?:this|my)\s+(?:body|head|mind|pain|existence))\b"
)
# Something everyday the words are about, soon after them in the same sentence.
_EVERYDAY = re.compile(
    r"(?:(?:this|that|the|my|our|these|those|a)\s+(?:\w+\s+)?|\b(?:in|on|at|with|from|of"
    r"|without)\s+)"
    r"(?:job|work|office|shift|meeting|meetings|class|lesson|course|module|school|uni"
    r"|college|exam|exams|homework|assignment|essay|flat|house|room|town|city|village"
    r"|country|area|queue|traffic|weather|rain|heat|noise|neighbours?|group\s+chat|chat"
    r"|server|app|site|website|platform|social\s+media|the\s+internet|internet|phone"
    r"|game|show|series|season|episode|film|movie|book|song|album|team|club|gym|diet"
    r"|commute|rota|deadline|spreadsheet|inbox|emails?|to\s+do\s+list|list|company|boss"
    r"|manager|party|wedding|holiday|trip|move|flight|builders?|landlord|paperwork|forms?"
    r"|decaf|coffee|tea|plank|workout|run|training|match|final|office)\b"
    r"|\b(?:paycheque\s+to\s+paycheque|pay\s*check\s+to\s+pay\s*check|hand(?:ing|ed)?\s+in"
    r"\s+my\s+notice|moving\s+(?:to|house|out|abroad|away)|switching\s+to|lol|lmao)\b"
)
_WHEN = re.compile(r"\b(?:after|before|until|till|by|once|when|during)\s+$")
# How far after the words the everyday thing may be named.
_REACH = 70
# Waking someone else ("I hope I don't wake up the baby"), not oneself.
_WAKE_SOMEONE = re.compile(
    r"^\s+(?:the|my|our|your|his|her|their|him|them|everyone|anyone|everybody|anybody"
    r"|\w+'s)\b(?!\s+(?:next|following)\s+(?:morning|day))"
)
# Ambiguous words only: each can be about a job, a flat or a group chat.
_AMBIGUOUS = re.compile(
    r"\b(?:exist\w*|be\s+here|be\s+gone|gone|end|done|over|anymore|any\s+more|living"
    r"|it\s+all|wake(?:\s+up)?|disappear|vanish|take\s+it|do\s+this|go\s+on|keep\s+going"
    r"|hopeless|point|give\s+up|out|make\s+it|hold\s+on|through"
    r"|notice)\b"
)


def is_everyday(context: Context, start: int, end: int) -> bool:
    """Whether the ambiguous words of risk at ``start:end`` are about something
    everyday named soon after them in the same sentence."""
    matched = context.text[start:end]
    if not _AMBIGUOUS.search(matched):
        return False
    sentence_start, sentence_end = context.sentence(start, end)
    sentence = context.text[sentence_start:sentence_end]
    if _PLAIN_RISK.search(sentence):
        return False
    after = context.text[end : min(sentence_end, end + _REACH)]
    if matched.endswith("wake up") and _WAKE_SOMEONE.match(after):
        return True
    # From the last words of the match: "I'm done with this | job". A time ("after
    # my exams") says when, not what the words are about.
    for found in _EVERYDAY.finditer(
        context.text, max(start, end - 10), end + len(after)
    ):
        if not _WHEN.search(context.text, max(0, found.start() - 10), found.start()):
            return True
    return False
