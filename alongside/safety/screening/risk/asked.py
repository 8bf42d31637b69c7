"""A question someone asked the writer, told with the writer's answer "no": "he asked
me if I'd ever thought about suicide and I said no". The words of risk are the
asker's, and the writer denies them. Told with "yes", or with no answer, they are
read as usual.
"""

from __future__ import annotations

import re

from alongside.safety.screening.context import Context

_ASKED = re.compile(
    r"\b(?:asked|asks|asking)\s+(?:me|us)\s+(?:\w+\s+){0,3}?(?:if|whether)\b"
)
_ANSWERED_NO = re.compile(
    r"[^.!?\n]{0,20}?\b(?:and\s+|but\s+)?i\s+(?:said|told\s+(?:him|her|them)|answered"
    r"|replied|could\s+(?:honestly\s+|truthfully\s+)?say)\s+(?:no|not|never)\b"
    # "…and I said no, but I lied": the answer taken back.
    r"(?![^.!?\n]*\b(?:but|lied|lying|wasn'?t\s+true|not\s+true|pretended|a\s+lie)\b)"
)


def asked_and_denied(context: Context, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` are in a question asked of the writer,
    which they then answered "no" and did not take back."""
    return bool(
        _ASKED.search(context.clause_before(start)[-60:])
        or _ASKED.search(context.text, max(0, start - 60), start)
    ) and bool(_ANSWERED_NO.match(context.text, end))
