"""The steps of suicidal thinking that the other patterns miss, as clinicians ask
about them: a wish to be dead or not to wake up, no reason left to live, thinking how
one would do it, and an attempt spoken of as recent.

Each pattern is ``(label, pattern, confidence, negation-inherent)``, read like those
in ``intent``: a match counts only in the writer's own voice, now, and an ambiguous
one is set aside when the sentence says it is about something everyday
(``everyday``). Written from the questions of clinical risk scales, in our own words,
not from any data set.
"""

from __future__ import annotations

_RECENT_TIME = (
    r"(?:last\s+night|yesterday|this\s+(?:morning|week)|last\s+week|on\s+(?:monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday)|(?:two|three|four|five|a\s+few|\d+)\s+days"
    r"\s+ago|(?:a|one|two|three|\d+)\s+weeks?\s+ago)"
)
_ATTEMPT = (
    r"(?:overdosed|od'?d|took\s+an\s+overdose|(?:my|an?)\s+(?:suicide\s+)?attempt"
    r"|tried\s+to\s+(?:kill|hang|end)\s+(?:myself|my\s+life))"
)

# Read before the other patterns, whose "what's the point" would be set aside as a
# question to the reader.
LADDER_QUESTIONS: tuple[tuple[str, str, float, bool], ...] = (
    # "Is it normal to think about suicide every day?": asking about oneself.
    (
        "own_question",
        r"\bis\s+it\s+(?:normal|weird|bad|okay|ok|wrong|common)\s+(?:to|that\s+i)\s+(?:think"
        r"|want|wish|fantasi[sz]e|dream)\w*\s+(?:about\s+|of\s+)?(?:suicide|dying|killing"
        r"\s+myself|ending\s+it|ending\s+my\s+life|to\s+die)\b",
        0.75,
        False,
    ),
    # "What's the point in being alive?": asked of oneself, not of anyone.
    (
        "own_question",
        r"\bwhat'?s\s+the\s+(?:point|use)\s+(?:in|of)\s+(?:being\s+alive|living|staying\s+alive"
        r"|going\s+on\s+living|existing|waking\s+up|carrying\s+on\s+living)\b",
        0.75,
        True,
    ),
)

LADDER_PATTERNS: tuple[tuple[str, str, float, bool], ...] = (
    # A wish to be dead, told as a wish not to be alive, or as not minding dying.
    (
        "intent",
        r"\b(?:wish|wished|wishing)\s+(?:that\s+)?i\s+(?:wasn'?t|weren'?t|was\s+not|were"
        r"\s+not|didn'?t|did\s+not)\s+(?:\w+\s+)?(?:alive|exist|around|breathing)\b"
        r"|\b(?:wish|wished|wishing)\s+(?:that\s+)?i(?:'d|\s+had)\s+never\s+(?:been\s+born"
        r"|woken\s+up|existed)\b"
        r"|\bi\s+(?:wouldn'?t|would\s+not|won'?t)\s+(?:mind|care)\s+(?:if\s+i\s+(?:died"
        r"|didn'?t\s+wake\s+up|never\s+woke\s+up|got\s+hit|was\s+gone|were\s+gone)|dying"
        r"|not\s+waking\s+up)\b"
        r"|\b(?:i'?d|i\s+would)\s+(?:honestly\s+|actually\s+)?(?:be\s+)?(?:fine|okay|ok"
        r"|happy|glad|relieved)\s+(?:if\s+(?:a\s+\w+\s+(?:hit|killed)\s+me|i\s+(?:died|didn'?t"
        r"\s+wake\s+up|never\s+woke\s+up|got\s+hit|was\s+gone))|to\s+(?:just\s+)?(?:die|not"
        r"\s+wake\s+up)(?!\s+for)|(?:just\s+)?(?:not|never)\s+waking\s+up(?!\s+for))\b"
        r"|\b(?:don'?t|do\s+not|dont)\s+(?:even\s+)?care\s+(?:if|whether)\s+i\s+(?:live|die"
        r"|wake\s+up|survive)\b(?!\s+on\s+this\s+hill)"
        r"|\bif\s+(?:a|the)\s+\w+\s+(?:hit|killed|ran\s+over)\s+me\b[^.!?\n]{0,40}\bi\s+"
        r"(?:honestly\s+|really\s+|genuinely\s+)?(?:wouldn'?t|would\s+not)\s+(?:mind|care)\b"
        r"(?=\s*(?:[.!?,;\n]|$|at\s+all\b|honestly\b|tbh\b))"
        r"|\b(?:a|such\s+a)\s+relief\s+(?:to\s+)?(?:just\s+)?(?:not\s+(?:to\s+)?(?:exist|be\s+(?:here|alive"
        r"|around))|to\s+(?:die|be\s+dead|be\s+gone|stop\s+existing))\b"
        r"|\b(?:would|is)\s+it\s+(?:be\s+)?(?:wrong|selfish|bad|okay|ok)\s+(?:if\s+i\s+(?:just\s+)?"
        r"(?:ended\s+it|killed\s+myself|died|ended\s+my\s+life)|to\s+(?:just\s+)?(?:end\s+it"
        r"|kill\s+myself|end\s+my\s+life))\b"
        r"|\b(?:welcome|look\s+forward\s+to|looking\s+forward\s+to|long\s+for|longing\s+for)"
        r"\s+(?:my\s+)?(?:death|dying|not\s+waking\s+up)\b"
        r"|\bnot\s+(?:afraid|scared)\s+(?:of|to)\s+(?:die|dying|death)(?:\s+any\s?more)?\s*,?"
        r"\s+(?:i\s+)?(?:welcome|want|embrace|long\s+for|am\s+ready\s+for|'m\s+ready\s+for)"
        r"\s+it\b"
        # Hoping or praying not to wake, with words between.
        r"|\b(?:hope|hoping|pray|praying|wish)\s+(?:\w+\s+){0,3}?(?:that\s+)?i\s+(?:just\s+"
        r"|simply\s+)?(?:don'?t|do\s+not|won'?t|will\s+not|never|wouldn'?t|didn'?t)\s+wake"
        r"\s+up\b",
        0.8,
        False,
    ),
    # No reason or way left to go on living.
    (
        "intent",
        r"\b(?:don'?t|do\s+not)\s+care\s+enough\s+to\s+(?:live|stay\s+alive|keep\s+living)\b"
        r"|\b(?:no|any)\s+(?:point|reason)\s+(?:in|to|for)\s+(?:living|being\s+alive|staying"
        r"\s+alive|going\s+on\s+living|existing|keep\s+living|wake\s+up|waking\s+up)\b"
        r"|\b(?:can'?t|cannot|don'?t|do\s+not)\s+(?:see|find)\s+(?:a|any)\s+(?:way|reason)\s+"
        r"to\s+(?:keep\s+living|stay\s+alive|live|keep\s+myself\s+alive)\b"
        r"|\b(?:nothing|the\s+world|everything|everyone|everybody|life|things)\s+(?:would"
        r"|will)\s+(?:change|be\s+any\s+different"
        r"|go\s+on|carry\s+on|be\s+the\s+same)\s+(?:(?:the\s+same|just\s+fine|as\s+normal)\s+)?(?:if\s+i\s+(?:was|were|am|died|disappeared)"
        r"(?:\s+(?:gone|dead))?|without\s+me)\b",
        0.75,
        True,
    ),
    # Unable to bear being alive; not wanting to be part of this world.
    (
        "intent",
        r"\b(?:can'?t|cannot)\s+(?:bear|stand)\s+(?:to\s+be\s+alive|being\s+alive|living"
        r"|existing)\b(?!\s+(?:here|in|with|near|next|like\s+(?:this|that)\s+(?:flat|house)))"
        r"|\b(?:don'?t|do\s+not)\s+want\s+to\s+be\s+(?:a\s+)?part\s+of\s+this\s+world"
        r"(?:\s+any\s?more)?\b",
        0.75,
        False,
    ),
    # Not knowing how much longer one can hold on; hedging about wanting to live.
    (
        "intent",
        r"\b(?:don'?t|do\s+not)\s+think\s+i\s+(?:really\s+|even\s+)?(?:want|wanna)\s+to\s+"
        r"(?:be\s+(?:alive|here|around)|live|exist|wake\s+up|keep\s+living)\b"
        r"|\bhow\s+(?:much\s+)?longer\s+i\s+(?:can|could|will\s+be\s+able\s+to)\s+(?:keep\s+going"
        r"|hold\s+on|go\s+on|keep\s+(?:this|it)\s+up|take\s+(?:it|this)|last|survive|cope"
        r"|stay\s+alive|keep\s+fighting|do\s+this)\b",
        0.7,
        True,
    ),
    # Thinking how one would do it, or reading up on ways.
    (
        "intent",
        r"\b(?:thinking|thought|wondering|wondered|planning|worked\s+out)\s+(?:about\s+|of\s+)?"
        r"(?:how|when|where)\s+i\s+(?:would|could|'d|might|will|'ll|should)\s+(?:do\s+it"
        r"|end\s+it|end\s+my\s+life|go\s+about\s+it)\b(?!\s+(?:differently|better|again|right"
        r"|properly|for|with|at\s+work))"
        r"|\b(?:researching|researched|looking\s+up|looked\s+up|reading\s+up\s+on|read\s+up\s+on"
        r"|googling|googled)\s+(?:\w+\s+){0,2}?(?:methods|painless\s+ways)\b"
        r"(?=\s*(?:[.!?,;\n]|$|\s+(?:of\s+(?:suicide|dying|killing\s+myself)|to\s+(?:die"
        r"|end\s+it|do\s+it))))",
        0.75,
        False,
    ),
    # An attempt spoken of as recent, or anger at having survived it.
    (
        "intent",
        r"\b" + _ATTEMPT + r"\b[^.!?\n]{0,40}?\b" + _RECENT_TIME + r"\b"
        r"|\b" + _RECENT_TIME + r"\s*,?\s+i\s+" + _ATTEMPT + r"\b"
        r"|\b(?:angry|disappointed|gutted|upset|annoyed|furious)\s+(?:that\s+)?(?:i'?m|i\s+am)"
        r"\s+still\s+(?:here|alive|breathing)\b"
        r"|\b(?:angry|disappointed|gutted|upset|annoyed|furious)\s+(?:that\s+)?i\s+(?:survived"
        r"|didn'?t\s+die|woke\s+up\s+in\s+hospital)\b",
        0.8,
        True,
    ),
    # Coming close to it: "nearly went through with it", or close to doing it at a
    # recent time ("almost did it last night").
    (
        "intent",
        r"\b(?:nearly|almost|so\s+close\s+to|came\s+close\s+to)\s+(?:went|going|go)\s+"
        r"through\s+with\s+it\b|\b(?:nearly|almost|so\s+close\s+to|came\s+close\s+to)\s+"
        r"(?:ended|ending|end|killed|killing|kill)\s+(?:it\s+all|myself|my\s+life)\b"
        r"|\b(?:nearly|almost|so\s+close\s+to|came\s+close\s+to)\s+(?:did|doing|do|jumped"
        r"|jumping|jump|took\s+them\s+all|taking\s+them\s+all|ended\s+it|ending\s+it)\b"
        r"[^.!?\n]{0,30}?\b" + _RECENT_TIME + r"\b|\b" + _RECENT_TIME + r"\s*,?\s+i\s+"
        r"(?:nearly|almost|came\s+so\s+close\s+to|was\s+so\s+close\s+to)\s+(?:did\s+it"
        r"|doing\s+it|jumped|jumping|ended\s+it|ending\s+it|took\s+them\s+all)\b",
        0.8,
        False,
    ),
    # Feeling like dying; thinking of jumping; unable to keep oneself safe.
    (
        "intent",
        r"\bi\s+(?:just\s+|really\s+|honestly\s+)?feel\s+like\s+(?:i\s+want\s+to\s+)?dying\b"
        r"(?!\s+(?:of|after|from|laughing|inside\s+(?:from|after)))"
        r"|\b(?:think|thinking|thought)\s+(?:about|of)\s+(?:just\s+)?jumping(?:\s+(?:off|from)\b"
        r"|\s+in\s+front\s+of\b|(?=\s*(?:[.!?,;\n]|$)))"
        r"|\b(?:can'?t|cannot|don'?t\s+know\s+if\s+i\s+can|not\s+sure\s+(?:if\s+)?i\s+can)"
        r"\s+keep\s+myself\s+safe\b",
        0.8,
        True,
    ),
    # At a place of danger now; about to jump; done for good.
    (
        "plan",
        r"\b(?:i'?m|i\s+am)\s+(?:standing|sitting|stood|sat|up)\s+(?:on|at)\s+(?:the\s+)?"
        r"(?:edge\s+of\s+(?:the\s+|a\s+)?)?(?:bridge|roof|rooftop|ledge|cliff|cliffs|edge"
        r"|platform\s+edge|tracks|railway\s+line|balcony)\b(?=\s*(?:right\s+now|now|tonight)\b"
        r"|\s*(?:[.!?\n]|$))"
        r"|\bi'?m\s+(?:going\s+to|gonna|about\s+to)\s+jump\b(?=\s*(?:[.\n]|$|off\b"
        r"|from\b|tonight\b|now\b))",
        0.85,
        False,
    ),
    (
        "intent",
        r"\b(?:i'?m|i\s+am|i'?ll\s+be)\s+done\s+for\s+good\b",
        0.75,
        False,
    ),
    # A goodbye told as sorry for everything and love to all.
    (
        "goodbye",
        r"\bsorry\s+for\s+everything\b[^\n]{0,80}?\b(?:i\s+love\s+you\s+(?:all|guys|so\s+much)"
        r"|please\s+don'?t\s+(?:be\s+sad|cry|blame)|goodbye)\b",
        0.8,
        False,
    ),
    # A last birthday or Christmas, said of oneself.
    (
        "intent",
        r"\b(?:this|it|next\s+week)\s+(?:will|'ll|is\s+going\s+to)\s+be\s+my\s+(?:last|final)"
        r"\s+(?:birthday|christmas|new\s+year|summer|winter|year|week|day|night)\b"
        r"(?!\s+(?:in|at|as|with|before|here|of|on|off|for|living|working|at\s+work)\b)",
        0.8,
        False,
    ),
)
