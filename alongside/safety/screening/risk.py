"""Risk to life: someone saying they intend to end their life, have a plan or a time,
or are saying goodbye.

Written as general rules about how people express intent, not as a list copied from any
data set. A match does not raise an alert when it is:

- negated ("I'm not suicidal", "I would never kill myself");
- told as past experience in a recovery story ("two years ago I attempted… now I'm
  doing better"), or set in the distant past;
- an idiom ("this exam is killing me", "I could kill for a coffee", "dying of
  embarrassment", "a cake to die for"): these are simply not in the patterns, and the
  common ones are excluded explicitly where they share words with a pattern;
- inside a quoted lyric or line from a film or book.

Concern for someone else ("my friend wants to kill herself") is reported separately:
the author is shown how to get help for them, without an alert about the author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from alongside.safety.screening.context import Context

_I = r"(?:i|i'm|im|i am|i've|ive|i have|i'd|id|i'll|ill|i will|i would|i just|i really|i kinda|i kind of|i sort of|i honestly|i seriously|i still|i often|i sometimes|i always|i constantly)"
_DIE = (
    r"(?:di+e(?!\s+(?:of|from|laughing|for)\s+(?:embarrassment|shame|laughter|laughing|"
    r"boredom|cringe|cuteness|curiosity|a\s+(?:coffee|drink|pint|cuppa)|jealousy|envy|"
    r"excitement|happiness|joy|fright|fear\s+of\s+missing))"
    r"|be\s+dead|not\s+(?:be\s+)?(?:alive|exist|here\s+any\s?more|be\s+here)|not\s+wake\s+up"
    r"|never\s+wake\s+up|(?:go\s+to\s+)?sleep\s+and\s+never\s+wake\s+up|sleep\s+(?:and|forever)|disappear\s+(?:forever"
    r"|for\s+good|permanently)|stop\s+existing|cease\s+to\s+exist|end\s+(?:it|it\s+all"
    r"|everything|things|my\s+life|this|my\s+suffering|the\s+pain)(?!\s+(?:with|between))"
    r"|kill\s*my\s*self|be\s+gone|go\s+to\s+sleep\s+forever|leave\s+this\s+world"
    r"|no\s+longer\s+(?:be\s+)?(?:alive|here|exist))"
)

# (label, pattern, confidence, negation-inherent)
_PATTERNS: tuple[tuple[str, str, float, bool], ...] = (
    # Intent, in the first person, present or future.
    ("intent", r"\bkill(?:ing|ed)?\s*(?:my|ma|mah|me)\s*sel(?:f|ves)\b", 0.9, False),
    (
        "intent",
        r"\b(?:end|ending|take|taking|took)\s+(?:my|me)\s+(?:own\s+)?li(?:fe|ves)\b",
        0.9,
        False,
    ),
    ("intent", r"\bcommit(?:ting|ted)?\s+suicide\b", 0.9, False),
    (
        "intent",
        r"\bunalive\s*(?:my\s*self)?\b|\bkms\b|\bctb\b|\bcatch\s+the\s+bus\b",
        0.8,
        False,
    ),
    ("intent", r"\bsuicidal\b", 0.8, False),
    (
        "intent",
        r"\b(?:attempt(?:ing|ed)?|tried|trying|try|thinking\s+(?:about|of)|think\s+(?:about|of)"
        r"|thoughts?\s+(?:of|about)|consider(?:ing|ed)?|contemplat(?:e|ing|ed)|plan(?:ning|ned)?"
        r"|go\s+through\s+with|urges?\s+(?:of|for|to)|ideation|attempt\s+at|resort\s+to|options?\s+(?:is|of)"
        r"|close\s+to|want\s+to\s+commit|about)\s+(?:\w+\s+){0,2}?suicide\b",
        0.85,
        False,
    ),
    (
        "intent",
        r"\bsuicide\s+(?:is|seems|feels|sounds)\s+(?:\w+\s+)?(?:the\s+)?(?:only|best|"
        r"easiest|right|answer|option|way|solution|good)\b",
        0.85,
        False,
    ),
    (
        "intent",
        r"\b(?:want|wanna|wanted|wanting|wish|wished|going|gonna|ready|plan(?:ning)?|"
        r"need|deserve|decided|trying|try|prefer|rather|hope|hoping|about|tempted|urge)\s+"
        r"(?:to\s+)?(?:just\s+|finally\s+|really\s+|simply\s+|fucking\s+)?" + _DIE,
        0.85,
        False,
    ),
    (
        "intent",
        _I
        + r"\s+(?:\w+\s+)?(?:want|wanna|wish|hope|pray)\s+(?:i\s+(?:could|would|was|were|"
        r"had|'d)\s+)?(?:just\s+)?(?:di+e|died|dead|be\s+dead|never\s+been\s+born|not\s+born"
        r"|disappear|not\s+exist)\b",
        0.85,
        False,
    ),
    (
        "intent",
        r"\bwish\s+i\s+(?:was|were|had|could\s+be|'d)\s+(?:\w+\s+)?(?:dead|died|gone|never"
        r"\s+(?:been\s+)?born|not\s+(?:here|alive|born))\b",
        0.85,
        False,
    ),
    (
        "intent",
        r"\b(?:don'?t|do\s+not|dont|no\s+longer|never)\s+(?:\w+\s+)?(?:want|wanna|wish|care)\s+"
        r"(?:to\s+)?(?:live|be\s+alive|be\s+here|exist|wake\s+up|go\s+on|keep\s+going|carry\s+on"
        r"|keep\s+living|continue|stay\s+alive|survive|try\s+any\s?more)\b",
        0.8,
        True,
    ),
    (
        "intent",
        r"\b(?:better\s+off\s+(?:dead|without\s+me|gone|if\s+i\s+(?:was|were|wasn'?t|"
        r"weren'?t|died|didn'?t\s+exist))|rather\s+(?:be\s+dead|die)|no\s+one\s+would\s+(?:care|"
        r"miss\s+me|notice)\s+if\s+i|(?:nobody|no\s+one)\s+(?:will|would)\s+miss\s+me|"
        r"world\s+(?:would\s+be|is)\s+better\s+without\s+me|burden\s+to\s+(?:everyone|my)"
        r"|i'?m\s+(?:just\s+)?a\s+burden)\b",
        0.8,
        True,
    ),
    (
        "intent",
        r"\b(?:no|any|see\s+no|don'?t\s+see\s+(?:a|any|the))\s+(?:reason|point|purpose"
        r"|will|desire|way\s+out)\s+(?:to|in|of|for)\s+(?:live|living|be\s+alive|being\s+alive|"
        r"go\s+on|going\s+on|stay|staying|keep\s+going|exist|existing|life|my\s+life|carry\s+on"
        r"|continuing|continue|be\s+here|being\s+here|try|trying)\b",
        0.75,
        True,
    ),
    (
        "intent",
        r"\b(?:tired|sick|exhausted)\s+of\s+(?:living|being\s+alive|life|existing|my\s+life"
        r"|being\s+here|everything|it\s+all)\b",
        0.65,
        False,
    ),
    (
        "intent",
        r"\b(?:hang(?:ing)?|hung|drown(?:ing)?|shoot(?:ing)?|shot|poison(?:ing)?|starv(?:e|ing))"
        r"\s*my\s*self\b|\bslit(?:ting)?\s+my\s+(?:wrists?|throat)\b|\boverdos(?:e|ing)\b"
        r"|\bod(?:ing)?\s+on\b|\bjump(?:ing)?\s+(?:off|from|in\s+front\s+of)\s+(?:a|the)\b",
        0.8,
        False,
    ),
    (
        "intent",
        r"\b(?:want|wanna|going|gonna|thinking\s+(?:about|of)|plan(?:ning)?)\s+(?:to\s+)?"
        r"(?:hurt|harm)\s+my\s*self\s+(?:badly|for\s+good|properly)\b",
        0.7,
        False,
    ),
    (
        "intent",
        r"\bdeath\s+(?:is|seems|feels|would\s+be)\s+(?:\w+\s+)?(?:the\s+)?(?:only|best|"
        r"easier|better|a\s+relief|welcome|peaceful)\b|\b(?:welcome|long\s+for|crave|craving|"
        r"longing\s+for|ready\s+for)\s+death\b|\bcan'?t\s+wait\s+to\s+die\b",
        0.8,
        False,
    ),
    (
        "intent",
        r"\b(?:i'?m|i\s+am|i)\s+(?:\w+\s+)?(?:thinking\s+(?:about|of)|considering|"
        r"contemplating|obsessed\s+with|fantasi[sz]ing\s+about|planning)\s+(?:\w+\s+)?"
        r"(?:suicide|dying|death|ending\s+(?:it|my\s+life|things)|killing\s+myself|not\s+"
        r"being\s+(?:here|alive|around))\b",
        0.85,
        False,
    ),
    (
        "intent",
        r"\bend(?:ing)?\s+it\s+all\b|\bending\s+it(?!\s+(?:with|between|for))\b"
        r"|\b(?:just|finally|gonna|going\s+to|will|'ll|could|should|might|want\s+to|wanna|"
        r"ready\s+to|about\s+to|decided\s+to|plan\s+to|try\s+to|need\s+to|have\s+to)\s+end"
        r"\s+it(?!\s+(?:with|between|for))\b",
        0.8,
        False,
    ),
    (
        "intent",
        r"\b(?:i|me)\s+(?:\w+\s+)?(?:should|could|will|shall|must|might|may|'ll|would|"
        r"'d)\s+(?:just\s+|probably\s+|rather\s+|honestly\s+)?di+e\b|\blet\s+me\s+di+e\b|"
        r"\bwhy\s+(?:can'?t|cant|don'?t|won'?t|shouldn'?t)\s+i\s+(?:just\s+)?(?:di+e|kill|end)"
        r"\b|\bwhy\s+(?:am\s+i|do\s+i|should\s+i|bother)\s+(?:still\s+|even\s+)?(?:alive|"
        r"living|live|here|exist|existing|trying|staying|keep\s+going)\b",
        0.8,
        False,
    ),
    (
        "intent",
        r"\b(?:my\s+)?life\s+(?:is|feels|seems)\s+(?:\w+\s+)?(?:pointless|meaningless|"
        r"worthless|not\s+worth\s+(?:living|it)|over|a\s+waste|unbearable|hell|hopeless)\b|"
        r"\bnot\s+worth\s+living\b|\b(?:want|wish|need)\s+(?:it|this|everything|my\s+life|"
        r"life|the\s+pain|it\s+all)\s+to\s+(?:be\s+over|end|stop)\b|\bwish\s+i\s+(?:didn'?t|"
        r"did\s+not|could\s+(?:just\s+)?stop\s+to)\s+exist\b",
        0.7,
        True,
    ),
    # Suicide named in a first-person post, not negated, past or about someone else.
    (
        "intent",
        r"\bsuicide\b(?!\s+(?:prevention|awareness|rates?|statistics|hotline|helpline|"
        r"line|squad|watch))",
        0.6,
        False,
    ),
    (
        "intent",
        r"\b(?:going\s+to|gonna|will|plan\s+to|about\s+to|ready\s+to|want\s+to|"
        r"might|thinking\s+of|considering)\s+(?:make\s+)?(?:an\s+|another\s+|my\s+)?attempt\b"
        r"|\battempt\s+(?:again|tonight|soon|this)\b",
        0.8,
        False,
    ),
    (
        "despair",
        r"\b(?:can'?t|cannot|unable\s+to)\s+(?:go\s+on|do\s+this\s+any\s?more|take\s+(?:it|this|"
        r"much\s+more)\s*(?:any\s?more)?|keep\s+going|live\s+like\s+this|cope\s+any\s?more|"
        r"keep\s+living|hold\s+on\s+(?:much\s+longer|any\s?more))\b|\bwhat'?s\s+the\s+point\s+"
        r"(?:of\s+)?(?:living|life|anything|going\s+on|being\s+alive|trying)\b|\bgive\s+up\s+on"
        r"\s+(?:life|living|everything)\b|\b(?:i'?m|feel)\s+(?:so\s+)?hopeless\b|\bthere'?s\s+"
        r"no\s+(?:point|hope|way\s+out|future)\b|\bwhat'?s\s+the\s+point\b|\bi\s+give\s+up\b"
        r"|\bi'?m\s+done\s+(?:with\s+(?:life|everything|it\s+all|this)|trying)\b",
        0.55,
        True,
    ),
    # A plan or the means gathered.
    (
        "plan",
        r"\b(?:have|got|made|making|found|worked\s+out|figured\s+out)\s+(?:a|the|my)\s+"
        r"(?:\w+\s+)?plan\s+(?:to|for|on\s+how)\b(?=.{0,60}(?:die|end|kill|suicide|life|it\s+all))"
        r"|\bi'?(?:ve|m)?\s+(?:got|have|been)\s+(?:\w+\s+)?(?:saving|saved|stockpil\w*|hoard\w*|"
        r"collect\w*|buying|bought)\s+(?:up\s+)?(?:\w+\s+)?(?:pills|tablets|paracetamol|meds|"
        r"medication|rope|blades?|razors?)\b|\b(?:set|picked|chosen|chose|choosing)\s+(?:a|the)\s+"
        r"date\b|\bwr(?:ote|iting|itten)\s+(?:my|a|the)\s+(?:suicide\s+)?note\b",
        0.85,
        False,
    ),
    # Saying goodbye or leaving final messages.
    (
        "goodbye",
        r"\b(?:this\s+is\s+(?:my\s+)?(?:goodbye|the\s+end|my\s+last)|goodbye\s+(?:everyone|"
        r"all|world|forever|cruel\s+world|guys)|(?:my\s+)?(?:final|last)\s+(?:message|post|goodbye|"
        r"words|note|letter|time\s+posting)|my\s+last\s+(?:day|night|week)\s+(?:alive|on\s+earth|here)|suicide\s+(?:note|letter)|by\s+the\s+time\s+"
        r"(?:you|anyone|someone)\s+(?:read|reads|see|sees|find|finds)\s+this|won'?t\s+be\s+(?:here|"
        r"around|alive)\s+(?:tomorrow|much\s+longer|any\s?more|by|for\s+long|next)|(?:giving|gave|"
        r"give)\s+away\s+(?:all\s+)?my\s+(?:things|stuff|belongings|possessions|pets?|cat|dog)|"
        r"thank\s+you\s+(?:all\s+)?(?:everyone\s+)?for\s+everything.{0,40}(?:goodbye|bye|sorry)|"
        r"(?:tell|let)\s+my\s+(?:family|mum|mom|dad|kids|friends|parents)\s+(?:that\s+)?(?:i\s+love"
        r"|i'?m\s+sorry)|i'?m\s+sorry\s+for\s+what\s+i'?m\s+about\s+to\s+do|see\s+you\s+on\s+the\s+"
        r"other\s+side|it'?s\s+time\s+for\s+me\s+to\s+go)\b",
        0.85,
        False,
    ),
)

_TIMEFRAME = re.compile(
    r"\b(?:tonight|tomorrow|today|this\s+(?:weekend|week|evening|morning|afternoon|friday|saturday|"
    r"sunday|monday|tuesday|wednesday|thursday|time)|right\s+now|soon|after\s+(?:christmas|new\s+year|"
    r"the\s+holidays|my\s+birthday|exams)|on\s+my\s+birthday|when\s+(?:everyone|they|my\s+\w+)\s+"
    r"(?:is|are|'s)\s+(?:asleep|out|gone|away)|in\s+(?:a\s+few|two|three|\d+|a\s+couple\s+of)\s+"
    r"(?:days|hours|weeks|minutes)|by\s+(?:the\s+end\s+of|next|friday|monday|tuesday|wednesday|"
    r"thursday|saturday|sunday))\b"
)
_PAST_VERB = re.compile(
    r"^(?:killed|took|tried|attempted|committed|wanted|wished|wrote|was|were|felt|thought|used|planned|had|"
    r"decided|overdosed|hung|hanged|jumped|slit|od'?d)\b"
)
_PAST_BEFORE = re.compile(
    r"\b(?:tried|attempted|wanted|wished|was|were|felt|used\s+to|had|thought|planned|decided|"
    r"nearly|almost|survived|after\s+my|since\s+my|from\s+my|first|second|third|previous|failed"
    r"|last)\b[^.!?\n]{0,40}$"
)
_OTHER_PERSON = re.compile(
    r"\b(?:kill(?:ing|ed)?\s+(?:him|her|them)sel(?:f|ves)|(?:he|she|they|friend|partner|son|"
    r"daughter|brother|sister|mum|mom|dad|husband|wife|boyfriend|girlfriend|mate|child)\s+(?:is|"
    r"are|'s|was|seems|feels|said\s+(?:he|she|they)\s+(?:is|was|felt))\s+(?:really\s+|very\s+)?"
    r"suicidal|(?:he|she|they)\s+(?:wants?|wanted|is\s+going|are\s+going)\s+to\s+(?:die|end\s+"
    r"(?:it|(?:his|her|their)\s+life)))\b"
)
_FIRST_PERSON_WORDS = frozenset(
    {"i", "i'm", "im", "i've", "ive", "i'd", "i'll", "me", "myself"}
)
_THIRD_PERSON_WORDS = frozenset(
    [
        "he",
        "she",
        "they",
        "he's",
        "she's",
        "they're",
        "his",
        "her",
        "their",
        "him",
        "them",
        "friend",
        "friends",
        "brother",
        "sister",
        "mum",
        "mom",
        "dad",
        "father",
        "mother",
        "son",
        "daughter",
        "cousin",
        "uncle",
        "aunt",
        "husband",
        "wife",
        "partner",
        "boyfriend",
        "girlfriend",
        "someone",
        "somebody",
        "people",
        "person",
        "classmate",
        "colleague",
        "mate",
        "grandad",
        "grandma",
        "grandpa",
        "nan",
        "who",
    ]
)
_COMPILED = tuple(
    (label, re.compile(pattern), confidence, inherent)
    for label, pattern, confidence, inherent in _PATTERNS
)

ALERT_THRESHOLD = 0.55


@dataclass(frozen=True, slots=True)
class RiskFinding:
    label: str
    start: int
    end: int
    confidence: float


@dataclass(frozen=True, slots=True)
class RiskAssessment:
    findings: tuple[RiskFinding, ...]
    # Set when the text speaks of present risk to the author's own life.
    is_at_risk: bool
    # Set when the text speaks of risk to someone else's life.
    is_concern_for_other: bool
    # Matches set aside as past experience, negation or a quotation (for the record).
    set_aside: tuple[RiskFinding, ...]


def _is_past(context: Context, start: int, end: int) -> bool:
    matched = context.text[start:end]
    before = context.clause_before(start)
    return bool(_PAST_VERB.match(matched) or _PAST_BEFORE.search(before[-60:]))


def _is_about_someone_else(context: Context, start: int) -> bool:
    """Whether the nearest person named before the match is someone else."""
    for word in reversed(context.clause_before(start).split()[-8:]):
        if word in _FIRST_PERSON_WORDS:
            return False
        if word in _THIRD_PERSON_WORDS:
            return True
    return False


def assess_risk(context: Context) -> RiskAssessment:
    text = context.text
    findings: list[RiskFinding] = []
    set_aside: list[RiskFinding] = []
    for label, pattern, confidence, inherent in _COMPILED:
        for match in pattern.finditer(text):
            start, end = match.start(), match.end()
            if any(f.start < end and start < f.end for f in findings + set_aside):
                continue
            if context.is_quoted_lyric(start, end):
                set_aside.append(RiskFinding("quoted", start, end, 0.2))
                continue
            if _is_about_someone_else(context, start):
                set_aside.append(RiskFinding("about_someone_else", start, end, 0.3))
                continue
            if not inherent and context.is_negated(start):
                set_aside.append(RiskFinding("negated", start, end, 0.1))
                continue
            if _is_past(context, start, end) and (
                context.has_recovery or context.is_distant_past(start, end)
            ):
                set_aside.append(RiskFinding("past_experience", start, end, 0.3))
                continue
            if context.has_recovery and context.is_distant_past(start, end):
                set_aside.append(RiskFinding("past_experience", start, end, 0.3))
                continue
            findings.append(RiskFinding(label, start, end, confidence))

    strong = [f for f in findings if f.confidence >= ALERT_THRESHOLD]
    despair = [f for f in findings if f.label == "despair"]
    # Two separate expressions of despair together are as worrying as one of intent.
    is_at_risk = bool(strong) or len(despair) >= 2
    if strong:
        for match in _TIMEFRAME.finditer(text):
            sentence = context.sentence(match.start(), match.end())
            if any(sentence[0] <= f.start < sentence[1] for f in strong):
                findings.append(
                    RiskFinding("timeframe", match.start(), match.end(), 0.95)
                )
    concern = [
        RiskFinding("concern_for_other", m.start(), m.end(), 0.7)
        for m in _OTHER_PERSON.finditer(text)
        if not context.is_negated(m.start())
    ]
    findings.extend(concern)
    findings.sort(key=lambda finding: finding.start)
    return RiskAssessment(
        findings=tuple(findings),
        is_at_risk=is_at_risk,
        is_concern_for_other=bool(concern) and not is_at_risk,
        set_aside=tuple(set_aside),
    )
