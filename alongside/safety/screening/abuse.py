"""Abuse aimed at someone: slurs against people or groups, insults addressed to
someone, threats, and urging someone to harm themselves.

Swearing is not abuse. "I feel like shit", "fuck this depression", "I'm such an idiot"
are someone talking about their own pain and are never held. Insult words count only
when they are aimed: addressed to "you", used as a plural for a group of people, or a
slur for a group. Supportive negation ("you are not a burden") and reported speech in
quotation marks ("he said 'you're worthless'") are not held either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import alongside.safety.screening.scan as scan
from alongside.safety.screening.abuse_aimed import namings, urgings
from alongside.safety.screening.context import Context

# Slurs for groups of people: abusive wherever they are used, as they demean a group.
_GROUP_SLURS = re.compile(
    r"\b(?:n+[i1!]+g+(?:g+|e+r+|a+|u+h+|az|ers|as|uhs|ahs|s)+\w*|niglets?|negro(?:e?s)?|coons?|jigaboos?"
    r"|porch\s*monkeys?|sambos?|darkies|darky|darkie|golliwogs?|wogs?|pakis?|chinks?|gooks?"
    r"|slant(?:y|s|[\s\-]eyes?)|zipperheads?|spics?|spicks?|wetbacks?|beaners?|kikes?|yids?"
    r"|heebs?|hymies?|ragheads?|towelheads?|sand\s*n\w+|camel\s*jockeys?|muzzies?|mozzies"
    r"|gypp?os?|gyppies|pikeys?|abos?|redskins?|injuns?|squaws?|half[\s\-]?breeds?"
    r"|mongoloids?|coolies?|dagos?|wops?|krauts?|polacks?|cracker(?:s|z)?|white\s+trash"
    r"|trailer\s+trash|hillbill(?:y|ies)|rednecks?|ghetto\s+trash|jungle\s+bunn(?:y|ies)"
    r"|f+a+g+(?:g+o+t+|g+i+t+|o+t+|e+t+|s|gy|gie|g+s)?s?|f[a@]gz|dykes?|lesbos?|homos?"
    r"|trann(?:y|ies)|shemales?|he[\s\-]?shes?|poofs?|poofters?|batty\s*(?:boy|man)s?"
    r"|queer\s*bait|carpet\s*munchers?|fudge\s*packers?"
    # More slurs for race, religion, origin, sexuality and disability.
    r"|wigg(?:er|a)s?|honk(?:y|ies)|whitey|gringos?|spooks?|sheboons?|dindus?|negress"
    r"|mudslimes?|moslems?\s+scum|ching\s*chong|chinamen|chinaman|japanazis?"
    r"|hajis?|niqq\w*|niccas?|towel\s+heads?|rag\s+heads?|gook\w*|zipper\s*heads?|lezz?(?:ie|y|ies|zies)|lesbos|queers|homo\s*sexuals\s+are"
    r"|nigs?|nigz|faggy|fagg\w+|tar\s*bab(?:y|ies)|uncle\s+toms?|illegals|retards|mongs"
    r"|(?:black|brown|yellow|mexican|african|muslim|jewish|chinese|asian)\s+(?:apes?|monkeys?"
    r"|savages?|animals|rats|cockroaches|vermin|scum|trash))\b"
    # Censored spellings ("n*gger", "f*ggot"), where "*" stands for letters.
    r"|\bn[\*\.#_]+(?:gg|g)[\w\*]*(?:er|a|uh|az|as|ers)s?\b|\bf[\*\.#_]+g(?:g[\w\*]*t|s)?\b"
)
# Insults: abusive only when aimed at someone.
_INSULT = (
    r"(?:bitch(?:es)?|b[i1]tch|hoe?s?|thots?|sluts?|whores?|skanks?|cunts?|twats?|pricks?|dicks?"
    r"|dickheads?|assholes?|arseholes?|bastards?|wankers?|tossers?|retard(?:s|ed)?|tard|spaz"
    r"|spastic|mongs?|idiots?|morons?|imbeciles?|losers?|pussy|pussies|scum(?:bags?)?|trash"
    r"|garbage|pigs?|cows?|freaks?|creeps?|ugly|fat|stupid|dumb|useless|worthless|pathetic"
    r"|disgusting|waste\s+of\s+(?:space|oxygen|air|skin)|piece\s+of\s+(?:shit|crap|trash|garbage)"
    r"|subhuman|vermin|animals?|parasites?|degenerates?|failures?|mistake|burden|joke"
    r"|apes?|monkeys?|queer|dyke|homo|fairy|sissy|coon|savage|inbred|hick"
    r"|vile|horrible|nasty|evil|toxic|liars?|fake|fraud|snowflake|drama\s+queen|psycho"
    r"|weirdo|nutter|headcase|lowlife|attention[\s-]?seekers?|cow|rubbish|embarrassing"
    r"|annoying|manipulative|rats?|snakes?|weasels?)"
)
_SECOND_PERSON_INSULT = re.compile(
    r"\b(?:you|u|ya|yo|ur|you'?re|youre|you\s+are|u\s+r|you\s+r|you\s+(?:look|sound|seem|act)"
    r"(?:\s+like)?|ur\s+a|your\s+(?:such|so|a|an)|shut\s+up|stfu)\s+(?:(?:such|so|a|an|the|fucking|fuckin|effing|"
    r"bloody|little|stupid|dumb|fat|ugly|lil|dirty|filthy|big|absolute|total|complete|"
    r"worthless|pathetic|useless|disgusting|retarded|ass|lying|crazy|sad|old|mf|most"
    r"|annoying|attention[\s-]?seeking|manipulative|vile|nasty|horrible|pathetic|evil"
    r"|total|utter|selfish|spoilt|spoiled|honestly|really|literally|actually|genuinely"
    r"|seriously|just)\s+){0,4}" + _INSULT + r"\b"
)
_GROUP_INSULT = re.compile(
    r"\b(?:bitches|hoes|thots|sluts|whores|skanks|cunts|twats|retards|tards|spastics|mongs)\b"
)
_VOCATIVE = re.compile(
    r"(?:^|@\w+\s*[,:]?\s+|[,:]\s*|[.!?]\s*)(?:(?:stupid|dumb|fat|ugly|fucking|little|dirty|lil)\s+)?"
    r"(?:bitch|hoe|thot|slut|whore|skank|cunt|twat|retard|faggot|fag|dickhead|wanker|tosser)"
    r"\s*(?:[.!?]|$)"
)
_NAME_CALLING = re.compile(
    r"\b(?:this|that|dat|dis|these|those|yo|ya|stupid|dumb|ugly|fat|lil|little|dirty|"
    r"filthy|nasty|lying|fake|broke|retarded|bum|hoe|bitch|pussy|punk)\s+(?:ass\s+)?"
    r"(?:bitch|hoe|thot|slut|whore|skank|cunt|twat|retard|faggot|fag|dyke|dickhead"
    r"|wanker|tosser)s?\b"
    r"|\b(?:bitch|pussy|punk|hoe|fag|trash|dumb|stupid|ugly|broke)[\s\-]?ass\b"
    # "A stupid-ass day": with a word for a thing after it, it describes the thing.
    r"(?!\s+(?!(?:you|u|and|who|is|was|are|were|for|of|to|in|on|at|with|that|this|lol"
    r"|lmao|bitch|hoe|guy|man|woman|girl|boy|dude|bro|kid|fool|clown|loser|mf|motherfucker)"
    r"\b)[a-z]{3,}\b)"
)
# Crude words for a person, abusive when said of someone else ("that lot are …",
# "he's a …"), not when someone says them of themselves ("I feel like a …").
_CRUDE_WORD_FOR_SOMEONE = re.compile(r"\b(?:cunts?|retard(?:s|ed)?)\b")
_SELF_BEFORE = re.compile(
    r"\b(?:i|i'?m|im|me|my|myself|i'?ve|i'?d|i'?ll|mine)\b[^.!?\n]{0,40}$"
)
_FIRST_PERSON_BEFORE = re.compile(
    r"\b(?:i'?m|i\s+am|im|i\s+was|i\s+feel\s+like|i\s+look\s+like|me|myself|i'?ve\s+been"
    r"|i\s+act\s+like|makes?\s+me)\b[^.!?\n]{0,25}$|\bmy\s+$"
)
# Being called a name, told as what happened to the writer ("they called me a …").
_CALLED_ME_BEFORE = re.compile(
    r"\b(?:call(?:ed|s|ing)?|name[sd]?)\s+(?:me|us)\s+(?:a\s+|an\s+|the\s+)?(?:\w+\s+)?"
    r"(?:(?:and|or)\s+)?(?:\w+\s+)?$|\btreat(?:s|ed|ing)?\s+(?:me|us)\s+like\s+(?:a\s+|an\s+)?$"
)
# Harsh words in the second person that the writer says are their own inner voice:
# "you're worthless, that's what I tell myself", "…, my brain keeps saying".
_INNER_VOICE = re.compile(
    r"\b(?:i\s+(?:tell|told|keep\s+telling|say\s+to|keep\s+saying\s+to)\s+myself"
    r"|my\s+(?:brain|head|mind|thoughts|inner\s+voice|inner\s+critic|depression)\s+(?:keeps?\s+)?"
    r"(?:says?|saying|tells?\s+me|telling\s+me))\b"
)
# "A … of a day": the word describes a thing, not a person.
_OF_A_THING_AFTER = re.compile(r"\s+of\s+an?\s+")
# Someone else's words being reported ("they told me to…", "the voices say…").
_REPORTED_BEFORE = re.compile(
    r"\b(?:told|tell|tells|telling|said|says|saying|say|called|calls|calling|yelled|"
    r"shouted|scream\w*|texted|wrote|messaged|voices?|head|brain|thoughts?|mind|"
    r"keeps?\s+saying|like)\b[^.!?\n]{0,30}$"
)
_GROUPS = (
    r"(?:jews|muslims|moslems|blacks|black\s+people|gays|gay\s+people|immigrants|refugees"
    r"|mexicans|arabs|asians|chinese|indians|africans|pakistanis|foreigners|whites"
    r"|white\s+people|lesbians|homosexuals|trans\s+people|queers|gypsies|travellers|jewish\s+people"
    r"|hispanics|latinos|somalians|nigerians|koreans|catholics|hindus|sikhs|feminists|women)"
)
_THREAT = re.compile(
    r"\b(?:i'?(?:ll|m\s+gonna|m\s+going\s+to)|i\s+(?:will|am\s+going\s+to|am\s+gonna|wanna|want"
    r"\s+to)|we'?(?:ll|re\s+gonna|re\s+going\s+to)|gonna|going\s+to)\s+(?:\w+\s+)?(?:kill|murder"
    r"|stab|shoot|beat|batter|hurt|punch|smash|slap|strangle|choke|rape|find|end|destroy|burn"
    r"|bury|kick\s+the\s+shit\s+out\s+of|fuck\s+(?:you|u)\s+up)\s+(?:you|u|ya|him|her|them"
    r"|your|ur|you'?re)\b"
    r"|\b(?:you'?re|you\s+are|ur|u\s+r)\s+(?:so\s+)?(?:dead|going\s+to\s+(?:die|pay|regret)|"
    r"gonna\s+(?:die|pay|regret)|next)\b"
    r"|\bwatch\s+(?:your|ur)\s+back\b|\bi\s+know\s+where\s+(?:you|u)\s+live\b"
    r"|\b(?:kill|shoot|hang|gas|burn|lynch|exterminate|deport|string\s+up)\s+(?:all\s+)?(?:the\s+|"
    r"those\s+|these\s+)?(?:n\w*gg\w*|jews|muslims|blacks|gays|immigrants|refugees|fags?"
    r"|faggots|trann\w+|women|whites|asians|pakis|gypsies|arabs)\b"
    r"|\b(?:jews|muslims|blacks|gays|immigrants|refugees|trans\s+people|women|whites|asians"
    r"|gypsies|arabs|mexicans|africans|indians|foreigners)\s+(?:are|r)\s+(?:all\s+)?(?:animals"
    r"|vermin|scum|subhuman|parasites|rats|cockroaches|disease|a\s+disease|filth|savages|"
    r"inferior|evil)\b"
    # Groups of people named with contempt ("dirty …", "I hate …", "… are trash").
    r"|\b(?:dirty|filthy|stinking|stupid|fucking|fuckin|damn|lazy|illegal|ugly|nasty|greedy"
    r"|smelly|worthless|inbred|typical|hate\s+(?:all\s+)?(?:the\s+|those\s+|these\s+)?)\s+"
    + _GROUPS
    + r"\b|\b"
    + _GROUPS
    + r"\s+(?:are|r|is)\s+(?:all\s+|just\s+|such\s+|so\s+)?(?:trash|garbage|scum|filth|"
    r"disgusting|dirty|stupid|lazy|thieves|criminals|rapists|terrorists|worthless|a\s+plague"
    r"|the\s+worst|ruining|destroying|taking\s+over)\b"
    r"|\bshould\s+(?:all\s+)?(?:be\s+)?(?:killed|shot|hanged|hung|gassed|burned|lynched|"
    r"exterminated|wiped\s+out)\b"
    # "Go back to …" aimed at someone for where they or their family come from.
    r"|\bgo\s+back\s+(?:to\s+)?(?:your|ur|where\s+(?:you|u|they)|to\s+(?:africa|mexico|asia"
    r"|china|india|pakistan|the\s+jungle|the\s+desert|your\s+country|the\s+middle\s+east))"
    r"\b(?!\s+(?:room|bed|work|school|seat|desk|home\s+and\s+rest))"
)
_URGE_SELF_HARM = re.compile(
    r"\b(?:go\s+(?:and\s+)?(?:kill|hang|cut|off|shoot|drown)\s+(?:your|ur)\s*self|kill\s+(?:your"
    r"|ur)\s*self|kys|neck\s+(?:your|ur)\s*self|(?:hope|wish)\s+(?:you|u)\s+(?:\w+\s+)?(?:die|"
    r"rot|get\s+(?:cancer|raped|killed|hit))|drink\s+bleach|nobody\s+(?:would|will)\s+miss\s+"
    r"(?:you|u)|(?:world|everyone)\s+(?:would\s+be|is)\s+better\s+(?:off\s+)?without\s+(?:you|u))"
    r"\b"
)
_ATTACK = re.compile(
    r"\b(?:fuck|screw|sod)\s+(?:you|u|ya|off)\b(?!\s+with\b)(?!\s+(?:depression|anxiety|brain|life|world|"
    r"universe|cancer|illness|disorder|ptsd|ocd|bpd|adhd|mental|thoughts|feelings|pain|"
    r"insomnia|trauma|self|suicide|me|myself|it|all|everything|covid|god|lockdown))"
    r"|\bgo\s+fuck\s+(?:your|ur)\s*self\b|\bstfu\b|\bgtfo\b|\bsuck\s+my\s+(?:dick|cock|balls)\b"
    r"|\beat\s+(?:a\s+)?(?:shit|dick)\b"
)
_SELF_OR_ABSTRACT_TARGET = re.compile(
    r"^\s*(?:depression|anxiety|brain|life|world|universe|illness|disorder|self|me|myself|it|"
    r"this|everything|thoughts|feelings|pain)\b"
)


# Urging someone to go through with ending their life, or taunting them for not
# having done it. A goad is an urging ("go through with it", "get it over with",
# "do it then") said to someone, with a taunt beside it or strong enough alone.
_GOAD = re.compile(
    r"\b(?:go\s+through\s+with\s+it|(?:go\s+and\s+)?do\s+it(?!\s+(?:for|with|properly|right"
    r"|safely|together|again|later|tomorrow|next))|get\s+(?:it\s+over\s+with|on\s+with\s+it)"
    r"|go\s+(?:ahead|for\s+it)|(?:go\s+ahead\s+and\s+)?end\s+it|take\s+the\s+(?:pills|tablets)"
    r"|go\s+jump|prove\s+it)\b"
)
_GOAD_ALONE = re.compile(
    r"^(?:go\s+through\s+with\s+it|get\s+it\s+over\s+with|take\s+the\s+(?:pills|tablets)"
    r"|go\s+jump|go\s+and\s+do\s+it|(?:go\s+ahead\s+and\s+)?end\s+it)$"
)
_TAUNT = re.compile(
    r"\b(?:nobody'?s\s+stopping|no\s?one'?s\s+stopping|we'?re\s+(?:all\s+)?waiting"
    r"|(?:you|u)\s+keep\s+saying|stop\s+(?:being\s+(?:so\s+)?dramatic|whing\w*|whin\w*"
    r"|moan\w*|posting\s+about\s+it|talking\s+about\s+it|going\s+on\s+about\s+it)"
    r"|attention[\s-]?seek\w*|already|then|nobody\s+(?:cares|would\s+miss\s+(?:you|u))"
    r"|no\s?one\s+cares|do\s+(?:everyone|us\s+all|the\s+world)\s+a\s+favou?r|hurry\s+up"
    r"|all\s+talk|prove\s+it|just|so)\b"
)
_TAUNT_ALONE = re.compile(
    r"\bif\s+(?:you|u)\s+(?:really|actually|truly)\s+wanted\s+to\s+(?:die|do\s+it|kill"
    r"\s+(?:your|ur)self|end\s+it)\s*,?\s+(?:you|u)'?(?:d|\s+would)\s+have\b"
    r"|\bif\s+(?:you|u)\s+(?:were|was)\s+(?:really\s+|actually\s+)?(?:serious|for\s+real"
    r"|going\s+to)\b[^.!?\n]{0,20}?\s*,?\s+(?:you|u)'?(?:d|\s+would)\s+(?:have|be)\b"
    r"|\b(?:you|u)'?(?:d|\s+would)\s+never\s+have\s+the\s+(?:guts|balls|nerve|bottle)\b"
    r"|\b(?:you'?re|you\s+are|ur)\s+all\s+talk\b"
)
# Before an urging: the writer speaking of themselves, or someone else doing it.
_NOT_AIMED_BEFORE = re.compile(
    r"\b(?:i|i'?m|im|i'?ll|i'?ve|i'?d|me|my|we|he|she|they|he'?s|she'?s|they'?re|it|to"
    r"|going|gonna|will|wanna|want|ready|nerve|guts|courage|strength|finally|might|could"
    r"|would|should\s+i|don'?t|do\s+not|never|please\s+don'?t|not|won'?t)\s*$"
)
# An infinitive with no one named before "to" ("the easiest way to kill yourself", "how
# hard is it to …") uses "you" in the general sense; "I want you to …" does not.
_GENERAL_INFINITIVE_BEFORE = re.compile(
    r"(?<!\byou\s)(?<!\bu\s)\bto\s+(?:actually\s+|just\s+|really\s+|properly\s+)?$"
)
# A post written to oneself: a letter to one's younger self, or self-talk told as such.
_TO_ONESELF = re.compile(
    r"\b(?:to|dear)\s+(?:my\s+)?(?:younger|childhood|past|old|former|teenage|future|inner"
    r"|\d+\s*(?:yo|year\s+old))\s+(?:self|me)\b|\bdear\s+(?:me|myself|self)\b|\bnote\s+to"
    r"\s+(?:self|myself)\b|\bi\s+(?:\w+\s+)?(?:talk|speak|say\s+this|yell|scream)\s+to\s+myself\b"
    r"|\bself[\s-]talk\b"
)
# A threat told of someone else ("her brother is going to …") or feared ("… find her
# dead").
_SOMEONE_ELSE_SUBJECT_BEFORE = re.compile(
    r"\b(?!(?:i|you|we|u)\b)[a-z]+(?:'s|'re|\s+is|\s+are|\s+was|\s+were)\s+$"
)
_FEARED_AFTER = re.compile(r"\s+(?:dead|hanging|gone)\b")
# Being told or called names, in the passive: "to be told …, …, …".
_TOLD_BEFORE = re.compile(
    r"\b(?:be|being|been|was|were|get|gets|got|getting|am|i'?m)\s+(?:\w+\s+)?(?:told|called"
    r"|yelled\s+at|screamed\s+at)\b"
)
# Being labelled, told of oneself: "I was a …" (what others made the writer out to be).
_LABELLED_BEFORE = re.compile(
    r"\b(?:i\s+was|i'?m|i\s+am|meant\s+i\s+was|made\s+me|as)\s+(?:just\s+)?(?:a|an|the)?\s*$"
)
# A capitalised name followed by an insult: "Dave is a liar", "Sam's pathetic".
_NAMED_INSULT = re.compile(
    r"(?<![Mm]y\s)(?<![Oo]ur\s)(?<![Hh]er\s)(?<![Hh]is\s)\b(?P<name>[A-Z][a-z]{2,})(?:'s|"
    r"\s+is|\s+was)\s+(?:(?i:such|so|just|a|an|the|always|really|literally|honestly"
    r"|absolutely|absolute|complete|right|proper|massive|huge|big|total|utter|fucking|bloody"
    r"|little|stupid|dumb|fat|ugly|lying"
    r"|pathetic|worthless|useless|disgusting|manipulative|attention[\s-]?seeking|sad|vile"
    r"|annoying)\s+){0,4}(?i:" + _INSULT[3:-1] + r"|moron|loser|creep|idiot|freak)\b"
)
_NOT_A_PERSON = frozenset(
    [
        "The",
        "This",
        "That",
        "There",
        "Here",
        "What",
        "Who",
        "Why",
        "How",
        "When",
        "Where",
        "Life",
        "Everything",
        "Everyone",
        "Nothing",
        "Something",
        "Work",
        "School",
        "Today",
        "Tonight",
        "Tomorrow",
        "Yesterday",
        "Depression",
        "Anxiety",
        "Mum",
        "Mom",
        "Dad",
        "God",
        "Christmas",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "It",
        "He",
        "She",
        "They",
        "We",
        "You",
        "And",
        "But",
        "Because",
        "Honestly",
        "Really",
        "Well",
        "Yes",
        "Yeah",
        "Nah",
        "Sorry",
        "Please",
        "Thanks",
        "Also",
        "Still",
        "Just",
        "Maybe",
        "Ugh",
        "Wow",
        "Love",
        "Hope",
        "Food",
        "Money",
        "Weather",
        # Things people are fed up with, often capitalised with no full stop before.
        "Suicide",
        "Death",
        "Dying",
        "Living",
        "Existence",
        "Society",
        "Humanity",
        "College",
        "University",
        "Uni",
        "Therapy",
        "Medication",
        "Religion",
        "Covid",
        "Lockdown",
        "Reddit",
        "Internet",
        "Capitalism",
        "Dating",
        "Family",
        "People",
        "Nobody",
        "Exams",
        "Homework",
        "Maths",
        "Math",
    ]
)


@dataclass(frozen=True, slots=True)
class AbuseFinding:
    label: str
    start: int
    end: int
    confidence: float


_AIMED_AT_READER = frozenset({"urges_self_harm", "goads_self_harm", "insult", "attack"})


def _is_goading(context: Context, match: re.Match[str]) -> bool:
    """An urging said to someone (not by the writer of themselves, not negated, not a
    worried question), with a taunt in the sentence or strong enough alone."""
    before = context.clause_before(match.start())
    if _NOT_AIMED_BEFORE.search(before):
        return False
    people = re.findall(
        r"\b(?:i|i'?m|im|i'?ll|i'?ve|i'?d|me|my|we|he|she|they|you|u|your)\b", before
    )
    if people and people[-1] not in {"you", "u", "your"}:
        return False
    sentence = context.sentence_text(match.start(), match.end())
    if "?" in sentence and not re.search(r"\bwhy\s+(?:don'?t|not)\b", sentence):
        return False
    taunting_question = re.search(r"\bwhy\s+(?:don'?t|not)\b", before)
    if not taunting_question and re.search(
        r"\b(?:don'?t|do\s+not|never|please\s+don'?t)\b", before
    ):
        return False
    if _GOAD_ALONE.match(match.group(0)):
        return True
    window = context.sentence_text(match.start(), match.end(), neighbours=1)
    taunts = [t for t in _TAUNT.finditer(window) if t.group(0) not in {"just", "so"}]
    return bool(taunts) or bool(
        _TAUNT.search(before) and re.search(r"\b(?:you|u)\b", window)
    )


def find_named_insults(text: str) -> list[tuple[int, int]]:
    """Insults to someone named (``text`` keeps its capitals): offsets into it."""
    found = []
    for match in scan.finditer(_NAMED_INSULT, text):
        if match.group("name") in _NOT_A_PERSON:
            continue
        if re.search(r"\b(?:not|n't|never)\b", match.group(0)):
            continue
        # A word the post also writes in lower case is a thing, not a name
        # ("College is horrible … I hate college").
        if re.search(rf"\b{match.group('name').lower()}\b", text):
            continue
        found.append((match.start(), match.end()))
    return found


def find_abuse(context: Context) -> list[AbuseFinding]:
    text = context.text
    findings: list[AbuseFinding] = []
    to_oneself = bool(scan.search(_TO_ONESELF, text))

    def add(
        label: str, match: re.Match[str], confidence: float, *, negatable: bool
    ) -> None:
        start, end = match.start(), match.end()
        if any(f.start < end and start < f.end for f in findings):
            return
        if context.is_reported_speech(start, end) or context.is_quoted_lyric(
            start, end
        ):
            return
        if label in _AIMED_AT_READER and context.is_mostly_about_the_writer:
            # "You" in the general sense, in a post about the writer's own life:
            # often the writer's own harsh inner voice, not abuse of a reader.
            return
        if label in {"urges_self_harm", "insult", "attack", "name_calling"}:
            before = context.clause_before(start)[-60:]
            if _REPORTED_BEFORE.search(before):
                return
        if label in _AIMED_AT_READER and to_oneself:
            return
        if label == "urges_self_harm" and _GENERAL_INFINITIVE_BEFORE.search(
            context.clause_before(start)[-40:]
        ):
            return
        if context.is_dialogue_line(start):
            # A conversation told line by line ("Me: …", "Mum: …") is reported.
            return
        sentence_start = context.sentence(start, end)[0]
        if label in {"insult", "attack"} and _TOLD_BEFORE.search(
            text[max(sentence_start, start - 100) : start]
        ):
            return
        if label == "threat" and (
            _REPORTED_BEFORE.search(context.clause_before(start)[-60:])
            or _SOMEONE_ELSE_SUBJECT_BEFORE.search(context.clause_before(start)[-40:])
            or _FEARED_AFTER.match(text, end)
        ):
            return
        if label == "slur" and _LABELLED_BEFORE.search(
            context.clause_before(start)[-40:]
        ):
            return
        if label == "name_calling" and (
            _FIRST_PERSON_BEFORE.search(context.clause_before(start)[-60:])
            or _OF_A_THING_AFTER.match(text, end)
        ):
            return
        if _CALLED_ME_BEFORE.search(context.clause_before(start)[-50:]):
            return
        if label in _AIMED_AT_READER and _INNER_VOICE.search(
            context.sentence_text(start, end, neighbours=1)
        ):
            return
        if negatable and (
            context.is_negated(start, window=3)
            or re.search(r"\b(?:not|n't|never|no\s+longer)\b", text[start:end])
        ):
            return
        findings.append(AbuseFinding(label, start, end, confidence))

    for match in scan.finditer(_URGE_SELF_HARM, text):
        add("urges_self_harm", match, 0.95, negatable=True)
    for match in urgings(text):
        add("urges_self_harm", match, 0.9, negatable=True)
    for match in scan.finditer(_TAUNT_ALONE, text):
        add("goads_self_harm", match, 0.9, negatable=False)
    for match in scan.finditer(_GOAD, text):
        if _is_goading(context, match):
            add("goads_self_harm", match, 0.9, negatable=False)
    for match in scan.finditer(_THREAT, text):
        add("threat", match, 0.9, negatable=True)
    for match in scan.finditer(_GROUP_SLURS, text):
        add("slur", match, 0.85, negatable=False)
    for match in scan.finditer(_SECOND_PERSON_INSULT, text):
        add("insult", match, 0.8, negatable=True)
    for match in namings(text):
        add("insult", match, 0.75, negatable=True)
    for match in scan.finditer(_NAME_CALLING, text):
        add("name_calling", match, 0.75, negatable=False)
    for match in scan.finditer(_GROUP_INSULT, text):
        add("group_insult", match, 0.7, negatable=False)
    for match in scan.finditer(_VOCATIVE, text):
        add("insult", match, 0.7, negatable=False)
    for match in scan.finditer(_CRUDE_WORD_FOR_SOMEONE, text):
        if not _SELF_BEFORE.search(context.clause_before(match.start())[-60:]):
            add("insult", match, 0.65, negatable=True)
    for match in scan.finditer(_ATTACK, text):
        add("attack", match, 0.7, negatable=True)
    findings.sort(key=lambda finding: finding.start)
    return findings
