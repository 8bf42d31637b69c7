"""Affairs put in order for a reason of prudence: "I've sorted my will and my funeral
plan, just being sensible at 80", "we've sorted our wills now the baby's here",
"making a will for peace of mind", "took out life insurance so the kids are fine if
anything happens". A will, a funeral plan or life insurance with a sensible reason
named beside it, and nothing of harm, farewell or a time soon, is no goodbye; "I've
sorted my will so nobody has to deal with anything" and a will beside a means named
("…just in case, the rope is in the shed") keep their weight.
"""

from __future__ import annotations

import re

from alongside.safety.screening.context import Context
from alongside.safety.screening.risk.means_named import MEANS

_AFFAIRS = re.compile(
    r"\b(?:wills?|funeral\s+plan|affairs|power\s+of\s+attorney|life\s+(?:insurance"
    r"|cover|policy|assurance)|death\s+in\s+service|insurance)\b"
)
_PRUDENT = re.compile(
    r"\b(?:sensible|organised|organized|practical|responsible|grown[\s-]?up|adult"
    r"|peace\s+of\s+mind|just\s+in\s+case|at\s+my\s+age|at\s+(?:[6-9]\d|1[01]\d)"
    r"|(?:[6-9]\d|1[01]\d)\s+(?:this|next)\s+(?:year|month)|now\s+(?:the\s+baby"
    r"|we'?ve|we\s+have|i'?ve\s+(?:retired|bought))|since\s+(?:the\s+baby|we\s+(?:bought|got"
    r"|had))|new\s+(?:baby|house|home|mortgage)|mortgage|solicitor|retire\w*"
    r"|everyone\s+should|financial\s+advis[eo]r|accountant|tick(?:ed)?\s+(?:it\s+)?off"
    # Insurance taken out, compared or renewed, for if anything happens.
    r"|if\s+(?:anything|something)\s+(?:\w+\s+)?(?:happens?|happened|were\s+to\s+happen)"
    r"|in\s+case\s+(?:anything|something)|(?:took|taken|taking|take)\s+out|quotes?"
    r"|premiums?|compar\w+|renew\w*|broker|policy\s+through\s+work)\b"
)
_NOT_PRUDENT = re.compile(
    r"\b(?:di(?:e|es|ed|ing)|dead|death|kill\w*|suicid\w*|end\s+it|pills|tablets|tonight"
    r"|soon|sorry|goodbye|bye|won'?t\s+need|nobody|no\s+one|no-one|after\s+i'?m\s+gone"
    r"|when\s+i'?m\s+gone|for\s+when|last|final|ready|any\s?more|burden|"
    + MEANS
    + r")\b"
)


def is_prudent_planning(context: Context, start: int, end: int) -> bool:
    """Whether a will or affairs put in order at ``start:end`` come with a reason of
    prudence in their sentence, and nothing of harm or farewell."""
    if not _AFFAIRS.search(context.text, start, end):
        return False
    sentence = context.sentence_text(start, end)
    return bool(_PRUDENT.search(sentence)) and not _NOT_PRUDENT.search(sentence)
