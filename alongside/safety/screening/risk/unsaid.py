"""Goodbyes and plans that never name dying: leaving things in order, giving things
away, telling people what to say after, or asking not to be blamed.

Each pattern is ``(label, pattern, confidence, negation-inherent)``, read like those
in ``intent``: a match counts only in the writer's own voice, now. They are written
as general ways of saying goodbye or of having a plan, each needing the writer's own
absence ("after I'm gone", "won't need them after Sunday"), not from any data set.
"""

from __future__ import annotations

_DAY = (
    r"(?:today|tonight|tomorrow|this\s+(?:week|weekend|month)|next\s+week|the\s+weekend"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|my\s+birthday)"
)

UNSAID_PATTERNS: tuple[tuple[str, str, float, bool], ...] = (
    # Speaking of the time after one's own death, and putting affairs in order against
    # a day (a goodbye and a plan are equally urgent). Each pattern has one word
    # boundary before all its kinds, and "I" is looked for behind a word, so ``scan``
    # tries it only where one of its first words is.
    (
        "goodbye",
        r"\b(?:(?:after|once)\s+i'?m\s+gone\b(?!\s+(?:on|to|for|away|out|abroad|shopping"
        r"|home|back))"
        r"|by\s+the\s+time\s+(?:anyone|you|someone|somebody|people|they|you\s+all)\s+"
        r"(?:reads?|sees?|finds?)\s+this\b"
        r"|tell\s+my\s+(?:mum|mom|dad|kids|children|sister|brother|wife|husband|partner"
        r"|family|son|daughter|nan|gran|parents|friends)\s+(?:that\s+)?i\s+loved\b"
        r"|said\s+(?:my\s+)?goodbyes?\s+to\s+(?:everyone|everybody|all\s+the\s+people"
        r"|the\s+people)\s+i\s+(?:care\s+about|love)\b(?=\s*(?:[.,!;]|and\b|$))"
        r"|(?<=\bi\s)won'?t\s+be\s+(?:around|here)(?=\s*(?:[.!]|$))"
        r"|(?<=\bi\s)won'?t\s+need\s+(?:my\s+|any\s+of\s+)?(?:things|stuff|belongings"
        r"|possessions|anything)\s+(?:after|by|beyond|past)\s+" + _DAY + r"\b"
        r"|(?:cancelled|closed|cleared|emptied|sorted\s+out)\s+(?:my\s+)?(?:\w+\s+){0,2}?"
        r"(?:contract|account|desk|locker|direct\s+debits|will)\b[^.!?\n]{0,60}\bwon'?t\s+need\b"
        r"|(?:giving|given|gave)\s+(?:all\s+)?(?:my|them)\s+(?:\w+\s+)?(?:things|stuff"
        r"|belongings|possessions)\s+away\b|giv(?:ing|en|e)\s+away\s+(?:all\s+)?my\s+"
        r"(?:things|stuff|belongings|possessions)\b"
        r"|(?:decided|worked\s+out|know)\s+(?:on\s+)?(?:how\s+and\s+when|when\s+and\s+how)\b"
        r"|(?:research\w*|look\w*\s+up|read\w*\s+up\s+on)\s+(?:\w+\s+)?(?:ways|methods|how)"
        r"\s+to\s+do\s+it\s+(?:quietly|painlessly|properly|without\s+(?:pain|anyone|it\s+hurting)"
        r"|so\s+(?:nobody|no\s+one))"
        r"|(?:then|after\s+(?:that|tonight|this))\s*,?\s+(?:nobody|no\s+one|no-one)\s+will\s+"
        r"(?:ever\s+)?(?:have|need)\s+to\s+(?:worry\s+about|deal\s+with|look\s+after|put\s+up"
        r"\s+with)\s+me\b)",
        0.85,
        False,
    ),
    # Asking not to be blamed (the "don't" is part of the goodbye, not a negation).
    (
        "goodbye",
        r"\b(?:blame|forgive)\s+(?:yourselves|yourself|anyone|me|them)\s+for\s+what\s+i'?m"
        r"\s+(?:about|going)\s+to\s+do\b",
        0.85,
        True,
    ),
    # A place of height and a jump in one plan, without "off" ("drive to the bridge
    # and jump"), and goodbyes said with readiness ("said goodbye to my family and
    # I'm ready to go").
    (
        "plan",
        r"\b(?:going\s+to|gonna|i'?ll|i\s+will)\s+(?:\w+\s+){0,2}?(?:to|up\s+to|out\s+to"
        r"|onto)\s+(?:the|a|that)\s+(?:\w+\s+)?(?:bridge|cliffs?|roof|rooftop|viaduct"
        r"|multi-?storey|car\s+park|tower\s+block)\s+and\s+jump\b(?!\s+(?:in|into|on|up)\b)",
        0.9,
        False,
    ),
    (
        "goodbye",
        r"\bsaid\s+(?:my\s+)?goodbyes?\s+to\s+(?:everyone|everybody|my\s+(?:family|kids"
        r"|children|parents|mum|mom|dad|partner|wife|husband|friends))\b[^.!?\n]{0,20}?"
        r"\band\s+i'?m\s+(?:now\s+)?ready(?:\s+to\s+go)?(?=\s*(?:[.!\n]|$))",
        0.85,
        False,
    ),
    # Taking something so as not to wake ("I'm going to take the morphine and not wake
    # up"); the "not" is part of the plan.
    (
        "plan",
        r"\b(?:going\s+to|gonna|i'?ll|i\s+will|about\s+to)\s+(?:just\s+)?(?:take|swallow"
        r"|drink|have)\s+(?:all\s+)?(?:the|my|them|it|some|enough)\b[^.!?\n]{0,40}?\band\s+"
        r"(?:not|never)\s+wake(?:\s+up)?\b(?!\s+(?:until|till|til|before|early|on\s+time"
        r"|in\s+time|the|my|anyone|everyone))",
        0.9,
        True,
    ),
    # Easier for everyone if one did not wake or were not here (the "not" is the wish).
    (
        "intent",
        r"\b(?:easier|better|simpler|kinder)\s+(?:for\s+(?:everyone|everybody|them|all\s+of"
        r"\s+them|my\s+family)\s+)?if\s+i\s+(?:just\s+)?(?:(?:didn'?t|did\s+not|never)\s+"
        r"wake(?:\s+up)?\b(?!\s+(?:up|the|my|him|her|them|everyone|anyone|until|till|before"
        r"|early|so|at|in|on))|(?:wasn'?t|weren'?t|was\s+not|were\s+not)\s+(?:here|around"
        r"|alive)\b(?!\s+(?:for|to|when|on|at|this|next|tomorrow))|(?:was|were)\s+(?:gone"
        r"|dead)\b(?!\s+(?:for|on|by|from)))",
        0.8,
        True,
    ),
    # The world or the people one loves better for one's absence.
    (
        "intent",
        r"\b(?:world|everyone|everybody|family|kids|people\s+i\s+love)"
        r"\s+would\s+be\s+(?:\w+\s+)?(?:better|lighter|easier|happier|freer)\s+(?:off\s+)?"
        r"without\s+me\b",
        0.8,
        False,
    ),
)
