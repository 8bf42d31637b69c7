"""Quiet words of risk: ways people at risk say they will not last, that others would
be better for their death, that they are afraid of acting on an urge, or say goodbye
and ask about a means, without the words the main patterns look for.

Each pattern is ``(label, pattern, confidence, negation-inherent)``, read like those
in ``intent``: a match counts only in the writer's own voice, now.
"""

from __future__ import annotations

import re

# A question put to the group for knowledge ("does anyone know which…"): a question
# about a means asked this way is the writer's own.
ASKS_THE_GROUP = re.compile(
    r"^\s*(?:(?:does|do|can|could|will|would|has)\s+)?(?:anyone|anybody|someone"
    r"|somebody)\s+(?:here\s+)?(?:know|tell\s+me|recommend|suggest|have\s+(?:an?\s+)?"
    r"(?:idea|list))\b"
)

QUIET_PATTERNS: tuple[tuple[str, str, float, bool], ...] = (
    # Going somewhere and walking into the water, whoever else the place
    # recalls ("go to the beach where we scattered his ashes and walk into the sea").
    (
        "plan",
        r"\b(?:i'?m\s+going\s+to|i'?m\s+gonna|i'?ll|i\s+will)\s+(?:just\s+)?go\s+"
        r"(?:down\s+)?to\s+[^.!?\n]{0,60}?\band\s+(?:just\s+)?(?:walk|swim|wade)\s+(?:out\s+)?"
        r"into\s+the\s+(?:sea|river|water|lake|waves|loch)\b(?!\s+(?:for|with|to\s+cool))",
        0.9,
        False,
    ),
    # No future: not lasting, not made to survive, unsure of still being alive.
    (
        "intent",
        r"\bi\s+(?:know\s+(?:that\s+)?i\s+|just\s+|really\s+)?(?:won'?t|will\s+not)\s+last"
        r"\s+(?:long|much\s+longer|another\s+(?:year|month|week|winter|summer)"
        r"|(?:the|this)\s+(?:year|month|week))\b"
        r"|\b(?:i'?m|i\s+am|i\s+was)\s+(?:just\s+|simply\s+|literally\s+)?not\s+(?:meant"
        r"|built|made|designed)\s+to\s+(?:survive|live|make\s+it|last|be\s+alive)\b"
        r"|\bnot\s+sure\s+(?:if|whether)\s+i'?(?:m|ll|\s+am|\s+will)\s+(?:still\s+)?"
        r"(?:going\s+to\s+|gonna\s+)?(?:live|be\s+(?:alive|here|around))\b"
        r"|\b(?:can'?t|couldn'?t|cannot)\s+(?:see|imagine|picture)\s+myself\s+(?:(?:alive"
        r"|here|around|still\s+here)\s+)?(?:(?:a\s+few|\w+)\s+(?:years?|months?)\s+from\s+now"
        r"|in\s+(?:a\s+few|\w+)\s+years|growing\s+old|getting\s+old|(?:living|alive)\s+past)\b"
        r"|\b(?:i'?d|i\s+would|i)\s+(?:hate|not\s+want|don'?t\s+want)\s+to\s+live\s+to\s+see\b"
        r"|\bcan'?t\s+live\s+through\s+(?:another|one\s+more|this\s+(?:again|any\s?more))\b",
        0.75,
        True,
    ),
    # Others better for one's death, or missing one only after it.
    (
        "intent",
        r"\bmy\s+(?:death|dying|suicide)\s+would\s+(?:(?!not\b|never\b|hardly\b)\w+\s+)?(?:improve|help|free|make"
        r"\s+(?:\w+\s+){0,4}?(?:better|easier|happier)|be\s+(?:better|easier|a\s+relief"
        r"|a\s+gift))\b"
        r"|\b(?:would|will)\s+(?:\w+\s+)?miss\s+me\s+if\s+i(?:'d|\s+had)?\s+(?:died|die"
        r"|was\s+gone|were\s+gone|killed\s+myself)\b",
        0.8,
        False,
    ),
    # Afraid of acting on an urge; an urge to use something against the body.
    (
        "intent",
        r"\b(?:scared|afraid|worried|terrified|frightened)\s+(?:that\s+)?i\s+(?:might|will"
        r"|could|'ll|may)\s+(?:actually\s+|really\s+)?(?:carry\s+it\s+out|act\s+on\s+(?:it"
        r"|them|the\s+urges?|my\s+thoughts)|go\s+through\s+with\s+it)\b"
        r"|\burges?\s+to\s+(?:shove|stick|push|jab|stab|plunge|drive|put)\s+(?:it|\w+)\s+"
        r"(?:in|into|through)\s+my\s+(?:neck|throat|chest|heart|wrists?)\b",
        0.8,
        False,
    ),
    # Goodbyes without a word for dying.
    (
        "goodbye",
        r"\b(?:(?:only|just)\s+(?:delaying|putting\s+off)\s+the\s+inevitable"
        r"|see\s+(?:you|y'?all|everyone)\s+(?:all\s+)?(?:next\s+time\s+around|in\s+(?:the"
        r"\s+|my\s+|another\s+)?(?:next|other|another)\s+life)"
        r"|(?:final|last)\s+good\s?bye(?:\s+(?:message|letter|note))?"
        r"|good\s+bye\s+(?:everyone|everybody|all|world|forever|guys)"
        r"|one\s+last\s*,\s*(?:good|proper|real|nice)\s+(?:conversation|chat|talk|message)"
        r"|(?:don'?t|do\s+not)\s+want\s+to\s+be\s+talked\s+out\s+of\s+it"
        r"|the\s+last\s+time\s+i(?:'ll|\s+will)\s+(?:ever\s+)?(?:have\s+to\s+)?(?:feel|suffer"
        r"|hurt|cry)\b(?=[^.!?\n]{0,30}\bafter\s*all))\b",
        0.85,
        False,
    ),
    # Asking about a means or a place for it.
    (
        "own_question",
        r"\b(?:products?|chemicals?|things?|pills?|drugs?|medicines?|medications?|stuff)"
        r"\s+(?:\w+\s+){0,3}?to\s+(?:mix\s+)?(?:to\s+)?(?:kill\s+(?:my|one)\s*self"
        r"|overdose\s+on|end\s+my\s+life)\b"
        r"|\b(?:still\s+)?(?:an?\s+)?(?:option|place|spot|location)\s+for\s+suicide\b"
        r"|\b(?:still\s+)?(?:possible|available|easy|able)\s+to\s+jump\s+(?:off|from)\b"
        # "Why should I not end it?": asking oneself for a reason to live.
        r"|\bwhy\s+(?:the\s+(?:fuck|hell|heck)\s+)?(?:should\s+i\s+not|shouldn'?t\s+i)\s+"
        r"(?:just\s+)?(?:die|end\s+(?:it|my\s+life|things|everything)|kill\s+myself)\b",
        0.8,
        False,
    ),
    # Alive only for someone else's sake; doing the world a favour by going.
    (
        "intent",
        r"\b(?:i\s+)?(?:would|'d)(?:\s+have|'ve|\s+of)\s+been\s+gone\s+(?:long\s+ago|by\s+now"
        r"|years\s+ago|a\s+long\s+time\s+ago)\b"
        r"|\bthe\s+only\s+reason\s+i'?m\s+(?:still\s+(?:alive|here|around)|alive|breathing)\b"
        r"|\b(?:do|doing)\s+the\s+world\s+a\s+favou?r\b|\bends\s+it\s+all\b",
        0.75,
        False,
    ),
    # Not having done it yet, or only not tonight.
    (
        "intent",
        r"\b(?:didn'?t|did\s+not|haven'?t|have\s+not|hasn'?t)\s+(?:kill(?:ed)?|end(?:ed)?)\s+"
        r"myself\s+(?:yet|tonight|today|this\s+time)\b",
        0.8,
        True,
    ),
    # Afraid of giving in one day ("scared that one day I won't be strong enough and
    # end up doing it"); thoughts of crashing one's car on purpose.
    (
        "intent",
        r"\b(?:scared|afraid|terrified|frightened|worried)\b[^!?\n]{0,100}?\bend\s+up"
        r"\s+(?:actually\s+)?(?:doing\s+it|going\s+through\s+with\s+it)\b(?!\s+(?:all|again"
        r"|myself|alone|wrong|for|at|in|by|anyway))"
        r"|\b(?:think|thinking|thought|thoughts|fantasi[sz]\w*|imagin\w*|daydream\w*|urges?)"
        r"\s+(?:\w+\s+){0,2}?(?:about|of|to)\s+(?:just\s+)?(?:flip(?:ping)?|crash(?:ing)?"
        r"|swerv(?:e|ing)|wrap(?:ping)?|driv(?:e|ing))\s+my\s+car\s+(?:\w+\s+){0,2}?(?:on"
        r"\s+(?:the\s+)?(?:motorway|highway|freeway|bridge|purpose)|(?:off|over)\s+(?:a|the)"
        r"\s+(?:bridge|cliff|edge|road|pier|motorway|highway|side)|(?:into|in\s+front\s+of)"
        r"\s+(?:a\s+|the\s+|an\s+)?(?:on\s?coming\s+)?(?:wall|tree|lorry|truck|bus|traffic"
        r"|river|sea|lake|pillar|barrier|ditch|lamp\s?post|bridge|train|car))\b",
        0.75,
        False,
    ),
    # Losing the will to carry on or keep going, about nothing named after it.
    (
        "intent",
        r"\b(?:lost|losing|lose)\s+(?:the\s+|all\s+|my\s+)?(?:will|wish|desire)\s+to\s+"
        r"(?:carry\s+on|keep\s+going)\b(?!\s+(?:with|at|in|doing|for|to|on)\b)",
        0.7,
        False,
    ),
    # Feeling fated to die this way.
    (
        "intent",
        r"\b(?:destined|bound|fated|doomed|going)\s+to\s+(?:die\s+by\s+(?:suicide|my\s+own"
        r"\s+hand)|end\s+up\s+killing\s+myself)\b",
        0.8,
        False,
    ),
)
