"""Suicide named as a subject, not as anyone's wish: a subject of work or study ("we
talk about suicide risk every shift", "suicide prevention training"), or talking
about it in general ("it's ok to talk about suicide here", "talking about suicide
reduces risk"), or talking about it as a cause that we all, or people, should take up
("I think it's important to talk about suicide", "we need to talk more about suicide",
"men should be able to speak openly about suicidal thoughts"). "My suicide risk", "I
want to talk about suicide", "can I talk to someone about suicidal thoughts" and "we
need to talk about my suicidal thoughts" stay the writer's own. And a word named as
a word ("unalive is such a weird word", "why do people say unalive instead of
suicide?"): "I want to unalive myself" stays the writer's own.
"""

from __future__ import annotations

import re

from alongside.safety.screening.context import Context
from alongside.safety.screening.risk.findings import RiskFinding

_AS_SUBJECT = re.compile(
    r"\s+(?:risk|risks|prevention|awareness|assessments?|training|rates?|statistics"
    r"|figures|bereavement|research|policy|policies|charity|charities|helplines?)\b"
)
_MY_BEFORE = re.compile(r"\b(?:my|mine)\s+(?:\w+\s+)?$")
# Talking about it, said of no one: "it's ok to talk about", "talking about".
_TALK_ABOUT = re.compile(
    r"(?:^\s*|[,;:]\s*|\b(?:ok|okay|fine|safe|good|important|helps?|right)\s+to\s+)"
    r"(?:talk(?:ing)?|speak(?:ing)?|ask(?:ing)?|chat(?:ting)?)\s+(?:openly\s+)?$"
)
_FIRST = re.compile(r"\b(?:i|i'?m|im|me|my|i'?ve|i'?d|i'?ll)\b")


# Talking as a cause: a talker who is all of us or people in general ("we need to",
# "men should", "let's"), or a judgement with no talker ("it's important to", "so
# important that we"), then the talking itself and what is talked of. The talker is
# never "I": "I need to talk about" and "can I talk to someone" are the writer's own.
_TALKERS = (
    r"(?:we|us|let'?s|people|everyone|everybody|society|men|lads|blokes|boys|women|girls"
    r"|young\s+people|schools?|parents|families|communities|workplaces|employers"
    r"|doctors|gps|the\s+nhs|more\s+people|all\s+of\s+us|folk|more\s+of\s+us)"
)
_JUDGEMENTS = (
    r"(?:important|vital|crucial|essential|good|healthy|helpful|brave|normal|ok|okay"
    r"|fine|safe|right|time|high\s+time|key|so\s+important|really\s+important)"
)
_AS_A_CAUSE = re.compile(
    r"(?:\b"
    + _TALKERS
    + r"\s+(?:\w+\s+){0,6}?|\b"
    + _JUDGEMENTS
    + r"\s+(?:that\s+|for\s+(?:us|people|everyone|men|women|\w+)\s+)?(?:we\s+)?"
    r"(?:all\s+)?(?:\w+\s+)?(?:to\s+)?)"
    r"(?:talk|talking|speak|speaking|chat|chatting|open\s+up|opening\s+up|be\s+open"
    r"|being\s+open|have\s+conversations|conversations?)"
    r"(?:\s+(?:more|openly|honestly|freely|properly|about|around|on|of|together"
    r"|out\s+loud)){0,3}\s*$"
)
_SUBJECT_WORDS = re.compile(r"\b(?:suicid\w*|self[\s-]?harm\w*)\b")
_OWNED = re.compile(r"\b(?:my|mine|our|i|i'?m|i'?ve|i'?ll|i'?d|me)\b")


# The writer's own thoughts of "it" straight after: "…talk about suicide. I think about
# it every day", "…I'm planning mine".
_OWN_THOUGHTS_OF_IT = re.compile(
    r"\b(?:i|i'?m|i'?ve|i\s+have|i\s+am)\s+(?:(?!not\b|never\b|no\b)\w+\s+){0,3}?"
    r"(?:think|thinking|thought"
    r"|plan|planning|planned|want|wanted|wanting|consider\w*|tried|trying|attempt\w*"
    r"|obsess\w*|fantasi\w*|dream\w*)\s+(?:about\s+|of\s+|on\s+)?(?:it|mine|one|doing"
    r"\s+it)\b"
)


# Of them, a plan or a wish of one's own: after someone else's death, "I think about it"
# is grief, "I'm planning mine" is not.
_OWN_PLAN_OF_IT = re.compile(
    r"\b(?:plan\w*|consider\w*|attempt\w*|want\w*|trying|tried|mine)\b"
)


def _own_thoughts_follow(context: Context, end: int, *, plans: bool = False) -> bool:
    """Whether the writer's own thoughts of "it" follow, in the sentence or the next;
    with ``plans``, only a plan or a wish of their own."""
    _, finish = context.sentence(end - 1, end, neighbours=1)
    found = _OWN_THOUGHTS_OF_IT.search(context.text, end, finish)
    return found is not None and (
        not plans or bool(_OWN_PLAN_OF_IT.search(found.group(0)))
    )


def own_thoughts_of_suicide(
    context: Context, set_aside: list[RiskFinding]
) -> list[RiskFinding]:
    """The word "suicide" set aside as a mention or as someone else's, followed by
    the writer's own thoughts of it ("Men need to talk about suicide. I'm planning
    mine."): the writer's own, after all."""
    return [
        RiskFinding("intent", f.start, f.end, 0.8)
        for f in set_aside
        if f.label in {"mention", "about_someone_else"}
        and "suicid" in context.text[f.start : f.end]
        and _own_thoughts_follow(context, f.end, plans=f.label == "about_someone_else")
    ]


def talks_of_suicide_as_a_cause(context: Context, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` name suicide or self-harm as something that
    we all, or people, should talk about, said by no one of their own feelings."""
    matched = context.text[start:end]
    if not _SUBJECT_WORDS.search(matched) or _OWNED.search(matched):
        return False
    before = context.clause_before(start)
    # "about suicide" may be the match itself, or what comes just before it.
    if matched.startswith("about"):
        before += "about "
    found = _AS_A_CAUSE.search(before)
    return (
        found is not None
        and not _OWNED.search(before[found.start() :])
        # "…because I'm planning mine" makes it the writer's own.
        and not _OWNED.search(context.clause_after(end))
        and not _own_thoughts_follow(context, end)
    )


# The word itself, named as a word: said, used or spelt, or said to be a word.
_WORD_BEFORE = re.compile(
    r"\b(?:the\s+words?|words?\s+like|instead\s+of|say(?:s|ing)?|said|use[sd]?|using|call(?:s|ed|ing)?"
    r"|spell\w*|typ(?:e|ed|ing)|writ(?:e|ing)|means?|meaning\s+of|and\s+not|rather\s+than"
    r"|what\s+does|what\s+do\s+(?:people|they|you)\s+mean\s+by)\s+['\"]?$"
)
_WORD_AFTER = re.compile(
    r"['\"]?\s+(?:is|was|'s)\s+(?:such\s+|a\s+|just\s+|so\s+)*(?:a\s+)?(?:\w+\s+)?word\b"
    r"|['\"]?\s+(?:means|mean|instead\s+of|as\s+a\s+word|stands?\s+for|rather\s+than"
    r"|and\s+not)\b"
    # "Is unalive a real word?"
    r"|['\"]?\s+(?:a|an)\s+(?:real\s+|proper\s+|new\s+|actual\s+)?(?:word|term|phrase)\b"
)
_BARE_WORD = re.compile(r"^\s*(?:unalive|kms|ctb|suicide|suicidal)\s*$")
# A question asked about words: a phrase of risk may be named in one ("why do people
# say unalive instead of killed themselves?") when no one in it speaks as "I".
_QUESTION = re.compile(
    r"\?\s*$|^\s*(?:why|what|how|is|are|do|does|should|can|could|would)\b"
)
_FIRST_ANYWHERE = re.compile(r"\b(?:i|i'?m|im|me|my|myself|mine|i'?ve|i'?d|i'?ll)\b")


def names_the_word(context: Context, start: int, end: int) -> bool:
    """Whether a word of risk at ``start:end`` is named as a word: said, used or spelt,
    or said to be a word. A bare word ("unalive", "kms") may be named anywhere; a
    phrase ("killed themselves", "committed suicide") only in a question about words
    with no "I" in it, so "why do I say I want to die?" stays the writer's own."""
    matched = context.text[start:end]
    if not _BARE_WORD.match(matched):
        sentence = context.sentence_text(start, end)
        if not _QUESTION.search(sentence) or _FIRST_ANYWHERE.search(sentence):
            return False
    word_end = start + len(matched.rstrip())
    return bool(
        _WORD_BEFORE.search(context.text, max(0, start - 30), start)
        or _WORD_AFTER.match(context.text, word_end)
    )


def names_suicide_as_a_subject(text: str, end: int) -> bool:
    """Whether the word "suicide" ending at ``end`` names a subject of work or study
    ("suicide risk", "suicide prevention training") that is not the writer's own."""
    start = end - len("suicide")
    return (
        text[start:end] == "suicide"
        and bool(_AS_SUBJECT.match(text, end))
        and not _MY_BEFORE.search(text, max(0, start - 20), start)
    )


def talks_of_suicide_in_general(context: Context, start: int, end: int) -> bool:
    """Whether the words "about suicide" at ``start:end`` follow talking in general,
    with no "I" in their sentence ("talking about suicide reduces risk")."""
    matched = context.text[start:end]
    if not (matched.startswith("about") and matched.endswith("suicide")):
        return False
    return (
        bool(_TALK_ABOUT.search(context.clause_before(start)))
        and not _FIRST.search(context.sentence_text(start, end))
        and not _own_thoughts_follow(context, end)
    )
