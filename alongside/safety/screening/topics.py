"""Topics that call for a content warning, so readers can choose what they see.

Each topic is a short list of words and phrases people use for it. The topic with the
highest priority found becomes the suggested warning; every topic found is reported,
so personal filters can use them all. A suggestion is only ever a suggestion: the
author adds the warning with one click, or not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

import alongside.safety.screening.scan as scan
from alongside.safety.screening.context import IDIOMS, Context
from alongside.safety.screening.risk.everyday import is_everyday
from alongside.safety.screening.risk.returning import promises_return


class Topic(StrEnum):
    SUICIDE = "suicide"
    SELF_HARM = "self_harm"
    ABUSE = "abuse"
    EATING = "eating"
    SUBSTANCES = "substances"
    VIOLENCE = "violence"
    BEREAVEMENT = "bereavement"


TOPIC_NAMES = {
    Topic.SUICIDE: "suicide",
    Topic.SELF_HARM: "self-harm",
    Topic.ABUSE: "abuse",
    Topic.EATING: "eating and food",
    Topic.SUBSTANCES: "alcohol and drugs",
    Topic.VIOLENCE: "violence",
    Topic.BEREAVEMENT: "death and grief",
}

_LEXICON: dict[Topic, str] = {
    Topic.SUICIDE: (
        r"suicid\w*|kill(?:ing|ed)?\s*my\s*self|(?:end|ending|take|taking|took)\s+my\s+(?:own\s+)?"
        r"life|(?:want|wanted|wanna|wish|wished|ready|deserve|going|gonna|rather)\s+(?:to\s+)?"
        r"(?:just\s+)?di+e|better\s+off\s+dead|(?:don'?t|not)\s+want\s+to\s+(?:live|be\s+alive|"
        r"exist|be\s+here|wake\s+up)|end\s+it\s+all|overdos\w*|hang(?:ing)?\s+my\s*self|"
        r"not\s+wake\s+up|unalive|kms|(?:no|any)\s+(?:reason|point)\s+(?:to|in)\s+(?:live|living|"
        r"go(?:ing)?\s+on)|wish\s+i\s+(?:was|were)\s+dead|(?:tired|sick)\s+of\s+(?:living|"
        r"being\s+alive|life)|jump(?:ing)?\s+(?:off|in\s+front\s+of)|kill\s+(?:him|her|them)"
        r"sel(?:f|ves)|death|dying|end\s+(?:it|things|my\s+life)|die|dead|alive|live\s+any\s?more"
        # Wanting not to be here, to disappear or not wake up; no reason to go on.
        r"|(?:don'?t|do\s+not|dont|never)\s+(?:\w+\s+)?(?:want|wanna|wish)\s+(?:to\s+)?(?:be\s+"
        r"(?:here|around|me)|exist|live|wake\s+up|go\s+on|keep\s+going|do\s+this\s+any\s?more)"
        r"|(?:want|wanna|wish|wished|hope|need)\s+(?:to\s+|i\s+could\s+)?(?:just\s+)?(?:disappear"
        r"|vanish|stop\s+existing|not\s+exist|sleep\s+for\s?ever|never\s+wake\s+up|be\s+gone)"
        r"|(?:no|any|see\s+no)\s+(?:reason|point|purpose|will)\s+(?:to|in|of|for)\s+(?:\w+\s+)?"
        r"(?:life|living|live|anything|going\s+on|trying|existing|exist|be\s+here)"
        r"|(?:nothing|no\s?one)\s+(?:left\s+)?to\s+live\s+for|will\s+to\s+live"
        r"|what'?s\s+the\s+point|(?:can'?t|cannot)\s+(?:go\s+on|do\s+this\s+any\s?more|"
        r"keep\s+going|take\s+(?:it|this|much\s+more)|live\s+like\s+this|cope)"
        r"|(?:give|giving|gave)\s+up\s+on\s+(?:life|living|everything|myself)"
        r"|burden|better\s+off\s+without\s+me|(?:hate|hating)\s+(?:being\s+alive|existing|my\s+life)"
        r"|hopeless(?:ness)?|no\s+(?:way\s+out|future|hope)|pointless|worthless"
        r"|(?:want|wish|need)\s+(?:it|this|everything|it\s+all|the\s+pain)\s+to\s+(?:end|stop|be\s+over)"
        r"|pills|noose|rope|bridge|(?:last|final)\s+(?:note|goodbye|message)|goodbye"
        r"|kill(?:ing)?(?!\s+(?:for|to|time|it|the|a|an|some|off)\b)|attempt(?:ed|s)?"
        r"|(?:i'?m|i\s+am)\s+(?:(?:so|just|really|honestly|completely)\s+){0,2}done|(?:can'?t|cannot)\s+any\s?more"
        r"|(?:tired|sick|exhausted)\s+of\s+(?:everything|fighting|trying|it\s+all|being\s+me"
        r"|existing|this\s+life)|i\s+want\s+out|(?:not|never)\s+going\s+to\s+make\s+it"
        r"|(?:scared|afraid)\s+of\s+(?:myself|what\s+i\s+(?:might|will|could)\s+do)"
        r"|end\s+(?:this|everything|my\s+suffering|the\s+pain)|escape\s+(?:this|life|it\s+all)"
        r"|(?:i\s+)?hate\s+(?:myself|my\s+life)|give\s+up|giving\s+up|gave\s+up"
        # Entrapment, ideation and attempts named without the word suicide.
        r"|(?:feel|feeling|felt|i'?m|so)\s+trapped|trapped\s+in\s+(?:my\s+(?:life|head"
        r"|own\s+(?:mind|head|body))|this\s+life)|(?:there'?s|there\s+is|i\s+see)\s+no\s+escape"
        r"|had\s+enough\s+of\s+(?:life|living|everything|it\s+all|this\s+life|existing"
        r"|being\s+(?:alive|me|here))"
        r"|(?:not|never)\s+(?:be\s+)?(?:here|around)\s+(?:any\s?more|much\s+longer)"
        r"|ideation|dark\s+thoughts|(?:no\s?one|nobody)\s+(?:would|will)\s+(?:even\s+)?"
        r"(?:miss\s+me|notice\s+if\s+i\s+(?:was|were|died|disappeared))"
        r"|(?:don'?t|do\s+not)\s+deserve\s+to\s+(?:live|be\s+(?:here|alive)|exist)"
        r"|(?:shoot|shot|drown|drowning|poison|poisoning)\s+my\s*self"
        r"|(?:suicide|overdose)\s+attempts?|(?:my|a)\s+(?:first|second|third|last|previous"
        r"|failed)\s+attempt(?!\s+(?:at|to|in|on))"
        # Ending a life said of someone else, or in another tense: a warning is about
        # the topic, not about who is at risk. Words to "you" are left to the lines
        # above, so a supporter's plea is not offered a new warning.
        r"|(?:end|ending|ended|ends|take|taking|took|takes)\s+(?:their|his|her|one'?s)\s+"
        r"(?:own\s+)?li(?:fe|ves)|ending\s+(?:it\s+all|everything)|ended\s+(?:it\s+all|it"
        r"|everything)(?!\s+(?:with|between|early|on|at))"
        # Thoughts of crashing or driving off the road.
        r"|(?:think|thinking|thought|imagine|imagining|imagined|fantasi[sz]\w*|urges?\s+to"
        r"|tempted\s+to|want\s+to|wanted\s+to)\s+(?:about\s+|of\s+)?(?:just\s+)?(?:crash"
        r"|crashing|flip|flipping|roll|rolling|drive|driving|swerv\w+|steer\w*)\s+(?:my\s+car"
        r"|into\s+(?:a|the|oncoming)|off\s+(?:a|the)\s+(?:road|bridge|cliff|motorway))"
        # A last word: the end of a ride, a last post, goodbye to everyone.
        r"|it(?:'?s|\s+\w{2,4})\s+(?:been\s+)?(?:a\s+)?(?:fun|good|nice|great|wild)\s+(?:ride\s+)?"
        r"while\s+it\s+lasted|my\s+(?:last"
        r"|final)\s+(?:post|words|letter)|(?:goodbye|bye|farewell)\s+(?:everyone|all|world)"
        # "What's the use?", "why even try any more": no point said another way.
        r"|what'?s\s+the\s+use(?=\s*(?:[?.!,\n]|$|(?:of|in)\s+(?:living|trying|going\s+on"
        r"|being\s+(?:alive|here)|anything|carrying\s+on|waking\s+up)))"
        r"|why\s+(?:do\s+i\s+|should\s+i\s+|would\s+i\s+)?(?:even\s+)?(?:try|bother"
        r"|keep\s+(?:going|trying))\s+any\s?more"
        # A recent overdose told without the word.
        r"|took\s+(?:too\s+many|a\s+load\s+of|all\s+(?:of\s+)?(?:my|the))\s+(?:pills|tablets"
        r"|meds|medication|painkillers)|woke\s+up\s+in\s+(?:hospital|a\s*&\s*e|a\s+and\s+e"
        r"|the\s+er|icu|intensive\s+care)|stomach\s+pumped"
        # Life itself as the trouble: never asking to be born, wanting to be free of
        # life, not wanting to be part of this world, living as torture.
        r"|why\s+(?:was|am)\s+i\s+(?:even\s+|ever\s+)?born|never\s+asked\s+to\s+be\s+born"
        r"|(?:free|freed|released)\s+from\s+(?:this\s+life|life|living|existing|this\s+world)"
        r"|(?:don'?t|do\s+not)\s+want\s+to\s+be\s+(?:a\s+)?part\s+of\s+this\s+world"
        r"|(?:living|life|being\s+alive|existing|existence)\s+is\s+(?:just\s+)?(?:torture"
        r"|hell|unbearable|agony|a\s+punishment)|(?:can'?t|cannot)\s+(?:bear|stand)\s+"
        r"(?:to\s+be\s+alive|being\s+alive|living|existing)(?!\s+(?:here|in|with|near|next"
        r"|at|on|like\s+th\w+\s+\w+))|(?:can'?t|cannot)\s+keep\s+doing"
        r"\s+this|(?:everyone|they|my\s+(?:family|kids|parents|friends)|the\s+world|people)\s+"
        r"(?:would|will)\s+be\s+better\s+off(?=\s*(?:[.!\n]|$|without\s+me))"
    ),
    Topic.SELF_HARM: (
        r"self[\s\-]?harm\w*|self[\s\-]?injur\w*|(?:cut|cutting|burn|burning|burnt|hurt|hurting|"
        r"harm|harming|scratch|scratching|hit|hitting|punch|punching)\s+my\s*self|cuts\s+on\s+"
        r"my|scars?|blades?|razors?|relapsed?\s+(?:on|into)\s+(?:self|sh|cutting)|sh\s+(?:urges|"
        r"scars|relapse)"
        # Urges and the act named plainly; everyday cutting ("cutting back") is excluded.
        r"|urges?\s+to\s+(?:cut|hurt|harm|burn|hit)|(?:cut|slit|slash|scratch)\w*\s+"
        r"(?:my\s+)?wrists?|i'?m\s+a\s+cutter|(?:started|start|keep|kept|stop|stopped"
        r"|quit|been|urge|urges)\s+(?:\w+\s+)?cutting(?!\s+(?:back|down|out|off|up|corners"
        r"|class|classes|school|ties|hair|my\s+hair|the|onions?|vegetables|wood|paper|food"
        r"|carbs|sugar))"
        # Wanting to cut, said plainly; time free of self-harm.
        r"|(?:want|wanna|need|going)\s+to\s+(?:cut|hurt\s+myself|burn\s+myself)(?=\s*(?:[.!?,\n]"
        r"|$|again\b|so\s+bad))|(?:clean|free)\s+(?:from|of)\s+(?:sh|self[\s-]?harm)"
        r"|sh[\s-]free"
        # Pain sought as punishment: "I deserve to suffer", "to be hurt".
        r"|i\s+(?:\w+\s+)?deserve\s+to\s+(?:suffer|feel\s+(?:this\s+|the\s+)?pain|be\s+(?:hurt"
        r"|punished|in\s+pain))"
    ),
    Topic.ABUSE: (
        r"abus(?:e|ed|ive|er|ers|ing)|rap(?:e|ed|ist|ing)|molest\w*|sexual(?:ly)?\s+assault\w*|"
        r"groom(?:ed|ing)|domestic\s+violence|coercive\s+control|incest|trafficking|"
        r"(?:beat|beats|hit|hits|hitting)\s+me|neglect(?:ed)?\s+(?:me|as\s+a)"
        # Abuse by a partner or a former partner: violence, threats and control.
        r"|(?:ex|ex-?(?:husband|wife|partner|boyfriend|girlfriend|fiance|fiancee)|former\s+"
        r"(?:partner|husband|wife|boyfriend|girlfriend)|partner|husband|wife|boyfriend"
        r"|girlfriend|fiance|fiancee|he|she)(?:'s)?\s+(?:\w+\s+){0,3}?(?:hit|hits|hitting"
        r"|punch(?:ed|es)?|slap(?:ped|s)?|kick(?:ed|s)|push(?:ed|es)|shov(?:ed|es)|strangl\w*"
        r"|chok(?:ed|es)|threat\w*|control(?:s|led|ling)?|checks\s+my\s+(?:phone|messages)"
        r"|tracks?|track(?:ed|ing)|monitors?|won'?t\s+let\s+me|stops?\s+me\s+(?:from\s+)?"
        r"(?:seeing|going|leaving)|(?:keeps?|kept)\s+turning\s+up|turn(?:s|ed)?\s+up\s+(?:at|outside)"
        r"|stalk\w*|follow(?:s|ed)\s+me|sends?\s+me\s+(?:\w+\s+)?(?:threatening|abusive)"
        r"|called\s+me\s+(?:worthless|useless|fat|stupid|ugly|pathetic)|took\s+my\s+(?:money"
        r"|phone|keys|bank\s+card)|forced\s+me|isolated\s+me|gets?\s+(?:angry|violent)\s+if)"
        r"|(?:abusive|controlling|violent|toxic)\s+(?:relationship|partner|ex|husband|wife"
        r"|boyfriend|girlfriend|marriage)|domestic\s+abuse|threatening\s+(?:messages|texts)"
        r"|walked\s+into\s+a\s+door"
    ),
    Topic.EATING: (
        r"anorexi\w*|bulimi\w*|binge(?:ing|d|s)?|purg(?:e|ing|ed)|eating\s+disorders?|"
        r"calories|restrict(?:ing|ed)?\s+(?:food|eating|my\s+eating)|starv(?:e|ing)\s+my\s*self|"
        r"laxatives|throw(?:ing)?\s+up\s+after|weigh(?:ing)?\s+my\s*self|arfid|\bbmi\b"
        # Not eating, making oneself sick, guilt about food.
        r"|(?:not|haven'?t|didn'?t|hardly)\s+(?:\w+\s+)?eaten|skip(?:ping|ped)?\s+(?:meals"
        r"|breakfast|lunch|dinner)|(?:threw|throw|throwing)\s+up\s+after\s+(?:eating|dinner"
        r"|meals?|lunch|breakfast|food)|made\s+myself\s+(?:be\s+)?sick|count(?:ing|ed|s)?\s+(?:every\s+|each\s+)?"
        r"calories?|calorie\s+(?:count\w*|deficit|tracking)|(?:guilty|disgusting|gross|fat|huge)\s+(?:whenever|when|after|every\s+time)"
        r"\s+i\s+(?:eat|have\s+eaten)|food\s+(?:rules"
        r"|guilt)|fear\s+of\s+(?:food|eating|gaining)|body\s+checking|eating\s+(?:less|nothing)"
    ),
    Topic.SUBSTANCES: (
        r"drunk|drinking|alcohol\w*|booze|vodka|weed|cannabis|cocaine|heroin|meth\b|ketamine|"
        r"mdma|addict\w*|sober\w*|sobriety|rehab|withdrawals?|getting\s+high|hangover"
        # Drink and drugs named plainly, and using again.
        r"|drugs?(?:\s+use)?|wine|beer|pints|spirits|gin|whisky|whiskey|cider|lager|drinks?\s+"
        r"(?:every|a\s+day|to\s+cope)|(?:used|using|drank|drinking)\s+again|high\s+on|stoned"
        r"|binge\s+drink\w*|blackout|hungover|coke|spice|xanax|benzos?|crack|opioids?"
        r"|methadone|(?:pills|tablets)\s+and\s+(?:booze|alcohol|drink)"
        r"|(?:a\s+few|a\s+couple\s+of|some|\d+|two|three|four|six)\s+cans|without\s+a\s+drink"
        r"|(?:pills|tablets|something)\s+at\s+(?:a\s+|the\s+)?(?:party|festival|club|rave)"
    ),
    Topic.VIOLENCE: (
        r"assault(?:ed|ing)?|attacked|stabb(?:ed|ing)|shooting|murder\w*|beaten\s+up|"
        r"strangl\w*|chok(?:ed|ing)\s+me|violen(?:t|ce)|punched|kicked\s+me|mugged"
    ),
    Topic.BEREAVEMENT: (
        r"passed\s+away|funeral|grie(?:f|ving|ve)|bereave\w*|miscarr\w*|stillb\w*|widow\w*|"
        r"(?:lost|losing)\s+my\s+(?:mum|mom|mother|dad|father|son|daughter|baby|brother|"
        r"sister|husband|wife|partner|friend|best\s+friend|grandma|grandad|grandpa|nan|nana|"
        r"gran|granny|grandmother|grandfather|child|auntie|aunt|uncle)|"
        r"(?:mum|mom|mother|dad|father|son|daughter|baby|brother|sister|husband|wife|partner|"
        r"friend|grandma|grandad|nan|gran)\s+(?:died|passed)"
    ),
}
# Single words that only suggest a topic when they appear at least twice, or with a
# stronger phrase, because alone they are usually everyday speech ("dead tired").
_WEAK = {
    Topic.SUICIDE: re.compile(
        r"^(?:death|dying|die|dead|alive|live\s+any\s?more|worthless|pointless"
        r"|give\s+up|giving\s+up|gave\s+up)$"
    )
}
# Everyday idioms that use the weak words and say nothing about suicide.
_IDIOMS = re.compile(
    r"\b(?:dead\s+(?:tired|end|on|set|easy|serious|quiet|beat|battery|phone)|(?:phone|battery"
    r"|laptop|car|conversation|chat)\s+(?:is\s+|was\s+|has\s+)?(?:dead|died|dying)|to\s+die"
    r"\s+for|dying\s+(?:to|for|of\s+(?:laughter|embarrassment|boredom|shame))|died\s+(?:down|"
    r"laughing)|brain\s*dead|dead\s*line|drop\s+dead\s+gorgeous)\b"
)
PRIORITY = (
    Topic.SUICIDE,
    Topic.SELF_HARM,
    Topic.ABUSE,
    Topic.EATING,
    Topic.SUBSTANCES,
    Topic.VIOLENCE,
    Topic.BEREAVEMENT,
)
_COMPILED = {
    topic: re.compile(r"\b(?:" + pattern + r")\b")
    for topic, pattern in _LEXICON.items()
}


@dataclass(frozen=True, slots=True)
class TopicFinding:
    topic: Topic
    spans: tuple[tuple[int, int], ...]
    confidence: float


# A goodbye, as the suicide words name it: "goodbye", "bye everyone".
_GOODBYE = re.compile(r"^(?:goodbye|bye|farewell)\b")


def _is_goodbye_for_now(context: Context, match: re.Match[str]) -> bool:
    """Whether a goodbye promises a return ("goodbye everyone, see you soon"): the
    writer will be back, so no warning is offered for it."""
    return bool(_GOODBYE.match(match.group(0))) and promises_return(
        context, match.start(), match.end()
    )


# "Weed" as gardening: pulling weeds out of something ("weed the borders", "the garden
# won't weed itself", "weed out the bad ones"), weed killer, or weeding to be done ("I'll
# weed tomorrow", "need to weed"). "Smoking weed", "bought some weed", "turned to weed"
# are the drug.
_WEED_AS_A_VERB_AFTER = re.compile(
    r"\s+(?:(?:out|itself|themselves|between|around|round|along|under)\b"
    r"|(?:killers?|control|barrier|membrane|burner|whacker|wacker|puller|fabric)\b"
    r"|(?:the|my|our|your|his|her|their|a|an|that|this|those|these|\w+'s)\s+"
    r"(?:\w+\s+){0,2}?(?:garden|gardens|beds?|borders?|patch|allotment|lawn|path|paths"
    r"|drive|driveway|patio|plot|veg\w*|rockery|paving|cracks|flower\w*|pots?|planters?"
    r"|yard|front|back|greenhouse|grave|list|candidates|applicants|pile)\b)"
)
_WEED_AS_A_VERB_BEFORE = re.compile(
    r"\b(?:will|won'?t|wont|would|wouldn'?t|can|can'?t|cannot|could|couldn'?t|should"
    r"|shouldn'?t|must|might|may|i'?ll|we'?ll|you'?ll|he'?ll|she'?ll|they'?ll|let'?s"
    r"|gonna|(?:need|needs|needed|have|has|had|got|going|want|wants|time|trying|try"
    r"|tried|started|help\s+\w+|went\s+out|out)\s+to)\s+(?:just\s+|quickly\s+"
    r"|finally\s+|actually\s+|also\s+|then\s+|properly\s+|go\s+and\s+)?$"
)


def _is_weeding(text: str, match: re.Match[str]) -> bool:
    """Whether "weed" at ``match`` is gardening, not the drug."""
    if match.group(0) != "weed":
        return False
    return bool(
        _WEED_AS_A_VERB_AFTER.match(text, match.end())
        or _WEED_AS_A_VERB_BEFORE.search(
            text, max(0, match.start() - 40), match.start()
        )
    )


def find_topics(text: str, context: Context | None = None) -> list[TopicFinding]:
    """Topics found in the ``words`` view, in priority order. With the text's
    ``context``, words of suicide said about something everyday ("sick of living in
    this flat") suggest no warning."""
    found: list[TopicFinding] = []
    weak_only: list[TopicFinding] = []
    for topic in PRIORITY:
        matches = [
            m
            for m in scan.finditer(_COMPILED[topic], text)
            if not _IDIOMS.search(text, max(0, m.start() - 25), m.end() + 25)
            and not IDIOMS.search(text, max(0, m.start() - 30), m.end() + 30)
            and not (topic is Topic.SUBSTANCES and _is_weeding(text, m))
            and not (
                topic is Topic.SUICIDE
                and context is not None
                and (
                    is_everyday(context, m.start(), m.end())
                    or _is_goodbye_for_now(context, m)
                )
            )
        ]
        if not matches:
            continue
        weak = _WEAK.get(topic)
        strong = [m for m in matches if weak is None or not weak.match(m.group(0))]
        confidence = min(0.95, 0.5 + 0.15 * len(strong) + 0.05 * len(matches))
        finding = TopicFinding(
            topic, tuple((m.start(), m.end()) for m in matches), confidence
        )
        # A topic found only by a weak word ("worthless") comes after the others.
        (found if strong else weak_only).append(finding)
    return found + weak_only
