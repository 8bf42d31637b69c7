"""A question or a general "you" that is really about the writer: "anyone else feel
like killing themselves every day?", "how do you cope with wanting to die every
day?", "is it just me who wants to stop existing?", "you know when you just want to
stop existing? that's me".

The stance reader takes "themselves" as someone else and "you" as the reader, which
is right for a supporter's question ("do you want to kill yourself?") but not for
these frames: each asks whether others share what the writer feels, or describes
the feeling in general and then claims it. The frame must come first and the wish
straight after it, so "how do you cope with someone wanting to die?" stays a
supporter's question. Written in our own words, not from any data set.
"""

from __future__ import annotations

import re

import alongside.safety.screening.scan as scan
from alongside.safety.screening.context import Context
from alongside.safety.screening.risk.findings import RiskFinding

# Wanting or feeling like dying, said of anyone ("killing themselves", "you want to").
_WISH = (
    r"(?:(?:always\s+|constantly\s+|just\s+|really\s+|still\s+)?(?:feel(?:s|ing)?\s+like"
    r"|want(?:s|ing)?\s+to|wanna|wish(?:es|ing)?\s+(?:to|(?:they|you|u|i)\s+(?:were|was"
    r"|could))|long(?:s|ing)?\s+to|think(?:s|ing)?\s+(?:about|of)|dream(?:s|ing)?\s+(?:about"
    r"|of)|(?:get|have|has|having)\s+(?:the\s+)?(?:urges?|thoughts?)\s+(?:to|of|about))\s+"
    r"(?:just\s+)?(?:kill(?:ing)?\s+(?:themselves|themself|yourself|urself|oneself|myself)"
    r"|(?:die|dying)(?!\s+(?:of|for|from|laughing|inside|to\s+(?:see|know|try|go|get"
    r"|hear|meet|tell)))|be(?:ing)?\s+dead|stop(?:ping)?\s+existing|not\s+(?:be(?:ing)?\s+)?(?:here"
    r"|alive|exist(?:ing)?)|disappear(?:ing)?\s+(?:forever|for\s+good)|end(?:ing)?\s+(?:it"
    r"(?:\s+all)?|(?:their|your|one'?s|my)\s+(?:own\s+)?lives?)|suicide|not\s+wak(?:e|ing)"
    r"\s+up(?!\s+(?:before|until|till|early))|(?:go(?:ing)?\s+to\s+)?sleep\s+(?:forever|and"
    r"\s+never\s+wake))"
    r"|(?:be(?:ing)?\s+|feel(?:s|ing)?\s+|get(?:ting)?\s+)?suicidal"
    r"|kill(?:ing)?\s+(?:themselves|themself|oneself)"
    # Losing the will to go on ("anyone else just lost the will to carry on?"),
    # with nothing everyday after it ("…the will to carry on with revision?").
    r"|(?:lost|losing|lose)\s+(?:the\s+|all\s+|their\s+|your\s+|my\s+)?(?:will|wish"
    r"|desire|reason)\s+to\s+(?:live|carry\s+on|go\s+on|keep\s+going|keep\s+living"
    r"|be\s+alive|stay\s+alive|exist)\b(?!\s+(?:with|at|in|doing|for)\b))\b"
)
# Asking whether others share it: "anyone else…", "is it just me who…".
_SHARED = re.compile(
    r"\b(?:(?:does|do|is)\s+)?(?:(?:any\s?one|anybody|everyone|everybody)\s+else"
    r"|is\s+it\s+(?:just|only)\s+me|am\s+i\s+the\s+only\s+(?:one|person)|(?:is\s+there\s+)?"
    r"(?:any\s?one|anybody)\s+(?:here|out\s+there)\s+(?:else\s+)?(?:who|that)?)\s+"
    r"(?:(?:who|that)\s+)?(?:\w+\s+){0,2}?" + _WISH
)
# Asking how people live with it: the frame, then the wish straight after.
_COPE = re.compile(
    r"\bhow\s+(?:do|does|did|can|would|should)\s+(?:you|u|people|anyone|anybody|one|others"
    r"|y'?all|you\s+guys|you\s+all|other\s+people)\s+(?:cope|deal|live|manage|get\s+through"
    r"\s+(?:the\s+day|each\s+day|life)|handle\s+it|keep\s+going|carry\s+on|go\s+on|function"
    r"|survive)\s+(?:with\s+|when\s+(?:you|u|they)\s+|while\s+|if\s+(?:you|u|they)\s+)"
    r"(?:the\s+)?(?:feeling\s+of\s+|thoughts\s+of\s+|urges?\s+to\s+)?" + _WISH
)
# Describing it in general, then claiming it: "you know when you… ? that's me".
_GENERAL = re.compile(
    r"\byou\s+know\s+(?:when|that\s+feeling\s+(?:when|where)|how\s+sometimes)\s+(?:you|u)"
    r"\s+" + _WISH
)
_CLAIMED = re.compile(
    r"\b(?:that'?s|that\s+is|this\s+is|thats)\s+(?:me|how\s+i\s+(?:feel|am)|what\s+i\s+feel"
    r"|my\s+(?:life|every\s+day|whole\s+life))\b|\bme\s+(?:every\s+(?:day|night)|right\s+now"
    r"|rn|all\s+the\s+time|constantly)\b|\bi\s+feel\s+(?:like\s+)?that\b"
)
# Words that may open the sentence before "anyone else…".
_OPENING = re.compile(
    r"^[\W_]*(?:(?:so|honestly|genuinely|just\s+wondering|serious\s+question|quick"
    r"\s+question|ok|okay|um|hey|guys|and|but)\W*)*$"
)
# How far after the general words the writer may claim them.
_CLAIM_REACH = 120


def own_voice(context: Context) -> list[RiskFinding]:
    """Findings where a question or a general "you" speaks for the writer."""
    text = context.text
    found: list[RiskFinding] = []
    for match in scan.finditer(_GENERAL, text):
        start, end = match.start(), match.end()
        if _CLAIMED.search(text, end, end + _CLAIM_REACH) and not context.is_negated(
            start
        ):
            found.append(RiskFinding("own_question", start, end, 0.75))
    for pattern in (_SHARED, _COPE):
        for match in scan.finditer(pattern, text):
            start, end = match.start(), match.end()
            sentence_start, _ = context.sentence(start, end)
            if pattern is _SHARED and not _OPENING.match(text[sentence_start:start]):
                continue
            if context.is_negated(end - 1):
                continue
            found.append(RiskFinding("own_question", start, end, 0.75))
    return found
