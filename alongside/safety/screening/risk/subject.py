"""Suicide named as a subject, not as anyone's wish: a subject of work or study ("we
talk about suicide risk every shift", "suicide prevention training"), or talking
about it in general ("it's ok to talk about suicide here", "talking about suicide
reduces risk"). "My suicide risk" and "I want to talk about suicide" stay the
writer's own.
"""

from __future__ import annotations

import re

from alongside.safety.screening.context import Context

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
    return bool(_TALK_ABOUT.search(context.clause_before(start))) and not _FIRST.search(
        context.sentence_text(start, end)
    )
