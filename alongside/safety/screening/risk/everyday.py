"""Words of risk said about something everyday: "I'm sick of living in this flat",
"I don't want to exist on social media any more", "I'm done with this job", "I want it
all to end, this season of the show is dragging", "I hope I don't wake up the baby",
"I hope I don't wake up before nine" (sleeping in), "standing on the bridge watching
the boats" (a place visited for something ordinary).

Only words that are ambiguous on their own are set aside this way: a sentence that
names dying, killing oneself, suicide or one's life is never read as everyday, so
"I want to die, this job is killing me" still alerts.
"""

from __future__ import annotations

import re

from alongside.safety.screening.context import Context
from alongside.safety.screening.risk.errands import is_errand

# Words that always mean risk to life, whatever else the sentence is about.
_PLAIN_RISK = re.compile(
    r"\b(?:di(?:e|es|ed|ing)|dead|death|kill\w*|suicid\w*|(?:my|own|their|his|her)\s+li(?:fe|ves)|alive|overdos\w*"
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
    r"|decaf|coffee|tea|plank|workout|run|training|match|final|office|marathon|race"
    r"|driving\s+test|interview|tattoo|haircut|fringe)\b"
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
# Not waking until a time of day is sleeping in: "not wake up before nine", "until
# ten", "till the afternoon", "before my alarm". "At all", "again" and "tomorrow" are
# not a time one sleeps until.
_WAKING = re.compile(r"\b(?:wake|waking|woke|woken)(?:\s+up)?$")
_SLEEP_IN = re.compile(
    r"^\s+(?:\w+\s+)?(?:(?:before|until|till|til|'til|past)\s+(?:about\s+|around\s+"
    r"|at\s+least\s+|half\s+past\s+|quarter\s+(?:past|to)\s+)?(?:\d|one|two|three|four"
    r"|five|six|seven|eight|nine|ten|eleven|twelve|noon|midday|lunch\w*|mid-?morning|dawn"
    r"|sunrise|late|the\s+(?:afternoon|evening|weekend|alarm)|my\s+alarm|tea\s*time"
    r"|dinner\s*time|supper|my\s+next\s+shift|the\s+next\s+shift)|early|on\s+time"
    r"|in\s+time\s+for|for\s+(?:work|school|my\s+(?:alarm|shift|lecture|class)))\b"
)
# A place of danger visited for something ordinary: watching, walking, eating, with
# friends. Jumping, an edge or any plain word of risk in the sentence keeps it.
_PLACE = re.compile(
    r"\b(?:bridge|cliffs?|roof|rooftop|ledge|balcony|platform|tracks|railway|viaduct"
    r"|car\s+park)\b"
)
_ORDINARY = re.compile(
    r"\b(?:watch(?:ing|ed)?|taking\s+(?:photos|pictures|a\s+(?:photo|picture|selfie))"
    r"|photograph\w*|fishing|walk(?:ing|ed)?\s+(?:the\s+dog|home|over|across|along|to)"
    r"|(?:having|had|eating|ate)\s+(?:my\s+|our\s+|a\s+|an\s+|some\s+)?(?:lunch|breakfast"
    r"|dinner|picnic|coffee|tea|chips|sandwich|ice\s+cream|drink)|enjoy(?:ing|ed)?"
    r"|admir(?:ing|ed)|(?:looking|looked|staring|stared)\s+(?:out\s+)?at\s+the\s+(?:view"
    r"|sunset|sunrise|river|sea|boats?|lights|stars|city|water|waves|birds|trains?)"
    r"|the\s+view|sunset|sunrise|painting|sketching|feeding\s+the\s+(?:ducks|birds|gulls)"
    r"|waiting\s+for\s+(?:a|the|my)\s+(?:train|bus|friend|mate|lift|taxi)|cycling|jogging"
    r"|with\s+(?:my|a|the|some)\s+(?:friends?|mates?|dog|kids|family|partner|girlfriend"
    r"|boyfriend|wife|husband|mum|dad|class|team))\b"
)
_DANGER = re.compile(
    r"\b(?:jump\w*|edge|fall|fell|leap|throw\s+myself|end\s+it|goodbye|last\s+time"
    r"|one\s+step|let\s+go|over\s+the\s+(?:side|rail\w*))\b"
)


def is_ordinary_visit(context: Context, start: int, end: int) -> bool:
    """Whether a place of danger at ``start:end`` is visited for something ordinary
    ("standing on the bridge watching the boats"), with no sign of harm beside it."""
    if not _PLACE.search(context.text, start, end):
        return False
    sentence = context.sentence_text(start, end)
    return bool(
        _ORDINARY.search(sentence)
        and not _PLAIN_RISK.search(sentence)
        and not _DANGER.search(sentence)
    )


# Ambiguous words only: each can be about a job, a flat or a group chat.
_AMBIGUOUS = re.compile(
    r"\b(?:exist\w*|be\s+here|be\s+gone|gone|end|done|over|anymore|any\s+more|living"
    r"|it\s+all|wake(?:\s+up)?|disappear|vanish|take\s+it|do(?:ing)?\s+this|go\s+on|carry\s+on|keep\s+going"
    r"|hopeless|point|give\s+up|out|make\s+it|hold\s+on|through"
    r"|notice)\b"
)


def is_everyday(
    context: Context, start: int, end: int, *, any_words: bool = False
) -> bool:
    """Whether the ambiguous words of risk at ``start:end`` are about something
    everyday named soon after them in the same sentence. With ``any_words``, words
    not on the ambiguous list are read this way too ("I've made up my mind, this job
    has to go")."""
    matched = context.text[start:end]
    if is_ordinary_visit(context, start, end) or is_errand(context, start, end):
        return True
    waking = _WAKING.search(matched)
    if not (any_words or waking or _AMBIGUOUS.search(matched)):
        return False
    sentence_start, sentence_end = context.sentence(start, end)
    sentence = context.text[sentence_start:sentence_end]
    # With ``any_words`` the matched words themselves may hold "my mind".
    rest = sentence.replace(matched, " ") if any_words else sentence
    if _PLAIN_RISK.search(rest):
        return False
    after = context.text[end : min(sentence_end, end + _REACH)]
    if waking and _SLEEP_IN.match(after):
        return True
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


# What follows "I wrote a note" when it is an everyday note: about something, to
# oneself, on the fridge, or to someone met in daily life. A note "for my kids" or
# "to my family" is not in it, nor a note to anyone that explains or apologises ("a note
# for my nurse explaining why I did it"). Used as a negative look-ahead by the plan
# pattern.
EVERYDAY_NOTE = (
    r"\s+(?:about|on|in|asking|saying\s+(?!(?:goodbye|sorry|bye)\b)|to\s+(?:self|myself"
    r"|my\s+(?:future|younger|older|past|teenage|little)\s+self)"
    r"|(?:to|for)\s+(?:the|my|our|a|an|his|her|their)\s+(?:landlord|landlady|school"
    r"|teachers?|milkman|postman|postie|neighbou?rs?|boss|manager|gp|doctor|council"
    r"|nursery|work|office|delivery|driver|cleaner|plumber|tutor|lecturer|class"
    r"|housemates?|flatmates?|colleagues?|team|chemist|pharmacy|vet|dentist|mp"
    r"|councillor|local\s+paper|editor|union|hr|employer|solicitor|head(?:teacher)?"
    r"|university|uni|college|bank|ombudsman|consultant|nurse|pen\s?pals?)\b"
    r"(?![^.!?\n]{0,80}\b(?:explain\w*|why|sorry|apologi\w*|goodbye|bye)\b))"
)
