"""More ways of putting the weaker warning signs that ``factors`` weighs, kept apart
so each kind of wording can be read and tested on its own.

Each entry adds alternatives to one kind of sign: it counts only as that kind does
(the writer's own words, now, not negated), and alone raises no alert. Written in our
own words from what is known of how people at risk write, not from any data set.
"""

from __future__ import annotations

# Words that tie what comes before them to a time, a place or a task ("…around when
# she's eating", "…at darts"): what is said is about that, not the writer's life.
_WHEN = (
    r"(?:when|while|whilst|at|in|on|for|during|if|until|till|after|before|with|since)\b"
)

# What to do about a thing named ("…about the boiler", "…with the courgettes"): a
# chore, not a crisis. "About my life", "with myself" or "about the thoughts" is
# not in it.
ABOUT_A_THING = (
    r"(?!\s+(?:about|with|for|re)\s+(?:(?:the|a|an|this|that|these|those|our|his|her"
    r"|their)\s+(?!(?:\w+\s+)?(?:thoughts?|feelings?|urges?|voices?|pain|way\s+i)\b)"
    r"|dinner\b|tea\b|lunch\b))"
)
# A bad place "with my back", "financially": a body part or money, not one's mind.
_PLACE_OF_A_THING = (
    r"(?!\s+(?:financially|money\s*-?wise|with\s+(?:money|work|my\s+(?:back|knee|knees"
    r"|hip|hips|neck|shoulder|foot|feet|leg|legs|teeth|tooth|finances|money|car|house"
    r"|flat|job|course|degree|training|fitness|running))|at\s+work|in\s+the\s+(?:league"
    r"|table))\b)"
)

_RUINED = (
    r"(?:my\s+(?:own\s+)?(?:life|future)|everything|everyone'?s\s+li(?:fe|ves)"
    r"|my\s+family'?s\s+li(?:fe|ves))\b"
)

MORE_SIGNS: dict[str, str] = {
    # Unwanted and alone in the world: "I am alone in this world", "most people don't
    # want me around", "I don't belong anywhere", "they wish they'd never had me",
    # "I have no support system".
    "isolation": (
        r"\bi\s+am\s+(?:so\s+|all\s+|completely\s+|totally\s+)?alone(?:\s+in\s+(?:this|the)"
        r"\s+(?:\w+\s+)?world)?\b|\balone\s+in\s+(?:this|the)\s+(?:\w+\s+)?world\b"
        r"|\b(?:no\s?one|nobody|most\s+people|people|they|everyone)\s+(?:really\s+|even\s+)?"
        r"(?:wants?|wanted|want)\s+me\s+around\b(?!\s+"
        + _WHEN
        + r")|\b(?:don'?t|doesn'?t"
        r"|do\s+not|does\s+not)\s+(?:really\s+|even\s+)?want\s+me\s+around\b(?!\s+"
        + _WHEN
        + r")|\bi\s+(?:don'?t|do\s+not)\s+belong\s+anywhere\b(?!\s+near)|\bwish(?:es)?\s+(?:they|she|he)(?:'d|\s+had)?\s+never\s+had\s+me\b"
        r"|\b(?:no|any)\s+support\s+(?:system|network)\b"
    ),
    # Finished, with a word or two to stress it: "I'm just so done".
    "finality": (
        r"\b(?:i'?m|i\s+am)\s+(?:just|so|really|fucking|honestly|completely|totally"
        r"|literally)\s+(?:so|really|fucking|completely|totally)\s+(?:done|finished)\b"
        r"(?!\s+(?:with|at|for|in|by|after|before|now\s+(?:with|at)))"
        # Refusing to go on, "I" left out: "Not doing this anymore."
        r"|\b(?:i'?m\s+)?not\s+doing\s+(?:this|it)\s+any\s?more\b(?=\s*(?:[.!,;\n]|$))"
    ),
    # Not knowing what to do, short: "idk what to do any more"; calling a post a cry
    # for help.
    "crisis_help": (
        r"\bidk\s+what\s+(?:to|else\s+to)\s+do\b"
        + ABOUT_A_THING
        + r"|\b(?<![\w',]\s)(?:(?:this\s+is\s+)?(?:a"
        r"|my)\s+)?cry\s+for\s+help\b"
    ),
    # Calling oneself names, deserving to suffer: "I'm a worthless piece of shit",
    # "I deserve to suffer".
    "self_hatred": (
        r"\b(?:i'?m|i\s+am)\s+(?:just\s+|such\s+)?(?:a|an)\s+(?:\w+\s+)?(?:piece\s+of\s+(?:shit|crap"
        r"|garbage|trash|rubbish)|pos)\b(?!\s+" + _WHEN + r")"
        r"|\bi\s+(?:\w+\s+)?deserve\s+(?:to\s+(?:suffer|be\s+(?:in\s+pain|punished|hurt"
        r"|miserable)|feel\s+(?:this\s+)?pain|rot)|all\s+(?:the|this)\s+(?:pain|suffering))\b"
    ),
    # Blaming oneself for ruin: "I've ruined my life", "I ruined everyone's lives".
    "burden": (
        # Said by "I", or with no one named at the start of a clause ("…, ruined my
        # future"); "he ruined my life" is not self-blame.
        r"\b(?:i'?ve|i\s+have|i)\s+(?:\w+\s+)?ruined\s+"
        + _RUINED
        + r"|\b(?<![\w']\s)ruined"
        r"\s+" + _RUINED
    ),
    # A drawn-out bye at the very end of a post: "I'm done, byeee!" (a plain "bye"
    # ends many a chatty post).
    "farewell": r"\b(?:bye{2,}|by{2,}e+)\s*[.!]*\s*$",
}

# Kinds of sign of their own, weighed as the kinds in ``factors`` are.
NEW_KINDS: tuple[tuple[str, str], ...] = (
    # In a dark place, crying without end, trailing off: "I'm in a pretty bad place",
    # "I can't stop crying", "…and I just… can't".
    (
        "distress",
        r"\b(?:i'?m|i\s+am|i'?ve\s+been|been)\s+in\s+(?:a\s+)?(?:really\s+|very\s+|pretty\s+"
        r"|such\s+a\s+|so\s+)?(?:bad|dark|low|horrible|awful)\s+place\b"
        + _PLACE_OF_A_THING
        + r"|\b(?:(?:i'?m|i\s+am|i'?ve\s+been|been)\s+(?:just\s+)?crying\s+(?:so\s+hard"
        r"|non\s?-?stop|all\s+the\s+time|every\s+(?:day|night)|uncontrollably"
        r"|my\s+eyes\s+out|myself\s+to\s+sleep)|(?:can'?t\s+stop|i\s+keep)\s+crying)\b"
        r"(?=\s*(?:[.!?,;\n]|$|and\b|again\b))"
        r"|\bi\s+(?:just\s*(?:\.{2,}|…)?|\.{2,}|…)\s*can'?t\s*(?:\.{2,}|…|[.!])?\s*$",
    ),
    # Pain wanted as punishment: "I hope I keep suffering", "punishing myself".
    (
        "punishment",
        r"\b(?:i\s+)?(?:hope|want|wish)\s+(?:that\s+)?i\s+(?:continue\s+to|keep(?:\s+on)?)"
        r"\s+(?:suffer(?:ing)?|hurt(?:ing)?|feel(?:ing)?\s+(?:this\s+)?pain|being\s+in\s+pain)\b"
        r"|\b(?:punish(?:ing)?\s+myself|make\s+(?:myself|me)\s+suffer)\b",
    ),
)
