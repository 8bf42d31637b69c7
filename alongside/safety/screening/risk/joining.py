"""Wanting to join someone who has died: "since he died I've been thinking about
joining him", "I just want to be with my mum again" after her death. Read only in
the writer's own words ("I" comes first), with a death named in the same or the
next sentence; "joining them at the gym" or "be with my family more" is not it.

And an implied goodbye with no death named: an apology or a goodbye to several people
beside going to be with, or join, someone now, tonight or soon ("sorry Mum, sorry
everyone, I'm going to be with the baby now"). Going to be with someone who is plainly
alive ("…the baby now, she's waking up"), for a time of day ("…the kids now for bath
time") or with a return promised is everyday, and so is going to be with someone with
no goodbye to several people beside it ("off to be with the grandkids now"), a group
of the living ("my mates", "my family"), thanks rather than a goodbye ("thanks
everyone"), or more than final words after it ("…join Sam now for a walk").

And going with someone when they die: "when he goes, I go too", "when Mum dies I'm
going with her"; "when she goes to bed, I go too" is bedtime.
Written in our own words, not from any data set.
"""

from __future__ import annotations

import re

from alongside.safety.screening.context import Context
from alongside.safety.screening.risk.findings import RiskFinding
from alongside.safety.screening.risk.returning import promises_return
from alongside.safety.screening.stance import Stance, stance_of

_JOIN = re.compile(
    r"\b(?:i'?ve\s+been|i'?m|i\s+am|i\s+keep|i(?:\s+just|\s+really|\s+still)?)\s+"
    r"(?:thinking\s+(?:about|of)|want(?:ing)?\s+to|wanna|long(?:ing)?\s+to|ready\s+to"
    r"|going\s+to|need\s+to|wish\s+i\s+could)\s+(?:go\s+and\s+)?(?:just\s+)?"
    r"(?:(?:join(?:ing)?)\s+(?:him|her|them|my\s+(?:\w+\s+)?\w+)"
    r"(?=\s*(?:[.,!;\n]|$|again|soon|in\s+heaven|up\s+there|wherever|on\s+the\s+other"
    r"\s+side|tonight|on\s+(?:his|her|their)\s+(?:birthday|anniversary)))"
    r"|be(?:ing)?\s+with\s+(?:him|her|them|my\s+(?:\w+\s+)?\w+)\s+(?:again|in\s+heaven"
    r"|up\s+there|wherever|on\s+the\s+other\s+side))"
)
_DEATH = re.compile(
    r"\b(?:died|passed(?:\s+away)?|death|dead|lost\s+(?:him|her|them|my)|funeral|grave"
    r"|(?:years?|months?|weeks?)\s+without\s+(?:him|her|them|my|our)"
    r"|heaven|killed\s+(?:him|her|them)sel(?:f|ves)|took\s+(?:his|her|their)\s+own\s+life"
    r"|suicide)\b"
)


def joining_the_dead(context: Context) -> list[RiskFinding]:
    """Wishes to join someone who has died, in the writer's own words now."""
    if context.has_recovery:
        return []
    found = []
    for match in _JOIN.finditer(context.text):
        start, end = match.start(), match.end()
        around = context.sentence_text(start, end, neighbours=1)
        if not _DEATH.search(around.replace(match.group(0), " ")):
            continue
        if context.is_negated(start):
            continue
        found.append(RiskFinding("intent", start, end, 0.85))
    return found


# Someone to be with: a pronoun, "the baby", "my …", or a single name.
# A group of the living ("my mates", "the grandkids", "my family") is not it.
_GROUP = (
    r"(?:mates|friends|pals|team|colleagues|others|group|gang|lads|girls|grandkids"
    r"|grandchildren|kids|children|family|folks|parents)"
)
_SOMEONE = (
    r"(?:him|her|them|the\s+baby|my\s+(?!(?:\w+\s+)?" + _GROUP + r"\b)(?:\w+\s+)?\w+"
    r"|the\s+(?:one|ones|person|people)\s+i\s+(?:lost|loved|love|miss)"
    r"|(?!(?:you|u|us|everyone|everybody|all|the|a|an|my|your|friends|people)\b)[a-z]+)"
)
_BE_WITH = re.compile(
    r"\b(?:(?:i'?m|i\s+am|im)\s+)?(?:going\s+(?:off\s+)?to|gonna|off\s+to|about\s+to"
    r"|ready\s+to|time\s+(?:for\s+me\s+)?to|leaving\s+to|i'?ll|i\s+will|i\s+can)\s+"
    r"(?:go\s+(?:and\s+)?)?(?:be\s+with|join|be\s+reunited\s+with|hold)\s+"
    + _SOMEONE
    + r"(?:\s+(?:again|at\s+last|in\s+heaven|up\s+there|who\s+\w+(?:\s+\w+)?"
    r"|i\s+lost))?\s*,?\s*(?:now|tonight|soon|at\s+last|finally|today|again)\b"
)
# An apology or a goodbye to several people: the group, or two named in turn.
_TO_SEVERAL = re.compile(
    r"\b(?:sorry|bye|goodbye|good\s+bye|farewell|love\s+(?:you|u)|forgive\s+me)"
    r"\s*,?\s*(?:to\s+)?(?:everyone|everybody|all(?:\s+of\s+you)?"
    r"|you\s+all|guys|y'?all|every\s+one)\b"
    r"|\b(?:sorry|bye|goodbye|love\s+you)\s+\w+\s*(?:,\s*|\s+and\s+)(?:(?:sorry|bye"
    r"|goodbye|love\s+you)\s+)?\w+\b(?=\s*(?:[,.!;\n]|$))"
)
# The one to be with is plainly alive, it is a time of day or an occasion with them,
# the writer is called away in a hurry, or sorry only for the post.
_ALIVE = re.compile(
    r"\b(?:(?:she|he|they|it)(?:'s|\s+is|\s+are|'re|\s+has|\s+have|'ve)\s+(?:\w+\s+)?"
    r"(?:waking|woken|awake|up|crying|hungry|home|back|poorly|ill|sick|teething|asleep"
    r"|napping|arrived|calling|shouting|due|in\s+hospital|in\s+a\s*&\s*e|playing"
    r"|got|had|starting|finished)|needs?\s+me|wants?\s+me|for\s+(?:tea|dinner|lunch"
    r"|breakfast|bath\s*time|bedtime|a\s+bit|a\s+while|the\s+(?:evening|night|day"
    r"|weekend))|bath\s*time|bedtime|feed\w*|nappy|school\s+run|visiting\s+hours"
    # Called away in a hurry: "sorry guys, got to go".
    r"|(?:got|have|gotta|need)\s+to\s+(?:go|dash|run|fly)|gotta\s+(?:go|dash|run)"
    r"|must\s+(?:dash|run|fly)"
    # An occasion, or sorry only for the post itself: "sorry for the rant".
    r"|christmas|birthday|holiday|half\s+term|party|wedding|anniversary|the\s+match"
    r"|sorry\s+(?:\w+\s+)?for\s+(?:the|my|this)\s+(?:rant|long\s+post|moan\w*|essay"
    r"|waffl\w*|vent\w*|typos?|spam|late\s+reply))\b"
)


# Going with someone when they die: "when he goes, I go too", "when Mum dies I'm going
# with her". "When she goes to bed, I go too" is bedtime.
_GOING_WITH = re.compile(
    r"\bwhen\s+(?:he|she|they|mum|dad|my\s+\w+)\s+(?:goes|dies|passes|is\s+gone)\s*,?\s+"
    r"i(?:'?m|\s+am|'?ll|\s+will)?\s+(?:go|going|die|be\s+going)\s+(?:too|as\s+well"
    r"|with\s+(?:him|her|them))\b"
    # Going somewhere with them: "…I go too, to the park".
    r"(?!\s*[-\u2013\u2014,]?\s*(?:to|for|with|into|on|at|out|home|back)\b)"
)


# Going somewhere ordinary together: "…we always leave parties together".
_GOING_OUT = re.compile(
    r"\b(?:leave|leaves|leaving|left|parties|party|pub|home|bed|work|shift|shops?|park|walks?"
    r"|holiday|out|back|the\s+(?:car|bus|train|station|match|gym))\b"
)


def going_with_someone(context: Context) -> list[RiskFinding]:
    """Going with someone when they die, in the writer's own words now."""
    return [
        RiskFinding("intent", m.start(), m.end(), 0.85)
        for m in _GOING_WITH.finditer(context.text)
        if not _GOING_OUT.search(context.sentence_text(m.start(), m.end()))
        and not context.is_negated(m.start())
        and stance_of(context, m.start(), m.end())
        not in {Stance.QUOTED, Stance.REPORT, Stance.SELF_PAST}
    ]


# After going to be with someone, only final words may follow ("I'm sorry", "love you
# all", "don't blame yourselves"), or nothing: anything else ("…for a walk", "the train
# is nearly there") is an ordinary plan.
_FINAL_WORDS = re.compile(
    r"\b(?:sorry|love|forgive\w*|goodbye|bye|miss\w*|don'?t\s+(?:be\s+sad|blame|cry"
    r"|worry)|look\s+after|take\s+care|heaven|at\s+last|finally|peace|for\s+everything"
    r"|again|forever|for\s+good|waiting|gone|lost|died|with\s+(?:him|her|them))\b"
)
_CHUNK = re.compile(r"[^.,!?;:\n]+")
_KISSES = re.compile(r"^\s*(?:x+|xo+|<3|now|tonight|soon|i'?m|and|then|so)?\s*$")


def _only_final_words_after(context: Context, end: int) -> bool:
    """Whether the words after ``end``, in its sentence and the next, are only final
    words or nothing."""
    _, finish = context.sentence(end - 1, end, neighbours=1)
    return all(
        _KISSES.match(chunk.group(0)) or _FINAL_WORDS.search(chunk.group(0))
        for chunk in _CHUNK.finditer(context.text, end, finish)
    )


def going_to_be_with_someone(context: Context) -> list[RiskFinding]:
    """An implied goodbye: going to be with someone now, tonight or soon, beside an
    apology or a goodbye to several people, in the writer's own words."""
    if context.has_recovery:
        return []
    found = []
    for match in _BE_WITH.finditer(context.text):
        start, end = match.start(), match.end()
        around = context.sentence_text(start, end, neighbours=1)
        if (
            not _TO_SEVERAL.search(around)
            or _ALIVE.search(around)
            or not _only_final_words_after(context, end)
            or promises_return(context, start, end)
            or context.is_negated(start)
            or stance_of(context, start, end)
            in {Stance.QUOTED, Stance.OTHER, Stance.REPORT, Stance.SELF_PAST}
        ):
            continue
        found.append(RiskFinding("goodbye", start, end, 0.85))
    return found
