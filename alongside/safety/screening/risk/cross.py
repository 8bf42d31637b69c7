"""Someone who "will kill me" once they find out: they will be cross. "If I fail again
she'll kill me", "when my dad sees the bill he's going to kill me". The threat with
its condition after it ("she'll kill me if…") is among the idioms in ``context``;
this reads it with the condition first, anywhere earlier in the sentence.
"""

from __future__ import annotations

import re

from alongside.safety.screening.context import Context

_CROSS = re.compile(
    r"\b(?:if|when|once)\s+(?:[\w']+\s+){1,10}?(?:she|he|they|mum|mom|dad|boss|\w+)"
    r"(?:'ll|\s+will|\s+would|'d|\s+is\s+going\s+to|'s\s+going\s+to|\s+gonna)\s+"
    r"(?:literally\s+|actually\s+|honestly\s+)?(?P<kill>kill|murder)\s+me\b"
    r"(?!\s*(?:my\s*self|for\s+real))"
)


def is_someone_cross(context: Context, start: int, end: int) -> bool:
    """Whether "kill" at ``start:end`` is someone else's "will kill me" after a
    condition in the same sentence ("if she finds out she'll kill me")."""
    begin, finish = context.sentence(start, end)
    return any(
        match.start("kill") <= start < match.end("kill")
        for match in _CROSS.finditer(context.text, begin, finish)
    )
