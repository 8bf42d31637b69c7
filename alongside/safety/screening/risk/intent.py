"""Words of intent, plans and goodbyes in the writer's own voice.

Each pattern is ``(label, pattern, confidence, negation-inherent)``; a match counts
only after ``assess`` has set aside negation, the past, idioms, quotes and words about
someone else.
"""

from __future__ import annotations

import re

from alongside.safety.screening.risk.everyday import EVERYDAY_NOTE
from alongside.safety.screening.risk.ladder import LADDER_PATTERNS, LADDER_QUESTIONS
from alongside.safety.screening.risk.questions import OWN_QUESTIONS
from alongside.safety.screening.risk.quiet import QUIET_PATTERNS
from alongside.safety.screening.risk.unsaid import UNSAID_PATTERNS

_I = r"(?:i|i'm|im|i am|i've|ive|i have|i'd|id|i'll|ill|i will|i would|i just|i really|i kinda|i kind of|i sort of|i honestly|i seriously|i still|i often|i sometimes|i always|i constantly)"
_DIE = (
    r"(?:di+e(?!\s+(?:of|from|laughing|for)\s+(?:embarrassment|shame|laughter|laughing|"
    r"boredom|cringe|cuteness|curiosity|a\s+(?:coffee|drink|pint|cuppa)|jealousy|envy|"
    r"excitement|happiness|joy|fright|fear\s+of\s+missing))"
    r"|be\s+dead|not\s+(?:be\s+)?(?:alive|exist|here\s+any\s?more|be\s+here)|not\s+wake\s+up"
    r"|never\s+wake\s+up|(?:go\s+to\s+)?sleep\s+and\s+(?:never|not)\s+wake\s+up|sleep\s+(?:and|for\s?ever)|disappear\s+(?:forever"
    r"|for\s+good|permanently)|stop\s+existing|cease\s+to\s+exist|end\s+(?:it|it\s+all"
    r"|everything|things|my\s+life|this|my\s+suffering|the\s+pain)(?!\s+(?:with|between))"
    r"|kill\s*my\s*self|be\s+gone|go\s+to\s+sleep\s+for\s?ever|leave\s+this\s+world"
    r"|no\s+longer\s+(?:be\s+)?(?:alive|here|exist))"
)

# (label, pattern, confidence, negation-inherent)
_PATTERNS: tuple[tuple[str, str, float, bool], ...] = (
    # Intent, in the first person, present or future.
    (
        "intent",
        r"\b(?:kill|end|off|unalive)(?:ing|ed)?\s*(?:my|ma|mah|me)\s*sel(?:f|ves)\b",
        0.9,
        False,
    ),
    # The means already against the body: a gun to one's head, a blade over a wrist.
    (
        "intent",
        r"\b(?:pull(?:ed|ing)?\s+the\s+trigger|(?:gun|barrel|pistol)\s+(?:in|into|to|against)"
        r"\s+my\s+(?:mouth|head|temple|chin)|(?:knife|blade|razor)\s+(?:over|to|against|on)\s+"
        r"my\s+(?:wrists?|throat|neck)|(?:rope|noose|belt|cord)\s+(?:around|round)\s+my\s+neck)\b",
        0.8,
        False,
    ),
    # Doubting one will survive, or get through tonight.
    (
        "intent",
        r"\b(?:won'?t|can'?t|cannot|will\s+not|not\s+going\s+to|don'?t\s+think\s+i'?(?:ll|\s+can"
        r"|\s+will))\s+survive\s+(?:this|that|much|another|the|tonight|it|any|$)"
        r"|\bi\s+won'?t\s+survive\b"
        r"|\b(?:see\s+)?(?:if|whether)\s+i\s+(?:can|will|'ll|could)\s+make\s+it\s+(?:through|to|past)"
        r"\s+(?:tonight|tomorrow|the\s+night|the\s+week|the\s+weekend|another\s+day)\b"
        r"|\bnot\s+(?:\w+\s+)?want(?:ing)?\s+to\s+(?:live|be\s+alive|exist)\b"
        r"|\b(?:don'?t|do\s+not|can'?t)\s+(?:\w+\s+)?see\s+(?:why|the\s+point\s+in\s+why|a\s+reason"
        r"\s+why)\s+i\s+(?:should|need\s+to|have\s+to)\s+(?:be\s+alive|live|stay\s+alive|be\s+here"
        r"|keep\s+(?:going|living))\b"
        r"|\b(?:don'?t|do\s+not)\s+plan\s+on\s+(?:living|being\s+(?:alive|around|here))\b"
        r"|\b(?:for\s+the\s+best|better\s+for\s+everyone)\s+(?:that\s+|if\s+)?i\s+(?:don'?t|didn'?t"
        r"|wasn'?t|weren'?t|no\s+longer)\s+(?:live|exist|be\s+(?:alive|here|around)|alive|here|around)\b"
        r"|\bi(?:\s+will|'ll)\s+(?:finally\s+)?(?:find|be\s+at|get\s+(?:my|some))\s+(?:peace|relief"
        r"|rest)\b(?!\s+(?:in|at|with|from|by|and\s+quiet|of\s+mind))(?=[^.!?\n]{0,40}\b(?:soon|tonight|tomorrow|this\s+(?:weekend|week)|finally|forever)\b)"
        r"|\b(?:took|swallowed|taken|downed)\s+(?:\w+\s+){0,3}?(?:\d{2,}|twenty|thirty|forty|fifty"
        r"|sixty|a\s+hundred|a\s+whole\s+(?:box|bottle|packet)\s+of|all\s+(?:of\s+)?my)\s+(?:\w+\s+){0,2}?"
        r"(?:pills|tablets|capsules|paracetamol|ibuprofen|meds)\b"
        r"|\b(?:courage|nerve|guts|strength|balls|bottle)\s+to\s+(?:just\s+)?(?:jump|kill\s+myself"
        r"|end\s+it|end\s+my\s+life|pull\s+the\s+trigger|take\s+them\s+all)\b",
        0.75,
        False,
    ),
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
        r"\bwish\s+i(?:\s+(?:was|were|had|could\s+be|would\s+have)|'d|\s+'d)\s+(?:\w+\s+)?(?:dead|died|gone|never"
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
        r"\b(?:hang(?:ing)?|hung|drown(?:ing)?|shoot(?:ing)?|shot|poison(?:ing)?)"
        r"\s*my\s*self\b|\bstarv(?:e|ing)\s*my\s*self\s+to\s+death\b|\bslit(?:ting)?\s+my\s+(?:wrists?|throat)\b|\boverdos(?:e|ing)\b"
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
        r"worthless|not\s+worth\s+(?:living|it)|over|finish(?:ed)?|a\s+waste|unbearable|hell|hopeless)\b|"
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
        r"line|squad|watch|attempts?|of\s+(?:a|an|my|our|his|her|their)\b))",
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
        r"|(?:go\s+to\s+sleep|fall\s+asleep|sleep)\s+and\s+(?:never|not)\s+wake(?:\s+up)?"
        r"|fall\s+asleep\s+(?:and|for\s?ever)|sleep\s+for\s?ever|be\s+put\s+out\s+of\s+my\s+misery"
        r"|get\s+hit\s+by\s+a|get\s+(?:cancer|killed)|be\s+killed|stop\s+breathing)\b"
        r"|\b(?:hope|hoping|pray|praying|wish)\s+(?:that\s+)?i\s+(?:don'?t|do\s+not|won'?t"
        r"|never|wouldn'?t|didn'?t)\s+wake\s+up\b"
        r"|\b(?:hope|hoping|hopefully|pray|praying|wish)\s+(?:that\s+)?i\s+(?:die|get\s+(?:hit|killed"
        r"|cancer|sick\s+and\s+die)|just\s+die|died|was\s+gone)\b"
        r"|\b(?:wish|pray|long|longing|hope|hoping|ready)\s+(?:for\s+)?(?:my\s+)?death\b"
        r"|\b(?:hope|hoping|pray|praying|wish|want)\s+(?:that\s+)?i\s+(?:could\s+|would\s+|just\s+)?"
        r"(?:go\s+to\s+sleep|fall\s+asleep|sleep)\s+(?:\w+\s+){0,2}?and\s+(?:never|don'?t|do\s+not"
        r"|won'?t|not)\s+wake\b"
        # Sorry to have woken up at all.
        r"|\bwak(?:e|es|ing)\s+up\s+(?:\w+\s+){0,2}?(?:wishing|wish|disappointed|angry|gutted"
        r"|sad)\s+(?:that\s+)?i\s+(?:hadn'?t|didn'?t|did|had)\b|\b(?:disappointed|gutted"
        r"|angry|sad|upset)\s+(?:that\s+)?i\s+(?:woke\s+up|wake\s+up|still\s+woke)\b"
        r"|\bwish\s+i\s+hadn'?t\s+woken\b",
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
        r"|\b(?:walk|step|jump|run|drive|crash|(?:about|of)\s+(?:just\s+)?(?:walking|stepping|jumping|running|driving|crashing))\s+(?:my\s+car\s+)?(?:into|in\s+front\s+of)\s+"
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
        r"(?:\w+\s+)?plan\s+(?:to|for|on\s+how)\b"
        r"(?=.{0,60}\b(?:die|dying|end(?:ing)?|kill\w*|suicide|life|it\s+all)\b)"
        r"|\bi'?(?:ve|m)?\s+(?:got|have|been)\s+(?:\w+\s+)?(?:saving|saved|stockpil\w*|hoard\w*|"
        r"collect\w*|buying|bought)\s+(?:up\s+)?(?:\w+\s+)?(?:pills|tablets|paracetamol|meds|"
        r"medication|rope|blades?|razors?)\b|\b(?:got|have|'ve\s+got)\s+(?:my|a|the)\s+date\s+"
        r"(?:set|picked|chosen|planned)\b|\bmy\s+date\s+is\s+set\b"
        r"|\b(?:set|picked|chosen|chose|choosing)\s+(?:a|the|my)\s+"
        r"date\b|\bwr(?:ote|iting|itten)\s+(?:my|a|the)\s+(?:suicide\s+)?note\b"
        r"(?!" + EVERYDAY_NOTE + r")",
        0.85,
        False,
    ),
    # Saying goodbye or leaving final messages.
    (
        "goodbye",
        r"\b(?:this\s+is\s+(?:my\s+)?(?:goodbye|the\s+end|my\s+last)|goodbye\s+(?:everyone|"
        r"all|world|forever|cruel\s+world|guys)|(?:my\s+)?(?:final|last)\s+(?:message|post|goodbye|"
        r"words|note|letter|time\s+posting)|my\s+last\s+(?:day|night|week)\s+(?:alive|on\s+earth|here)|suicide\s+(?:note|letter)|by\s+the\s+time\s+"
        r"(?:you|anyone|someone)\s+(?:read|reads|see|sees|find|finds)\s+this|(?:won'?t|will\s+not)\s+be\s+(?:here|"
        r"around|alive)\s+(?:tomorrow|much\s+longer|any\s?more|by|for\s+long|next)|(?:giving|gave|"
        r"give)\s+away\s+(?:all\s+)?my\s+(?:things|stuff|belongings|possessions|pets?|cat|dog)|"
        r"thank\s+you\s+(?:all\s+)?(?:everyone\s+)?for\s+everything.{0,40}(?:goodbye|bye|sorry)|"
        r"(?:tell|let)\s+my\s+(?:family|mum|mom|dad|kids|friends|parents)\s+(?:that\s+)?(?:i\s+love"
        r"d?\s+(?:them|her|him)(?:\s+(?:so\s+much|very\s+much))?(?=\s*(?:[.,!;]|and\b|$))"
        r"|i'?m\s+sorry)|(?:i'?m\s+)?sorry\s+for\s+what\s+(?:i'?m\s+about\s+to\s+do|comes\s+next|happens\s+next"
        r"|i'?m\s+(?:going\s+to|gonna)\s+do|i\s+(?:have\s+to|must|need\s+to)\s+do|is\s+about\s+to"
        r"\s+happen)|see\s+you\s+on\s+the\s+"
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
        r"|love\s+you|last|peace|time)|i'?ve\s+said\s+my\s+goodbyes|one\s+last\s+(?:good\s+|proper\s+)?"
        r"(?:conversation|chat|talk|message|goodbye)\b|(?:last|final)\s+"
        r"message\s+from\s+me|you\s+won'?t\s+(?:hear\s+from|see)\s+me\s+again|(?:i'?ve|i\s+"
        r"have)\s+made\s+my\s+peace|at\s+peace\s+with\s+my\s+decision|before\s+i\s+go\s+for"
        r"\s+good|leaving\s+for\s+good|i'?ve\s+left\s+a\s+note|(?:wrote|written|left)\s+"
        r"(?:\w+\s+)?(?:letters?|notes?)(?!" + EVERYDAY_NOTE + r")\s+(?:to|for)\s+(?:my"
        r"|whoever|everyone)|whoever\s+finds"
        r"\s+me|(?:i'?m\s+)?checking\s+out\b(?!\s+(?:the|a|this|that|some|our|your|my))"
        r"|(?:it\s+was\s+)?nice\s+knowing\s+(?:you|everyone)|won'?t\s+be\s+around\s+after"
        r"|don'?t\s+worry\s+about\s+me\s+after|sorted\s+(?:out\s+)?my\s+will|paid\s+off\s+"
        r"(?:what|everything)\s+i\s+owe|won'?t\s+(?:be\s+)?need(?:ing)?\s+(?:it|them|anything)"
        r"(?:\s+(?:after|any\s?more|where))?|won'?t\s+(?:be\s+)?need(?:ing)?\s+any\s+of\s+"
        r"(?:it|them)|so\s+(?:nobody|no\s+one|no-one)\s+(?:else\s+)?(?:has|will\s+have)\s+to\s+"
        r"(?:sort|clean|clear|deal|go\s+through)|(?:put|got|getting|sorted)\s+(?:everything"
        r"|my\s+affairs|all\s+my\s+affairs)\s+in\s+order"
        r"|i'?ll\s+be\s+at\s+peace|before\s+i\s+go\b"
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
        r"|hose|noose)\b(?!\s+for\s+(?:the\s+|my\s+|a\s+)?(?!it\b|this\b|that\b|myself\b|me\b)\w)|\b(?:go|going|gonna|ready\s+to|finally)\s+(?:to\s+)?(?:go\s+)?through"
        r"\s+with\s+it\b|\band\s+not\s+come\s+back\b|\bwalk\s+into\s+the\s+(?:sea|river"
        r"|lake|water)\b|\bheading\s+to\s+the\s+(?:bridge|station|tracks|cliffs?|car\s+park"
        r"|roof|river|sea)\b|\bthen\s+it'?s\s+(?:over|done)\b|\bfor\s+when\s+i'?m\s+gone\b"
        r"|\b(?:got|have|saved)\s+enough\s+(?:saved\s+up|to\s+(?:do\s+it|end|die|overdose"
        r"|not\s+wake))|\benough\s+saved\s+up\b|\ba\s+plan\s+and\s+the\s+means\b"
        r"|\bwhen\s+i'?m\s+going\s+to\s+take\s+them\b|\bi'?ll\s+finally\s+do\s+it\b"
        r"|\bwhere\s+i'?m\s+going\s+to\s+go\b.{0,40}\bfind\s+me\b"
        r"|\b(?:search|look|googl|research)\w*\s+(?:\w+\s+){0,3}?(?:ways|how)\s+to\s+(?:die"
        r"|kill\s+myself|end\s+it|end\s+my\s+life)\b"
        r"|\b(?:my|the)\s+plan\s+is\s+to\s+(?:\w+\s+){0,2}?(?:go\s+)?(?:up\s+)?(?:to\s+)?(?:the\s+)?"
        r"(?:top\s+(?:floor\s+)?of\s+(?:the\s+)?)?(?:multi[\s-]?storey|bridge|roof|rooftop|cliffs?"
        r"|tracks|railway|level\s+crossing|car\s+park|tower|top\s+floor|motorway|river|sea)\b"
        r"|\b(?:i'?m\s+)?(?:not|never)\s+coming\s+back\b(?!\s+(?:here|to\s+(?:this|that|the)))"
        r"|\bbetter\s+off\s+if\s+i\s+(?:just\s+)?(?:disappeared|was\s+gone|were\s+gone|died"
        r"|was\s+dead|were\s+dead|didn'?t\s+exist|wasn'?t\s+around|weren'?t\s+around)\b",
        0.85,
        False,
    ),
)
TIMEFRAME = re.compile(
    r"\b(?:tonight|tomorrow|today|this\s+(?:weekend|week|evening|morning|afternoon|friday|saturday|"
    r"sunday|monday|tuesday|wednesday|thursday|time)|right\s+now|soon|after\s+(?:christmas|new\s+year|"
    r"the\s+holidays|my\s+birthday|exams)|on\s+my\s+birthday|when\s+(?:everyone|they|my\s+\w+)\s+"
    r"(?:is|are|'s)\s+(?:asleep|out|gone|away)|in\s+(?:a\s+few|two|three|\d+|a\s+couple\s+of)\s+"
    r"(?:days|hours|weeks|minutes)|by\s+(?:the\s+end\s+of|next|friday|monday|tuesday|wednesday|"
    r"thursday|saturday|sunday))\b"
)
COMPILED_PATTERNS = tuple(
    (label, re.compile(pattern), confidence, inherent)
    # The questions first: their words of dying would otherwise be read (and set
    # aside) as a supporter's question.
    for label, pattern, confidence, inherent in (
        OWN_QUESTIONS
        + LADDER_QUESTIONS
        + QUIET_PATTERNS
        + _PATTERNS
        + _IMPLIED
        + UNSAID_PATTERNS
        + LADDER_PATTERNS
    )
)
# The bare words "suicide" and "suicidal" speak of the writer only when the sentence
# is plainly about the writer: never in a report, a question or with no one named.
BARE_SUICIDE = re.compile(r"^(?:suicide|suicidal)$")

ALERT_THRESHOLD = 0.55
