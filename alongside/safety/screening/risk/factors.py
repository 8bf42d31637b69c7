"""Weaker warning signs: each alone is common in low mood, several kinds together
alert, and the kinds found are kept in memory for build-up over recent posts."""

from __future__ import annotations

import re

import alongside.safety.screening.scan as scan
from alongside.safety.screening.context import IDIOMS, Context
from alongside.safety.screening.risk.cross import is_someone_cross
from alongside.safety.screening.risk.everyday import is_everyday, is_ordinary_visit
from alongside.safety.screening.risk.findings import RiskFinding
from alongside.safety.screening.risk.more_signs import (
    ABOUT_A_THING,
    MORE_SIGNS,
    NEW_KINDS,
)
from alongside.safety.screening.risk.play import is_in_play
from alongside.safety.screening.risk.returning import promises_return
from alongside.safety.screening.risk.subject import (
    names_suicide_as_a_subject,
    talks_of_suicide_as_a_cause,
)
from alongside.safety.screening.risk.tedium import is_said_of_a_tedious_thing
from alongside.safety.screening.stance import Stance, stance_of

# Risk factors: each alone is common in low mood and raises no alert, but several
# kinds together are a recognised warning sign (hopelessness, feeling a burden, being
# alone, unbearable pain and exhaustion, self-hatred, death on one's mind, asking for
# help in a crisis). An alert needs at least ``FACTOR_KINDS_FOR_ALERT`` different kinds.
_FACTORS: tuple[tuple[str, str], ...] = (
    (
        "hopelessness",
        r"\bhopeless(?:ness)?\b|\b(?:no|lost(?:\s+all)?|without|any)\s+hope\b"
        r"|\b(?:nothing|it|things|life)\s+(?:will\s+|is\s+going\s+to\s+|'?s\s+going\s+to\s+)?"
        r"(?:never|won'?t|isn'?t\s+going\s+to|is\s+never\s+going\s+to|will\s+never)\s+"
        r"(?:\w+\s+)?(?:get\s+better|change|improve)\b|\bno\s+(?:way\s+out|future|point)\b"
        r"|\bpointless\b|\bwhat'?s\s+(?:even\s+|really\s+)?the\s+point\b|\bnothing\s+matters\b"
        r"|\b(?:giving|give|gave|given)\s+up\b"
        r"|\b(?:can'?t|cannot|don'?t)\s+see\s+(?:a|any)\s+(?:way|light|end|future)\b"
        r"|\b(?:can'?t|cannot|don'?t)\s+see\s+(?:the|a|any)\s+point\b",
    ),
    (
        "burden",
        r"\bburden(?:some)?\b|\b(?:i\s+)?ruin\s+(?:everything|everyone'?s|every)\b"
        r"|\b(?:everyone|everybody)\s+(?:\w+\s+)?hates\s+me\b|\bi'?m\s+(?:\w+\s+)?(?:a\s+)?"
        r"(?:mistake|failure|disappointment|waste|worthless|useless|nothing|pathetic|"
        r"unlovable|broken)\b|\bworthless\b|\bwaste\s+of\s+(?:space|oxygen|air|life)\b"
        r"|\bdon'?t\s+deserve\b|\bstop\s+being\s+a\s+(?:problem|weight|drain)\b"
        r"|\b(?:everyone|they|my\s+(?:family|kids|parents|friends)|people)\s+(?:would|will)"
        r"\s+be\s+better\s+off\b(?=\s*(?:[.!\n]|$))",
    ),
    (
        "isolation",
        r"\b(?:no\s?one|nobody|no\s+one)\s+(?:\w+\s+)?(?:cares?|loves?|understands?|listens?"
        r"|notices?|(?:would|will)\s+(?:even\s+|ever\s+)?(?:care|notice|miss)|wants?\s+me)\b"
        r"(?!\s+(?:around\s+)?(?:when|while|at|on|for|during)\b)|\b(?:so|completely|totally|all|always|very)"
        r"\s+alone\b|\blonel(?:y|iness)\b|\b(?:have|got)\s+no\s+(?:one|friends|family|body)\b"
        r"|\bno\s+(?:friends|one\s+to\s+talk\s+to)\b|\bi'?m\s+alone\b",
    ),
    (
        "unbearable",
        r"\b(?:so|too|really|very|just)\s+(?:tired|exhausted|drained)\b|\bunbearable\b"
        r"|\b(?:can'?t|cannot)\s+(?:take|handle|bear|stand|cope\s+with)\s+(?:it|this|"
        r"much|the|any|living|life|my)\b|\b(?:can'?t|cannot)\s+(?:do\s+it|anymore|any\s+more|"
        r"cope|breathe)\b|\b(?:too\s+much\s+pain|so\s+much\s+pain|in\s+(?:so\s+much\s+)?pain"
        r"|suffering|agony|torture|hell)\b|\bnumb\b|\bempty\b"
        r"|\b(?:it|everything)\s+hurts\b|\b(?:tired|sick|exhausted)\s+of\s+(?:fighting|trying"
        r"|struggling|pretending)\b|\bcan'?t\s+fight\s+(?:it|this|any\s?more)\b",
    ),
    (
        "self_hatred",
        r"\bhate\s+(?:myself|my\s+(?:life|self|body|existence)|everything\s+about\s+me|"
        r"who\s+i\s+am|being\s+me)\b|\b(?:disgusted|sick)\s+(?:with|of)\s+myself\b"
        r"|\bi'?m\s+(?:so\s+)?(?:disgusting|a\s+monster|the\s+problem)\b",
    ),
    (
        "death_on_mind",
        r"\b(?:die|dying|death|dead|suicide|kill\s*my\s*self|killing\s*my\s*self|overdose"
        r"|noose|afterlife|end\s+it(?!\s+(?:with|between))|over\s+with"
        r"|(?:cut|slit|slash)\w*\s+(?:my\s+)?wrists?"
        r"|kill(?:ing)?(?!\s+(?:for|to|time|it|the|a|an|some|off|him|her|them|you|u|ya|each"
        r"|my\s+(?!self\b)\w+)\b))\b",
    ),
    # Resolve without naming the act ("I'm going to do it", "I finally have the
    # nerve to go through with it"): in a post that speaks of despair, a warning sign.
    (
        "resolve",
        r"\b(?:i'?m|i\s+am|gonna|going\s+to|i'?ll|i\s+will|ready\s+to|want\s+to|wanna"
        r"|finally|should\s+just|might\s+just|could\s+just|courage\s+to|guts\s+to"
        r"|nerve\s+to|strength\s+to)\s+(?:\w+\s+)?(?:do\s+it|go\s+through\s+with\s+it)\b"
        r"(?!\s+(?:again\s+)?(?:tomorrow\s+)?(?:for|with|at|in\s+the|properly|right|later))"
        # "…before I do it": weak alone, a warning sign beside another.
        r"|\b(?:before|when|after|once)\s+i\s+(?:finally\s+|actually\s+)?do\s+it\b"
        r"(?!\s+(?:again|for|with|at|in\s+the|properly|right|later|tomorrow|next))"
        # "I've planned it for after my shift": an act unnamed, given a time.
        r"|\b(?:i'?ve|i\s+have)\s+(?:got\s+it\s+|now\s+|already\s+)?planned\s+it\s+for"
        r"\s+(?:after|tonight|tomorrow|when|this|next|the\s+(?:weekend|night|day)"
        r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
        # Preparation: the means gathered for an act left unnamed. Alerts alone, like
        # "I'm going to do it": nothing everyday is named as "it".
        r"|\b(?:i\s+(?:now\s+)?have|i'?ve\s+(?:now\s+)?got|i\s+got|i'?ve\s+(?:got\s+)?"
        r"(?:gathered|collected|sorted))\s+(?:everything|all|all\s+the\s+(?:stuff|things))"
        r"\s+(?:that\s+)?i\s+need\s+to\s+(?:do\s+it|go\s+through\s+with\s+it)\b"
        r"(?!\s+(?:for|with|at|in\s+the|properly|right|later|tomorrow\s+at|myself))"
        # A mind made up, the days counted down, with nothing named: weak alone (a
        # decision or a wait for anything), a warning sign beside another.
        r"|\bi\s+(?:have|'ve\s+got|got|now\s+have)\s+a\s+plan\b(?=\s*(?:[.!\n]|$|now\b"
        r"|this\s+time\b))"
        r"|\b(?:i'?ve|i\s+have|i)\s+(?:finally\s+|already\s+|now\s+)?made\s+up\s+my\s+mind"
        r"\b(?!\s+(?:about|to|on|that|which|what|whether|who|where|how|if|over|between|for"
        r"|re|regarding)\b)|\bmy\s+mind\s+is\s+(?:made\s+up|set)\b(?!\s+(?:about|on|to)\b)"
        r"|\b(?:i'?m|i\s+am|just)\s+counting\s+(?:down\s+)?the\s+(?:days|hours)\b"
        r"(?!\s+(?:to|till|until|til|before|for|since|of|at|on|off|left\s+(?:to|till|until|of"
        r"|before))\b)",
    ),
    # Access to a means (method access is a recognised risk factor): named, not
    # described; the method detector holds posts that give detail.
    (
        "means",
        r"\b(?:guns?|pistol|shotgun|rifle|firearms?|noose|ropes?|razors?|blades?|bridge"
        r"|ledge|rooftop|train\s+tracks|overdos\w*|pills|paracetamol|tylenol"
        r"|sleeping\s+(?:pills|tablets))\b",
    ),
    # A previous attempt, the strongest single predictor; recovery stories never reach
    # this point (no risk factors are weighed in a post that tells of recovery).
    (
        "past_attempt",
        r"\b(?:(?:suicide|overdose)\s+attempts?|attempt(?:ed|ing)?\s+(?:suicide|to\s+"
        r"(?:kill|end|take|hang|overdose|od))|tried\s+to\s+(?:kill|end|take|hang|overdose"
        r"|od)|(?:my|an?|the)\s+(?:first|second|third|last|previous|failed|recent)\s+"
        r"attempt(?!\s+(?:at|to|in|on))|(?:since|after|before)\s+my\s+attempt)\b",
    ),
    # Entrapment: feeling there is no way out of an unbearable situation.
    (
        "entrapment",
        r"\b(?:trapped|no\s+way\s+out|no\s+escape|(?:the\s+)?only\s+(?:option|way\s+out"
        r"|choice|solution)|last\s+resort|stuck\s+(?:forever|like\s+this|in\s+this))\b"
        r"|\bi\s+(?:just\s+|really\s+)?want\s+out\b(?!\s+of\s+(?:this\s+|my\s+)?(?:job|house"
        r"|relationship|town|school|marriage|contract|flat|course))",
    ),
    # Finality: having had enough, being finished.
    (
        "finality",
        r"\b(?:i'?m|i\s+am)\s+(?:\w+\s+)?(?:done|finished)\b"
        r"|\b(?:i'?ve|i\s+have)\s+had\s+enough\b|\bcan'?t\s+(?:do\s+(?:this|it)\s+)?"
        r"any\s?more\b|\bit'?s\s+(?:all\s+)?over\s+for\s+me\b",
    ),
    # Fading out of life without naming death ("I'm slipping away", "my time is up",
    # "I have nothing left"): common enough about a job or a busy week to be weak
    # alone; beside any other sign, here or in a recent post, it alerts.
    (
        "fading",
        r"\b(?:(?:i'?m|i\s+am|i\s+feel\s+(?:like\s+)?(?:i'?m\s+)?)\s+(?:just\s+|slowly\s+"
        r"|quietly\s+)?(?:slipping|fading|drifting)\s+away(?:\s+from\s+(?:everyone"
        r"|everything|the\s+world|life|myself|reality|people|my\s+family))?"
        r"|my\s+time(?:\s+is|'s)\s+(?:nearly\s+|almost\s+)?(?:up|running\s+out)"
        r"|my\s+time\s+has\s+come|i(?:\s+have|'ve|'ve\s+got|\s+got)\s+nothing\s+(?:else"
        r"\s+)?left(?:\s+(?:in\s+me|inside|of\s+me))?|there'?s\s+nothing\s+left\s+(?:of"
        r"|for)\s+me)\b"
        # Said at the end of a clause: "…left to give this week", "…up at work" are
        # about something else.
        r"(?=\s*(?:[.!?,;:)\n]|$|(?:and|but|now|any\s?more|any\s+longer|honestly"
        r"|really|at\s+all)\b))",
    ),
    # Goodbyes and apologies to everyone, short of a final message.
    (
        "farewell",
        r"\b(?:farewell|sorry\s+(?:to\s+)?(?:everyone|all\s+of\s+you)\s+for\s+"
        r"(?:everything|what|being)|thank\s+you\s+(?:all|everyone)\s+for\s+(?:everything"
        r"|trying|being\s+there)|my\s+last\s+(?:post|words|letter|message)"
        r"|i'?m\s+ready\s+to\s+go\b(?!\s+(?:to|out|home|back|in|on|for|shopping|and|with"
        r"|now|again|through))|(?:tonight|today)(?:'s|\s+is|\s+(?:might|could|will|may)\s+be)"
        r"\s+the\s+(?:night|day)"
        r"|(?:it\s+was|it'?s\s+been)\s+(?:a\s+)?(?:fun|good|nice|great|wild)\s+(?:ride\s+)?while"
        r"\s+it\s+lasted)\b|\bgood\s?bye\s*[.!]*\s*$",
    ),
    # Putting affairs in order: a will written, things given away, a pet rehomed.
    (
        "preparing",
        r"\b(?:wrote|written|writing|made|making|sorted|sorting|updated|updating)\s+(?:out\s+|up"
        r"\s+)?my\s+will\b(?!\s+(?:power|to))|\bwho\s+(?:gets|should\s+get|will\s+get"
        r"|can\s+have)\s+(?:my|what)\b|\b(?:rehom\w*|found\s+a\s+(?:new\s+)?home\s+for)\s+my"
        r"\s+(?:cat|dog|pet|rabbit|cats|dogs|pets)\b|\b(?:giving|gave|given)\s+away\s+(?:all\s+"
        r"|most\s+)?(?:of\s+)?my\s+(?:things|stuff|belongings|possessions)\b",
    ),
    # Naming one's own thoughts of ending life without the word suicide.
    (
        "ideation",
        r"\b(?:ideation|intrusive\s+thoughts|dark\s+thoughts|urges?|si)\b"
        r"|\b(?:do|doing)\s+something\s+(?:stupid|drastic|i'?ll\s+regret)\b",
    ),
    (
        "crisis_help",
        r"\b(?:please|pls|plz|someone|somebody|i\s+need)\s+(?:\w+\s+)?help\b"
        r"|\bi\s+don'?t\s+know\s+what\s+(?:to|else\s+to)\s+do\b"
        + ABOUT_A_THING
        + r"|\bi'?m\s+(?:so\s+)?"
        r"(?:scared|terrified)\b",
    ),
)
_FACTORS_COMPILED = tuple(
    (
        kind,
        re.compile(f"{pattern}|{MORE_SIGNS[kind]}" if kind in MORE_SIGNS else pattern),
    )
    for kind, pattern in _FACTORS + NEW_KINDS
)
FACTOR_KINDS_FOR_ALERT = 2
_FIRST_PERSON = re.compile(r"\b(?:i|i'?m|im|me|my|myself|i'?ve|i'?d|i'?ll)\b")
_SECOND_PERSON = re.compile(r"\b(?:you|your|yourself|u|ur|you'?re|you'?ll)\b")
_IDIOM_DEATH = re.compile(
    r"\b(?:dead\s+(?:tired|end|on|set|easy|serious|quiet|beat|battery|phone|inside)"
    r"|to\s+die\s+for|dying\s+(?:to|for|of\s+(?:laughter|embarrassment|boredom|shame))"
    r"|(?:phone|battery|laptop|car|tablet|charger)(?:'?s|\s+is|\s+was|\s+went)?\s+(?:dead|died)"
    r"|the\s+death\s+of\s+me|die\s+of\s+(?:embarrassment|shame|boredom)|dead\s+funny"
    r"|died\s+(?:down|laughing)|brain\s*dead|dead\s*line|kill(?:ing)?\s+(?:time|it|me\s+softly)"
    r"|(?:exam|job|work|commute|heat|back|feet|legs)\s+(?:is|are)\s+killing\s+me)\b"
)

# A death or a suicide "of a loved one", "of my dad": someone else's.
OF_SOMEONE = re.compile(r"\s+of\s+(?:a|an|my|our|his|her|their)\b(?!\s+own\b)")
# Death on one's mind and resolve weigh more than the other factors: each is close to
# intent, so each alerts alone; the rest alert in pairs.
_FACTOR_WEIGHTS = {
    "factor_death_on_mind": 2.0,
    "factor_resolve": 2.0,
}
# Words of low mood: common on a bad day, so two of them never alert without a
# stronger sign beside them.
_LOW_MOOD = re.compile(
    r"^(?:pointless|giving\s+up|give\s+up|gave\s+up|given\s+up|worthless|useless|failure"
    r"|pathetic|nothing|broken|mistake|disappointment|waste|lonely|loneliness|alone|i'?m\s+"
    r"alone|so\s+alone|i\s+am\s+(?:so\s+|all\s+|completely\s+|totally\s+)?alone|(?:so|too|really|very|just)\s+(?:tired|exhausted|drained)|numb"
    r"|empty|hell|suffering|agony|torture|unbearable|i\s+need\s+help|please\s+help"
    r"|i'?m\s+(?:so\s+)?(?:scared|terrified)|i'?m\s+(?:\w+\s+)?(?:a\s+)?(?:failure"
    r"|mistake|disappointment|waste|worthless|useless|nothing|pathetic|broken))$"
)
# Kinds whose words may be about a job, a week or a chore named beside them ("I'm
# so done with work, bye!").
_READ_FOR_EVERYDAY = frozenset({"resolve", "fading", "finality", "farewell"})
# Weak signs that alert beside any other sign, even a word of low mood.
_WEAK_BESIDE_ANY = frozenset({"factor_resolve:weak", "factor_fading:weak"})
# Resolve told only by when ("before I do it"): weak alone.
_WEAK_RESOLVE = re.compile(
    r"^(?:(?:before|when|after|once)\s|my\s+mind|(?:i'?m|i\s+am|just)\s+counting"
    r"|(?:i'?ve|i\s+have)\s+(?:got\s+it\s+|now\s+|already\s+)?planned\s+it"
    r"|i\s+(?:have|'ve\s+got|got|now\s+have)\s+a\s+plan"
    r"|(?:i'?ve|i\s+have|i)\s+(?:finally\s+|already\s+|now\s+)?made\s+up)"
)
# A bare word for death ("the plant is dead", "a book about death", "scared of dying
# in surgery") is a weak sign unless the sentence says it is on the writer's mind.
_BARE_DEATH = re.compile(r"^(?:die|dying|death|dead)$")
_ON_ONES_MIND = re.compile(
    r"\b(?:think\w*|thought\w*|mind|obsess\w*|fantasi\w*|dream\w*|welcome|ready|long"
    r"(?:ing)?\s+for|crav\w*|wish\w*|want\w*|wanna|pray\w*|hop(?:e|ing)|better\s+off"
    r"|rather|deserve|plan(?:s|ned|ning)?|can'?t\s+stop|relief|peace|escape|sooner|ways?)\b"
)
_OWN_STANCES = frozenset({Stance.SELF_NOW, Stance.NEUTRAL})
# A question asking for information ("where can I find…", "how do I help…") is not a
# sign about the writer, even when it says "I".
QUESTION_FOR_INFORMATION = re.compile(
    r"^\s*(?:where|how|what|which|who|is\s+there|are\s+there|does\s+anyone|has\s+anyone"
    r"|can\s+(?:anyone|someone|a|the|you)|any\s+(?:tips|advice|ideas))\b"
    r"(?!\s+(?:many|much|long)\b)[^?]*\?"
)


def factor_score(kinds: set[str] | frozenset[str]) -> float:
    """The weight of the kinds of warning sign found; two weak kinds weigh 1.5,
    unless one of them is weak resolve or fading."""
    score = sum(
        1.0 if kind.endswith(":weak") else _FACTOR_WEIGHTS.get(kind, 1.0)
        for kind in kinds
    )
    # Two words of low mood are a bad day; weak resolve ("I've made up my mind") or
    # fading ("I'm slipping away") beside any other sign is not.
    if (
        kinds
        and all(kind.endswith(":weak") for kind in kinds)
        and not kinds & _WEAK_BESIDE_ANY
    ):
        score = min(score, 1.5)
    return score


def distinct_kinds(kinds: set[str] | frozenset[str]) -> set[str]:
    """One entry per kind: a strong sign of a kind replaces a weak one."""
    strong = {kind for kind in kinds if not kind.endswith(":weak")}
    return strong | {kind for kind in kinds if kind.removesuffix(":weak") not in strong}


def risk_factors(context: Context, set_aside: list[RiskFinding]) -> list[RiskFinding]:
    """One finding per kind of risk factor found in the author's own words."""
    text = context.text
    found: list[RiskFinding] = []
    for kind, pattern in _FACTORS_COMPILED:
        weak: RiskFinding | None = None
        for match in scan.finditer(pattern, text):
            start, end = match.start(), match.end()
            if any(
                f.start < end
                and start < f.end
                # A past attempt told outside a recovery story is itself a sign.
                and not (kind == "past_attempt" and f.label == "past_experience")
                for f in set_aside
            ):
                continue
            if context.is_negated(start):
                continue
            if kind == "means" and (
                is_ordinary_visit(context, start, end)
                or is_in_play(context, start, end)
            ):
                continue
            if kind == "death_on_mind" and (
                names_suicide_as_a_subject(text, end)
                or talks_of_suicide_as_a_cause(context, start, end)
            ):
                continue
            if kind in _READ_FOR_EVERYDAY and is_everyday(
                context, start, end, any_words=True
            ):
                continue
            # "See you all next week, goodbye!": the writer will be back.
            if kind == "farewell" and promises_return(context, start, end):
                continue
            stance = stance_of(context, start, end)
            if stance not in _OWN_STANCES and not (
                # Thanking everyone and saying sorry are said to the readers.
                (kind == "farewell" and stance == Stance.READER)
                # A past attempt is told in the past by its nature.
                or (kind == "past_attempt" and stance == Stance.SELF_PAST)
                # "What's the point?" asks nothing of anyone.
                or (
                    kind == "hopelessness"
                    and stance == Stance.QUESTION
                    and match.group(0).startswith("what")
                )
            ):
                continue
            if QUESTION_FOR_INFORMATION.match(context.sentence_text(start, end)):
                continue
            if kind == "death_on_mind" and (
                OF_SOMEONE.match(text, end)
                or _IDIOM_DEATH.search(text, max(0, start - 25), end + 25)
                or IDIOMS.search(text, max(0, start - 30), end + 30)
                or is_said_of_a_tedious_thing(context, start, end)
                or is_someone_cross(context, start, end)
                or not _FIRST_PERSON.search(
                    context.sentence_text(start, end, neighbours=1)
                )
                or _SECOND_PERSON.search(context.clause_before(start))
            ):
                continue
            if (
                kind == "fading"
                or _LOW_MOOD.match(match.group(0))
                or _WEAK_RESOLVE.match(match.group(0))
            ) or (
                kind == "death_on_mind"
                and _BARE_DEATH.match(match.group(0))
                and not _ON_ONES_MIND.search(context.sentence_text(start, end))
            ):
                weak = weak or RiskFinding(f"factor_{kind}:weak", start, end, 0.3)
                continue
            found.append(RiskFinding(f"factor_{kind}", start, end, 0.4))
            break
        else:
            if weak is not None:
                found.append(weak)
    # A word of low mood inside a stronger sign of another kind ("I hope I keep
    # suffering", "I'm a worthless piece of shit") is not counted again.
    strong = [f for f in found if not f.label.endswith(":weak")]
    return [
        f
        for f in found
        if not (
            f.label.endswith(":weak")
            and any(s.start <= f.start and f.end <= s.end for s in strong)
        )
    ]
