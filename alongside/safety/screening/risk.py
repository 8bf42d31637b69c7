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

from alongside.safety.screening.context import IDIOMS, Context
from alongside.safety.screening.stance import Stance, is_report, stance_of

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
        r"|will|desire|way\s+out)\s+(?:for\s+me\s+)?(?:to|in|of|for)\s+(?:live|living"
        r"|keep\s+living|stay\s+alive|be\s+alive|being\s+alive|"
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
        r"line|squad|watch|attempts?))",
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
    # Passive ideation: not wanting to be here, wanting to disappear or not wake up.
    (
        "intent",
        r"\b(?:want|wants|wanna|wanted|wanting|wish|wished|wishing|hope|hoping|pray|praying|"
        r"just\s+want|need)\s+(?:to\s+|i\s+(?:could|would)\s+)?(?:just\s+)?(?:disappear|vanish"
        r"|cease\s+to\s+exist|stop\s+existing|fade\s+away|not\s+be\s+(?:here|alive|around)"
        r"|be\s+gone|go\s+away\s+(?:forever|for\s+good)|never\s+wake\s+up|not\s+wake\s+up"
        r"|fall\s+asleep\s+(?:and|forever)|sleep\s+forever|be\s+put\s+out\s+of\s+my\s+misery"
        r"|get\s+hit\s+by\s+a|get\s+(?:cancer|killed)|be\s+killed|stop\s+breathing)\b"
        r"|\b(?:hope|hoping|pray|praying|wish)\s+(?:that\s+)?i\s+(?:don'?t|do\s+not|won'?t"
        r"|never|wouldn'?t|didn'?t)\s+wake\s+up\b"
        r"|\b(?:hope|hoping|pray|praying|wish)\s+(?:that\s+)?i\s+(?:die|get\s+(?:hit|killed"
        r"|cancer|sick\s+and\s+die)|just\s+die|died|was\s+gone)\b"
        r"|\b(?:wish|pray|long|longing|hope|hoping|ready)\s+(?:for\s+)?(?:my\s+)?death\b",
        0.8,
        False,
    ),
    (
        "intent",
        r"\b(?:don'?t|do\s+not|dont|no\s+longer|never)\s+(?:\w+\s+)?(?:want|wanna|wish)\s+"
        r"(?:to\s+)?(?:be\s+(?:here|alive|around|me|in\s+this\s+world|on\s+this\s+earth)"
        r"|do\s+(?:this|life|it)\s+any\s?more|feel\s+anything\s+any\s?more|wake\s+up"
        r"|see\s+(?:tomorrow|another\s+day|the\s+morning)|breathe|exist|live)\b"
        r"|\b(?:don'?t|do\s+not|dont)\s+(?:\w+\s+)?deserve\s+to\s+(?:live|be\s+(?:alive|"
        r"here|happy\s+or\s+alive))\b"
        r"|\b(?:i\s+)?(?:shouldn'?t|should\s+not|should\s+never\s+have|was\s+never\s+meant\s+to"
        r"|wasn'?t\s+meant\s+to|am\s+not\s+meant\s+to|don'?t\s+belong)\s+(?:be\s+)?(?:alive|"
        r"here|born|exist|in\s+this\s+world|on\s+this\s+earth)\b"
        r"|\bi\s+should\s+(?:be\s+dead|have\s+died|'?ve\s+died|not\s+be\s+here)\b",
        0.8,
        True,
    ),
    # Losing the will to live, nothing to live for, wanting everything to stop.
    (
        "intent",
        r"\b(?:nothing|no\s?one|nobody|no\s+one)\s+(?:left\s+)?(?:to|worth)\s+live\s+for\b"
        r"|\b(?:lost|losing|lose|no|have\s+no|don'?t\s+have\s+(?:the|any))\s+(?:the\s+|my\s+|"
        r"all\s+)?(?:will|desire|reason|motivation)\s+to\s+(?:live|stay\s+alive|keep\s+living"
        r"|go\s+on|exist|be\s+alive)\b"
        r"|\b(?:hate|hating|sick\s+of|tired\s+of|done\s+with|had\s+enough\s+of)\s+(?:being\s+alive"
        r"|existing|living"
        r"|my\s+existence|being\s+me|being\s+born)\b"
        r"|\b(?:life|living|it|existence)\s+(?:is|isn'?t|feels|seems)\s+(?:just\s+)?(?:not\s+)?"
        r"(?:worth\s+(?:it|living|the\s+pain|the\s+effort)|pointless|meaningless|unbearable)\b"
        r"|\b(?:can'?t|cannot)\s+(?:see|imagine|picture)\s+(?:a|any|my(?:self)?)\s+(?:\w+\s+)?"
        r"(?:future|living\s+past|being\s+alive|making\s+it|getting\s+old|growing\s+old|"
        r"alive\s+(?:in|by|past|at|for|next))\b"
        r"|\b(?:can'?t|cannot|don'?t\s+think\s+i\s+can|won'?t\s+be\s+able\s+to)\s+"
        r"(?:stay|keep\s+myself|be)\s+alive\s+(?:much\s+)?(?:longer|any\s?more|for\s+long"
        r"|through)\b"
        r"|\bno\s+(?:future|way\s+out|escape|hope)\s+(?:for\s+me|left|any\s?more)\b"
        r"|\b(?:only|one|last|easiest|best)\s+(?:way\s+out|escape|option\s+left|solution)\b"
        r"|\bpermanent\s+(?:solution|escape|sleep|way\s+out)\b",
        0.7,
        True,
    ),
    # Being a burden; others better off without me.
    (
        "intent",
        r"\b(?:i'?m|i\s+am|im|i\s+feel\s+like|feel\s+like|i'?ve\s+become|being|i'?m\s+just)"
        r"\s+(?:\w+\s+)?(?:such\s+)?(?:a|an)\s+(?:\w+\s+)?burden\b"
        r"|\b(?:everyone|everybody|they|my\s+\w+|the\s+world|people|family|friends|"
        r"you\s+all|you\s+guys)\s+(?:\w+\s+)?(?:would|will|'d)\s+(?:all\s+)?be\s+(?:so\s+"
        r"much\s+|much\s+|far\s+|a\s+lot\s+)?(?:better|happier)\s+(?:off\s+)?(?:without\s+me"
        r"|if\s+i\s+(?:was|were|wasn'?t|weren'?t|died|left|disappeared|didn'?t\s+exist))\b"
        r"|\b(?:no\s?one|nobody|no\s+one)\s+(?:would|will|is\s+going\s+to|'d)\s+(?:even\s+)?"
        r"(?:care|notice|miss\s+me|cry|be\s+sad)\s+(?:if|when)\s+i\b"
        r"|\bif\s+i\s+(?:died|was\s+gone|were\s+gone|disappeared|killed\s+myself)\s*,?\s+"
        r"(?:no\s?one|nobody|no\s+one)\b",
        0.75,
        True,
    ),
    # Ending it, ending things, being done with life; fear as the only thing stopping.
    (
        "intent",
        r"\b(?:end|ending|ended)\s+(?:things|everything|my\s+(?:existence|suffering|pain|misery"
        r"|story))\b(?!\s+(?:with|between))"
        r"|\b(?:too\s+(?:much\s+of\s+a\s+)?(?:scared|afraid|cowardly|coward|weak)|not\s+brave"
        r"\s+enough|(?:only|one)\s+(?:thing|reason)\s+(?:stopping|keeping)\s+me|what'?s\s+"
        r"stopping\s+me|(?:keeps?|kept)\s+me\s+(?:from\s+doing\s+it|alive|here))\b"
        r"|\b(?:scared|afraid|terrified)\s+(?:of\s+)?(?:what\s+)?i\s+(?:might|will|could|'ll|may)"
        r"\s+do\s+(?:to\s+myself)?\b|\bnot\s+safe\s+(?:with|around|from)\s+myself\b"
        r"|\b(?:don'?t|can'?t)\s+trust\s+myself\b"
        r"|\b(?:walk|step|jump|run|drive|crash)\s+(?:my\s+car\s+)?(?:into|in\s+front\s+of)\s+"
        r"(?:a|the|on\s?coming)\s+(?:traffic|train|bus|lorry|truck|car|tree|wall)\b"
        r"|\bwalk\s+into\s+(?:the\s+)?(?:traffic|sea|ocean|river|lake)\b"
        r"|\b(?:won'?t|will\s+not|not\s+going\s+to|don'?t\s+think\s+i'?(?:ll|m\s+going\s+to))"
        r"\s+(?:make\s+it|be\s+(?:here|around|alive))\s+(?:to|past|much|for|through|until|till"
        r"|another|by|next)\b",
        0.75,
        True,
    ),
    # Thoughts of death that come back.
    (
        "intent",
        r"\b(?:thoughts?|thinking|think|fantasi[sz]e|fantasi[sz]ing|dream(?:ing)?|obsess(?:ed|ing)?"
        r"|daydream(?:ing)?|preoccupied)\s+(?:\w+\s+){0,2}?(?:about|of|with)\s+(?:my\s+own\s+|"
        r"my\s+)?(?:death|dying|being\s+dead|not\s+(?:existing|being\s+(?:here|alive|around))"
        r"|ending\s+(?:it|things|my\s+life)|killing\s+myself|taking\s+my\s+(?:own\s+)?life"
        r"|my\s+funeral|suicide)\b"
        r"|\b(?:imagin\w+|picture|picturing|planning)\s+my\s+(?:own\s+)?funeral\b"
        r"|\b(?:happy|better|a\s+relief|easier|fine|glad)\s+if\s+i\s+(?:just\s+)?(?:didn'?t"
        r"\s+exist|wasn'?t\s+(?:here|alive|around)|died|was\s+(?:dead|gone)|never\s+woke\s+up)\b"
        r"|\b(?:wish|hope|pray)\s+(?:a|the|some)\s+(?:bus|car|train|lorry|truck)\s+(?:would|will"
        r"|'d)\s+hit\s+me\b"
        r"|\b(?:sh|si|suicidal)\s+(?:thoughts|ideation|urges|feelings)\b"
        r"|\b(?:die|dead|dying|death)\s+(?:would|will)\s+be\s+(?:a\s+)?(?:easier|better|"
        r"relief|peace|release|nice|welcome|preferable)\b",
        0.75,
        False,
    ),
    # Wanting to repeat a past attempt ("I took … last time and I want to do it again").
    (
        "intent",
        r"\b(?:overdos\w*|attempt\w*|paracetamol|pills|tablets|tried\s+to\s+(?:kill|end)"
        r"|od'?d)\b[^\n]{0,120}?\b(?:want|wanna|going|gonna|plan(?:ning)?|ready|tempted"
        r"|thinking\s+(?:about|of)|need|will|'ll)\s+(?:to\s+)?(?:do\s+it|try(?:\s+it)?"
        r"|do\s+that)\s+again\b",
        0.8,
        False,
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

# Saying goodbye or making a plan without any word for dying: an implied goodbye
# ("it was nice knowing you all", "I've made my peace") or a plan that is ready ("I've
# picked the day", "I know exactly how I'm going to do it").
_IMPLIED: tuple[tuple[str, str, float, bool], ...] = (
    (
        "goodbye",
        r"\b(?:this\s+is\s+goodbye|goodbye\s+(?:friends|my\s+friends|everyone|everybody"
        r"|all|guys)\b.{0,60}(?:for\s+good|forever|nice\s+knowing|won'?t\s+be\s+back|sorry"
        r"|love\s+you|last|peace|time)|i'?ve\s+said\s+my\s+goodbyes|(?:last|final)\s+"
        r"message\s+from\s+me|you\s+won'?t\s+(?:hear\s+from|see)\s+me\s+again|(?:i'?ve|i\s+"
        r"have)\s+made\s+my\s+peace|at\s+peace\s+with\s+my\s+decision|before\s+i\s+go\s+for"
        r"\s+good|leaving\s+for\s+good|i'?ve\s+left\s+a\s+note|(?:wrote|written|left)\s+"
        r"(?:\w+\s+)?(?:letters?|notes?)\s+(?:to|for)\s+(?:my|whoever|everyone)|whoever\s+finds"
        r"\s+me|(?:i'?m\s+)?checking\s+out\b(?!\s+(?:the|a|this|that|some|our|your|my))"
        r"|(?:it\s+was\s+)?nice\s+knowing\s+(?:you|everyone)|won'?t\s+be\s+around\s+after"
        r"|don'?t\s+worry\s+about\s+me\s+after|sorted\s+(?:out\s+)?my\s+will|paid\s+off\s+"
        r"(?:what|everything)\s+i\s+owe|won'?t\s+(?:be\s+)?need(?:ing)?\s+(?:it|them|anything)"
        r"(?:\s+(?:after|any\s?more|where))?|i'?ll\s+be\s+at\s+peace|before\s+i\s+go\b"
        r"(?=.{0,40}(?:thank|sorry|love))|i'?ll\s+be\s+gone\b)\b",
        0.85,
        False,
    ),
    (
        "plan",
        r"\b(?:i'?ve|i\s+have)\s+(?:picked|chosen|set|decided\s+on|worked\s+out|found)\s+"
        r"(?:the|a)\s+(?:day|date|night|time|place|spot)\b|\bi'?ve\s+(?:picked|chosen)\s+the"
        r"\s+date\b|\bi\s+know\s+(?:exactly\s+)?(?:how|when|where)\s+i'?m\s+(?:going\s+to|"
        r"gonna)\s+(?:do|go)\b|\b(?:i'?ve|i\s+have)\s+(?:got\s+)?(?:everything|it\s+all)\s+"
        r"(?:ready|planned|sorted|worked\s+out)\b|\b(?:bought|got|have)\s+(?:a|the)\s+(?:rope"
        r"|hose|noose)\b|\b(?:go|going|gonna|ready\s+to|finally)\s+(?:to\s+)?(?:go\s+)?through"
        r"\s+with\s+it\b|\band\s+not\s+come\s+back\b|\bwalk\s+into\s+the\s+(?:sea|river"
        r"|lake|water)\b|\bheading\s+to\s+the\s+(?:bridge|station|tracks|cliffs?|car\s+park"
        r"|roof|river|sea)\b|\bthen\s+it'?s\s+(?:over|done)\b|\bfor\s+when\s+i'?m\s+gone\b"
        r"|\b(?:got|have|saved)\s+enough\s+(?:saved\s+up|to\s+(?:do\s+it|end|die|overdose"
        r"|not\s+wake))|\benough\s+saved\s+up\b|\ba\s+plan\s+and\s+the\s+means\b"
        r"|\bwhen\s+i'?m\s+going\s+to\s+take\s+them\b|\bi'?ll\s+finally\s+do\s+it\b"
        r"|\bwhere\s+i'?m\s+going\s+to\s+go\b.{0,40}\bfind\s+me\b",
        0.85,
        False,
    ),
)
# Wanting to hurt oneself now or tonight: not a risk to life by its words, but the
# person needs support straight away.
_SELF_HARM_NOW = re.compile(
    r"\b(?:(?:i'?ll|i\s+will|going\s+to|gonna|want\s+to|wanna|about\s+to|need\s+to"
    r"|urges?\s+to|tempted\s+to|i\s+know\s+i'?ll|i'?m\s+going\s+to)\s+(?:\w+\s+){0,2}?"
    r"(?:cut|hurt|harm|burn|hit|scratch|self[\s-]?harm)(?:\s+my\s*self)?|self[\s-]?harm"
    r"|relapse)\b"
)
_NOW = re.compile(
    r"\b(?:tonight|right\s+now|now|today|this\s+(?:evening|afternoon|morning)|about\s+to"
    r"|so\s+(?:badly|strong)|can'?t\s+stop|in\s+a\s+minute|when\s+everyone'?s\s+(?:gone|asleep))\b"
)

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
        r"|\bpointless\b|\bwhat'?s\s+the\s+point\b|\bnothing\s+matters\b"
        r"|\b(?:giving|give|gave|given)\s+up\b"
        r"|\b(?:can'?t|cannot)\s+see\s+(?:a|any)\s+(?:way|light|end|future)\b",
    ),
    (
        "burden",
        r"\bburden(?:some)?\b|\b(?:i\s+)?ruin\s+(?:everything|everyone'?s|every)\b"
        r"|\b(?:everyone|everybody)\s+(?:\w+\s+)?hates\s+me\b|\bi'?m\s+(?:\w+\s+)?(?:a\s+)?"
        r"(?:mistake|failure|disappointment|waste|worthless|useless|nothing|pathetic|"
        r"unlovable|broken)\b|\bworthless\b|\bwaste\s+of\s+(?:space|oxygen|air|life)\b"
        r"|\bdon'?t\s+deserve\b",
    ),
    (
        "isolation",
        r"\b(?:no\s?one|nobody|no\s+one)\s+(?:\w+\s+)?(?:cares?|loves?|understands?|listens?"
        r"|notices?|would\s+(?:care|notice|miss))\b|\b(?:so|completely|totally|all|always|very)"
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
        r"|\b(?:it|everything)\s+hurts\b",
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
        r"|noose|afterlife|end\s+it|over\s+with|pills|rope"
        r"|(?:cut|slit|slash)\w*\s+(?:my\s+)?wrists?"
        r"|kill(?:ing)?(?!\s+(?:for|to|time|it|the|a|an|some|off|him|her|them|you|u|ya)\b))\b",
    ),
    # Resolve without naming the act ("I'm going to do it", "I finally have the
    # nerve to go through with it"): in a post that speaks of despair, a warning sign.
    (
        "resolve",
        r"\b(?:i'?m|i\s+am|gonna|going\s+to|i'?ll|i\s+will|ready\s+to|want\s+to|wanna"
        r"|finally|should\s+just|might\s+just|could\s+just|courage\s+to|guts\s+to"
        r"|nerve\s+to|strength\s+to)\s+(?:\w+\s+)?(?:do\s+it|go\s+through\s+with\s+it)\b"
        r"(?!\s+(?:again\s+)?(?:tomorrow\s+)?(?:for|with|at|in\s+the|properly|right|later))",
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
        r"|choice|solution)|last\s+resort|stuck\s+(?:forever|like\s+this|in\s+this))\b",
    ),
    # Finality: having had enough, being finished.
    (
        "finality",
        r"\b(?:i'?m|i\s+am)\s+(?:\w+\s+)?(?:done|finished)\b"
        r"|\b(?:i'?ve|i\s+have)\s+had\s+enough\b|\bcan'?t\s+(?:do\s+(?:this|it)\s+)?"
        r"any\s?more\b|\bit'?s\s+(?:all\s+)?over\s+for\s+me\b",
    ),
    # Goodbyes and apologies to everyone, short of a final message.
    (
        "farewell",
        r"\b(?:farewell|sorry\s+(?:to\s+)?(?:everyone|all\s+of\s+you)\s+for\s+"
        r"(?:everything|what|being)|thank\s+you\s+(?:all|everyone)\s+for\s+(?:everything"
        r"|trying|being\s+there)|my\s+last\s+(?:post|words|letter|message))\b",
    ),
    # Naming one's own thoughts of ending life without the word suicide.
    (
        "ideation",
        r"\b(?:ideation|intrusive\s+thoughts|dark\s+thoughts|urges?|si)\b",
    ),
    (
        "crisis_help",
        r"\b(?:please|pls|plz|someone|somebody|i\s+need)\s+(?:\w+\s+)?help\b"
        r"|\bi\s+don'?t\s+know\s+what\s+(?:to|else\s+to)\s+do\b|\bi'?m\s+(?:so\s+)?"
        r"(?:scared|terrified)\b",
    ),
)
_FACTORS_COMPILED = tuple((kind, re.compile(pattern)) for kind, pattern in _FACTORS)
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
    r"\b(?:(?:about|going)\s+to\s+(?:(?:hurt|harm|cut|kill|burn)\s+(?:him|her|them)sel"
    r"(?:f|ves)|do\s+something\s+(?:stupid|silly))|(?:hurt|harm|cut|burn)(?:ing)?\s+(?:him|her|them)sel(?:f|ves)|(?:end|ending"
    r"|take|taking)\s+(?:his|her|their)\s+(?:own\s+)?li(?:fe|ves)|(?:gave|giving|given)\s+"
    r"away\s+(?:all\s+)?(?:his|her|their)\s+(?:stuff|things|belongings)|said\s+goodbye\s+to"
    r"\s+everyone|(?:sounded|sounds|read|reads)\s+like\s+a\s+goodbye|better\s+off\s+without"
    r"\s+(?:him|her|them)|(?:he|she|they)\s+(?:doesn'?t|don'?t|does\s+not)\s+(?:want\s+to"
    r"\s+(?:be\s+alive|live|be\s+here)|see\s+the\s+point)|(?:he|she|they)(?:'s|\s+is|\s+are"
    r"|'re)\s+standing\s+on\s+(?:the|a)\s+(?:balcony|ledge|bridge|edge|roof)"
    r"|kill(?:ing|ed)?\s+(?:him|her|them)sel(?:f|ves)|(?:he|she|they|friend|partner|son|"
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
    for label, pattern, confidence, inherent in _PATTERNS + _IMPLIED
)
# The bare words "suicide" and "suicidal" speak of the writer only when the sentence
# is plainly about the writer: never in a report, a question or with no one named.
_BARE_SUICIDE = re.compile(r"^(?:suicide|suicidal)$")

ALERT_THRESHOLD = 0.55

# How soon someone should reach the person, highest first. Stored with the post and
# the alert; the moderation queue and the duty view are ordered by it.
URGENCY_IMMEDIATE = 6  # intent with a plan, a time, a goodbye or a means in detail
URGENCY_INTENT = 5  # intent to end one's life
URGENCY_SIGNS = 4  # two warning signs in one post, or wanting to self-harm now
URGENCY_BUILD_UP = 3  # weak warning signs built up over recent posts
URGENCY_NAMES = {
    URGENCY_IMMEDIATE: "Urgent: a plan, a time or a goodbye",
    URGENCY_INTENT: "Urgent: may want to end their life",
    URGENCY_SIGNS: "Soon: warning signs, or wanting to self-harm now",
    URGENCY_BUILD_UP: "Soon: warning signs building up over recent posts",
}


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
    # One of the URGENCY_* levels when at risk, else 0.
    urgency: int = 0
    # The writer wants to hurt themselves now (tonight, right now).
    is_self_harm_now: bool = False
    # Risk words addressed to the reader or asked as a question: the writer is
    # supporting someone, and may like short guidance on responding safely.
    is_supporting: bool = False
    # Kinds of weak warning sign found in the writer's own words (for build-up).
    weak_signs: frozenset[str] = frozenset()


def _is_past(context: Context, start: int, end: int) -> bool:
    matched = context.text[start:end]
    before = context.clause_before(start)
    return bool(_PAST_VERB.match(matched) or _PAST_BEFORE.search(before[-60:]))


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
    r"alone|so\s+alone|(?:so|too|really|very|just)\s+(?:tired|exhausted|drained)|numb"
    r"|empty|hell|suffering|agony|torture|unbearable|i\s+need\s+help|please\s+help"
    r"|i'?m\s+(?:so\s+)?(?:scared|terrified)|i'?m\s+(?:\w+\s+)?(?:a\s+)?(?:failure"
    r"|mistake|disappointment|waste|worthless|useless|nothing|pathetic|broken))$"
)
_OWN_STANCES = frozenset({Stance.SELF_NOW, Stance.NEUTRAL})
# A question asking for information ("where can I find…", "how do I help…") is not a
# sign about the writer, even when it says "I".
_QUESTION_FOR_INFORMATION = re.compile(
    r"^\s*(?:where|how|what|which|who|is\s+there|are\s+there|does\s+anyone|has\s+anyone"
    r"|can\s+(?:anyone|someone|a|the|you)|any\s+(?:tips|advice|ideas))\b"
    r"(?!\s+(?:many|much|long)\b)[^?]*\?"
)


def factor_score(kinds: set[str] | frozenset[str]) -> float:
    """The weight of the kinds of warning sign found; two weak kinds weigh 1.5."""
    score = sum(_FACTOR_WEIGHTS.get(kind.removesuffix(":weak"), 1.0) for kind in kinds)
    if kinds and all(kind.endswith(":weak") for kind in kinds):
        score = min(score, 1.5)
    return score


def _distinct_kinds(kinds: set[str] | frozenset[str]) -> set[str]:
    """One entry per kind: a strong sign of a kind replaces a weak one."""
    strong = {kind for kind in kinds if not kind.endswith(":weak")}
    return strong | {kind for kind in kinds if kind.removesuffix(":weak") not in strong}


def _risk_factors(context: Context, set_aside: list[RiskFinding]) -> list[RiskFinding]:
    """One finding per kind of risk factor found in the author's own words."""
    text = context.text
    found: list[RiskFinding] = []
    for kind, pattern in _FACTORS_COMPILED:
        weak: RiskFinding | None = None
        for match in pattern.finditer(text):
            start, end = match.start(), match.end()
            if any(f.start < end and start < f.end for f in set_aside):
                continue
            if context.is_negated(start):
                continue
            stance = stance_of(context, start, end)
            if stance not in _OWN_STANCES and not (
                # Thanking everyone and saying sorry are said to the readers.
                kind == "farewell" and stance == Stance.READER
            ):
                continue
            if _QUESTION_FOR_INFORMATION.match(context.sentence_text(start, end)):
                continue
            if kind == "death_on_mind" and (
                _IDIOM_DEATH.search(text, max(0, start - 25), end + 25)
                or IDIOMS.search(text, max(0, start - 30), end + 30)
                or not _FIRST_PERSON.search(
                    context.sentence_text(start, end, neighbours=1)
                )
                or _SECOND_PERSON.search(context.clause_before(start))
            ):
                continue
            if _LOW_MOOD.match(match.group(0)):
                weak = weak or RiskFinding(f"factor_{kind}:weak", start, end, 0.3)
                continue
            found.append(RiskFinding(f"factor_{kind}", start, end, 0.4))
            break
        else:
            if weak is not None:
                found.append(weak)
    return found


# Someone else's death told as a loss, not a worry for now.
_LOSS = re.compile(
    r"\b(?:died|passed|killed\s+(?:him|her|them)sel(?:f|ves)|took\s+(?:his|her|their)"
    r"\s+(?:own\s+)?life|lost|funeral|ago|last\s+year|anniversary|memory|grave|survived"
    r"|survivors?|bereaved|podcast|article|documentary|interview\w*|poster|campaign)\b"
)


# Words of risk as a supporter says them to someone ("end your life", "hurt yourself").
_TO_THE_READER = re.compile(
    r"\b(?:(?:kill|killing|hurt|hurting|harm|harming|cut|cutting)\s+(?:your|ur)\s*self"
    r"|(?:end|ending|take|taking)\s+(?:your|ur)\s+(?:own\s+)?life|suicid\w*"
    r"|want\s+to\s+die|self[\s-]?harm\w*)\b"
)


def weak_signs_in(context: Context) -> frozenset[str]:
    """The kinds of warning sign in the writer's own words, as counted for build-up."""
    return assess_risk(context).weak_signs


def _concern(context: Context, aside: list[RiskFinding]) -> list[RiskFinding]:
    text = context.text
    concern = [
        RiskFinding("concern_for_other", m.start(), m.end(), 0.7)
        for m in _OTHER_PERSON.finditer(text)
        if not context.is_negated(m.start())
        and not _QUESTION_FOR_INFORMATION.match(
            context.sentence_text(m.start(), m.end())
        )
        and not IDIOMS.search(text, max(0, m.start() - 30), m.end() + 30)
    ]
    concern += [
        RiskFinding("concern_for_other", f.start, f.end, 0.7)
        for f in aside
        if f.label == "about_someone_else"
        and not _LOSS.search(context.sentence_text(f.start, f.end))
        and not is_report(context.sentence_text(f.start, f.end))
        and not _QUESTION_FOR_INFORMATION.match(context.sentence_text(f.start, f.end))
    ]
    return concern


def assess_risk(
    context: Context,
    *,
    earlier_signs: frozenset[str] = frozenset(),
    aimed_at_others: tuple[tuple[int, int], ...] = (),
) -> RiskAssessment:
    """Whether the writer's own words show risk to their life, and how urgent it is.

    ``earlier_signs`` are the kinds of weak warning sign in the writer's own recent
    posts in the same group: with one more sign here, they count as if written
    together. ``aimed_at_others`` are sentences that goad someone else ("go through
    with it"): their words are about the reader, never the writer.
    """
    text = context.text
    findings: list[RiskFinding] = []
    set_aside: list[RiskFinding] = []
    for label, pattern, confidence, inherent in _COMPILED:
        for match in pattern.finditer(text):
            start, end = match.start(), match.end()
            if any(f.start < end and start < f.end for f in findings + set_aside):
                continue
            if any(begin <= start < finish for begin, finish in aimed_at_others):
                set_aside.append(RiskFinding("goading", start, end, 0.1))
                continue
            stance = stance_of(context, start, end)
            if stance == Stance.QUOTED:
                set_aside.append(RiskFinding("quoted", start, end, 0.2))
                continue
            if IDIOMS.search(text, max(0, start - 30), end + 30) and not inherent:
                set_aside.append(RiskFinding("idiom", start, end, 0.1))
                continue
            if stance == Stance.OTHER:
                set_aside.append(RiskFinding("about_someone_else", start, end, 0.3))
                continue
            if stance in {Stance.READER, Stance.QUESTION} and label not in {
                "goodbye",
                "plan",
            }:
                set_aside.append(RiskFinding("to_the_reader", start, end, 0.2))
                continue
            if stance == Stance.REPORT:
                set_aside.append(RiskFinding("report", start, end, 0.2))
                continue
            if stance == Stance.SELF_PAST:
                set_aside.append(RiskFinding("past_experience", start, end, 0.3))
                continue
            if stance == Stance.NEUTRAL and _BARE_SUICIDE.match(match.group(0)):
                set_aside.append(RiskFinding("mention", start, end, 0.2))
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
    urgency = URGENCY_INTENT if is_at_risk else 0
    weak_signs: frozenset[str] = frozenset()
    if not context.has_recovery:
        factors = _risk_factors(context, set_aside)
        kinds = {f.label for f in factors}
        weak_signs = frozenset(kinds)
        if not is_at_risk and factor_score(_distinct_kinds(kinds)) >= 2:
            is_at_risk, urgency = True, URGENCY_SIGNS
            findings.extend(factors)
        elif not is_at_risk and kinds:
            together = _distinct_kinds(kinds | earlier_signs)
            if factor_score(together) >= 2:
                is_at_risk, urgency = True, URGENCY_BUILD_UP
                findings.extend(factors)
                findings.append(RiskFinding("build_up", 0, 0, 0.5))
    if strong:
        for match in _TIMEFRAME.finditer(text):
            sentence = context.sentence(match.start(), match.end())
            if any(sentence[0] <= f.start < sentence[1] for f in strong):
                findings.append(
                    RiskFinding("timeframe", match.start(), match.end(), 0.95)
                )
    if any(f.label in {"timeframe", "plan", "goodbye"} for f in findings):
        urgency = URGENCY_IMMEDIATE
    self_harm_now = False
    for match in _SELF_HARM_NOW.finditer(text):
        start, end = match.start(), match.end()
        if context.is_negated(start) or stance_of(context, start, end) not in {
            Stance.SELF_NOW
        }:
            continue
        if _NOW.search(context.sentence_text(start, end)):
            self_harm_now = True
            findings.append(RiskFinding("self_harm_now", start, end, 0.8))
            break
    if self_harm_now and not is_at_risk:
        is_at_risk, urgency = True, URGENCY_SIGNS
    concern = [] if is_at_risk else _concern(context, set_aside)
    findings.extend(concern)
    findings.sort(key=lambda finding: finding.start)
    supporting = (
        not is_at_risk
        and not concern
        and (
            any(f.label == "to_the_reader" for f in set_aside)
            or any(
                stance_of(context, m.start(), m.end())
                in {Stance.READER, Stance.QUESTION}
                for m in _TO_THE_READER.finditer(text)
            )
        )
    )
    return RiskAssessment(
        findings=tuple(findings),
        is_at_risk=is_at_risk,
        is_concern_for_other=bool(concern),
        set_aside=tuple(set_aside),
        urgency=urgency if is_at_risk else 0,
        is_self_harm_now=self_harm_now,
        is_supporting=supporting,
        weak_signs=weak_signs,
    )
