"""Who and what a sentence is about: the speaker's stance, read before any detector
decides.

The same words mean different things in different mouths. "I want to die" is about
the writer now; "I wanted to die back then" is about the writer's past; "do you want
to die?" is a supporter asking the reader; "my friend wants to die" is about someone
else; "suicide rates have risen" reports something read or heard; and words in
quotation marks from a song or a film are someone else's. Every word detector asks
``stance_of`` about each match and acts only on the stances it cares about: risk to
life alerts only on the writer now (a supporter's question or words to "you" get
short "responding safely" guidance instead), abuse is held only when aimed at the
reader or a named person, and so on.

The answer is worked out from the clause around the match (who is the nearest
subject before it, or named inside it) and then from the sentence (is it a
question, a report, quoted, told in the past).
"""

from __future__ import annotations

import re
from enum import StrEnum

from alongside.safety.screening.answered import is_quoted_back
from alongside.safety.screening.context import Context
from alongside.safety.screening.speaker import speaker_of_quote


class Stance(StrEnum):
    SELF_NOW = "self_now"
    SELF_PAST = "self_past"
    READER = "reader"
    OTHER = "other"
    QUESTION = "question"
    REPORT = "report"
    QUOTED = "quoted"
    NEUTRAL = "neutral"


_FIRST = frozenset(
    [
        "i",
        "i'm",
        "im",
        "i've",
        "ive",
        "i'd",
        "i'll",
        "me",
        "myself",
        "my",
        "mine",
        "ive",
        "id",
    ]
)
_READER = frozenset(
    [
        "you",
        "you're",
        "youre",
        "you've",
        "you'd",
        "you'll",
        "your",
        "yours",
        "yourself",
        "u",
        "ur",
        "ya",
    ]
)
_OTHER = frozenset(
    [
        "he",
        "she",
        "they",
        "he's",
        "she's",
        "they're",
        "they've",
        "his",
        "her",
        "their",
        "him",
        "them",
        "himself",
        "herself",
        "themselves",
        "themself",
        "friend",
        "friends",
        "mate",
        "mates",
        "bestie",
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
        "auntie",
        "husband",
        "wife",
        "partner",
        "boyfriend",
        "girlfriend",
        "ex",
        "someone",
        "somebody",
        "people",
        "person",
        "classmate",
        "colleague",
        "flatmate",
        "housemate",
        "neighbour",
        "grandad",
        "grandma",
        "grandpa",
        "nan",
        "gran",
        "kid",
        "kids",
        "child",
        "children",
        "teenager",
        "man",
        "woman",
        "men",
        "women",
        "boy",
        "girl",
        "guy",
        "lad",
        "student",
        "students",
        "patient",
        "patients",
        "client",
        "clients",
        "anyone",
        "everyone",
        "everybody",
        "anybody",
    ]
)
# Inside the match itself, a reflexive or possessive names whose life it is.
_MATCH_SUBJECT = re.compile(
    r"\b(?:(?P<first>my\s*self|my|me|i)|(?P<reader>your\s*self|your|ur\s*self|you|u)"
    r"|(?P<other>him\s*self|her\s*self|them\s*sel(?:f|ves)|his|her|their))\b"
)
# Someone read, heard or watched this; or it is news, figures or a campaign.
_REPORT = re.compile(
    r"\b(?:article|articles|news|headline|headlines|newspaper|the\s+paper|magazine|blog"
    r"|newsletter|piece\s+(?:about|on|in)|paper\s+(?:said|ran|says)"
    r"|report(?:s|ed)?|study|studies|research(?:ers)?|survey|statistics|stats|figures"
    r"|rates?|per\s*cent|percent|%|ons|campaign\w*|awareness|prevention|documentary"
    r"|podcast|programme|radio|ted\s+talk|debate|strategy|charity|charities|coroner"
    r"|inquest|pledge|poster|leaflet|according\s+to|(?:day|week|month)\s+of\s+action"
    r"|(?:world|national)\s+\w+\s+(?:day|week)|one\s+in\s+\w+|journalist|celebrity"
    r"|\d+\s+(?:in|out\s+of)\s+(?:every\s+)?\d+"
    r"|government|mp|minister|published|publishes|fundrais\w*|sponsored|raise\s+money)\b"
)
_REPORT_VERB = re.compile(
    r"\b(?:read|reading|heard|hearing|saw|seen|watched|watching|listened|learned|learnt"
    r"|found\s+out|studying|revising|writing\s+(?:an?\s+)?(?:essay|assignment|dissertation))"
    r"\b"
)
# Songs, films, books and the like, named without quotation marks.
_FRAMED = re.compile(
    r"\b(?:song|songs|album|track|lyrics?|chorus|verse|band|singer|film|movie|book|novel"
    r"|poem|play|character|episode|series|meme|scene|villain|soliloquy)\b"
)
_AFTER_LAST_SELF = re.compile(r"\b(?:i|i'm|im|i've|i'd|i'll|me|my|myself)\b")
_QUESTION_START = re.compile(
    r"^\s*(?:and\s+|but\s+|so\s+|ok(?:ay)?\s+|hey\s+|can\s+i\s+ask,?\s+)?"
    r"(?:are|is|do|does|did|have|has|had|can|could|would|will|should|shall|may|might"
    r"|was|were|why|what|what's|whats|how|when|where|who|which|any|anyone|anybody)\b"
    # "Can't sleep. Can't see a future.": a statement with "I" left out.
    r"(?!')"
)
# Told as the writer's past: a past tense, with a time long ago ("back then", "at
# school", "once") or in a post that tells of recovery.
_PAST_TENSE = re.compile(
    r"\b(?:used\s+to|wanted|wished|was|were|felt|thought|believed|tried|attempted"
    r"|planned|took|wrote|gave|stood|spent|hid|had|self-harmed|cut|overdosed|couldn'?t"
    r"|made|drove|pushed|led|left|brought|kept|got|went|became|lost|started|began|needed"
    r"|didn'?t|wasn'?t|remember|remembered|remember\s+feeling)\b"
)
_PAST_TIME = re.compile(
    r"\b(?:used\s+to|once|back\s+then|back\s+in|then|at\s+the\s+time|years?\s+ago"
    r"|months\s+ago|years\s+back|when\s+i\s+was|as\s+a\s+(?:kid|child|teen|teenager)"
    r"|in\s+my\s+(?:teens|twenties|thirties|early|late)|at\s+(?:school|uni|college)"
    r"|in\s+(?:19|20)\d\d|last\s+year|in\s+the\s+past|for\s+(?:years|a\s+long\s+time)"
    r"|looking\s+back|my\s+darkest\s+days|before\s+(?:therapy|treatment|recovery)"
    r"|last\s+(?:spring|summer|autumn|winter|month|christmas)|there\s+was\s+a\s+time"
    r"|(?:the\s+)?lowest\s+point|after\s+(?:trying|my\s+attempt|an?\s+(?:attempt|overdose))"
    r"|(?:even\s+)?when\s+i\s+(?:wanted|was|felt|tried|thought)"
    # An age ("at 17 I took…", "aged 15"); teens only, since "at 11" may be a time.
    r"|at\s+(?:the\s+age\s+of\s+)?1[3-9]\b(?!\s*(?::|\.\d|h\b|hrs|hundred|pm|am))"
    r"|aged\s+\d\d\b|at\s+the\s+age\s+of\s+\d\d\b"
    r"|went\s+through\s+(?:a|an|that)\s+(?:\w+\s+)?(?:spell|phase|patch|period|stage)"
    r"|at\s+my\s+(?:last|old|previous|first)\s+(?:job|school|work|place|college|uni)"
    r"|at\s+my\s+(?:worst|lowest|darkest)|after\s+i\s+(?:tried|attempted|overdosed)"
    r"|there\s+were\s+(?:times|nights|days|weeks|months|years|moments)"
    r"|(?:in|of|during|through(?:out)?|all\s+through)\s+(?:most\s+of\s+|much\s+of\s+)?"
    r"(?:my\s+(?:teens|twenties|thirties|forties|childhood|school\s+years)|school"
    r"|uni|university|college|sixth\s+form)|i\s+remember\s+(?:feeling|wanting|being"
    r"|thinking))\b"
)
_PRESENT = re.compile(
    r"\b(?:now|today|tonight|still|again|these\s+days|right\s+now|at\s+the\s+moment"
    r"|yesterday|last\s+night|earlier\s+today|this\s+week|(?:a\s+few|two|three|\d+)\s+days\s+ago"
    r"|any\s?more|every\s+(?:day|night)|keep|always|lately|this\s+(?:week|morning"
    r"|evening|year))\b|\b(?:i'?m|i\s+am|i\s+want|i\s+feel|i\s+can'?t|i\s+don'?t"
    r"|i\s+wish|i\s+need|i'?ve\s+been|i\s+have\s+been)\b"
)
# A sentence with no person named often leaves out "I": "Feeling suicidal again.",
# "Want to die.", "Can't do this."
_ELLIPTICAL_SELF = re.compile(
    r"^\s*(?:just\s+|so\s+|really\s+|honestly\s+|still\s+|literally\s+)*(?:feel(?:ing)?"
    r"|want(?:ing)?|wanna|wish(?:ing)?|can'?t|cannot|don'?t|been|so|too|tired|sick"
    r"|done|need|going|gonna|thinking|planning|ready|having|had|lost|hate|scared"
    r"|terrified|struggling|suicidal|hopeless|exhausted|alone|lonely|no\s+(?:reason"
    r"|point|hope|way)|nothing|not|never|another|why|end|ending|tonight|today)\b"
)
_WORD = re.compile(r"[a-z']+")
# What one has recovered from or survived is in the past ("recovery from wanting to
# die is slow", "I survived trying to end my life").
_RECOVERED_FROM = re.compile(
    r"\b(?:recovery|recovering|recovered|healing|healed|getting\s+over|got\s+over"
    r"|survived|survivor\s+of|moved\s+on|stopped\s+me|helped\s+me(?:\s+to)?\s+stop)\s+(?:from\s+)?(?:\w+\s+){0,2}$"
)
# Advice for when things get bad: "If the urge comes back tonight, ring 999."
_ADVICE = re.compile(
    r"\s*if\b[^.!?\n]*\b(?:ring|call|text|phone|contact|message|go\s+to|reach\s+out"
    r"|tell\s+someone|talk\s+to)\b"
)
# Thoughts told as gone: "the suicidal thoughts have faded".
_FADED_AFTER = re.compile(
    r"\s*(?:thoughts?|urges?|feelings?)?\s*(?:have|has)\s+(?:\w+\s+)?(?:faded|gone|eased"
    r"|stopped|passed|lifted|left)\b|\s+(?:can|will|does|did)\s+(?:pass|fade|ease|lift)\b"
)
# "I've been suicidal before": the past, in a post that tells of recovery.
_BEFORE_AFTER = re.compile(
    r"\s+before\b(?!\s+(?:i|it|the|my|tonight|tomorrow|friday|monday|christmas))"
)


# Words named as someone's own just after them: "the thoughts I've been having",
# "the urges she gets".
_OWNED_AFTER = re.compile(
    r"\s+(?:thoughts?\s+|urges?\s+|feelings?\s+|ideation\s+)?(?:that\s+|which\s+)?"
    r"(?:(?P<first>i(?:'ve|\s+have|'m|\s+am)?)|(?P<other>(?:she|he|they)(?:'s|'ve|\s+has"
    r"|\s+have|\s+is|\s+are)?))\s+(?:been\s+|still\s+|keep\s+)?(?:having|had|gets?"
    r"|getting|feels?|feeling|felt)\b"
)
# "Does anyone else…?", "Anyone else…?": asked by someone who feels it too.
_ONE_OF_MANY = re.compile(
    r"^\s*(?:(?:so|and|but|honestly)\s+)?(?:(?:does|do|is|am|has|have|can)\s+)?"
    r"(?:anyone|anybody)\s+else\b"
)
# Someone else's death just before the words: "anyone else lost a brother to…",
# "anyone else whose dad died by…". A question of the bereaved, not about the writer.
_SOMEONE_ELSES_DEATH = re.compile(
    r"\b(?:(?:lost|lose|losing)\s+(?:(?!(?:will|wish|desire|reason|urge)\b)\S+\s+){1,3}to"
    r"|bereaved\s+(?:by|through)"
    r"|(?:died|death|deaths|dying)\s+(?:by|from|through|of|to))\s*$"
)


# Verbs whose person after "to" or "with" is the one listening, not the one the words
# are about: "I want to talk to someone about…", "can I speak with my GP about…".
_TALKING = frozenset(
    ["talk", "talking", "talked", "speak", "speaking", "spoke", "chat", "chatting"]
)
_TOLD = frozenset(["tell", "telling", "told", "ask", "asking", "asked"])
_DETERMINERS = frozenset(["my", "a", "an", "the", "our", "your", "his", "her", "their"])


def _is_listener(words: list[str], index: int) -> bool:
    """Whether ``words[index]`` is the one spoken to: straight after "talk to",
    "speak with" or "tell", or after them and "my", "a" or "the" ("my GP")."""
    at = index - 1
    if at >= 0 and words[at] in _DETERMINERS:
        at -= 1
    if at >= 0 and words[at] in _TOLD:
        return True
    return at >= 1 and words[at] in {"to", "with"} and words[at - 1] in _TALKING


def _nearest_subject(words: list[str]) -> Stance | None:
    """The person nearest before the match; "you" counts only close by (four words),
    since a "you" further back is often general ("when you feel like this, I…"). The
    one spoken to ("talk to someone about…") is passed over."""
    for distance, word in enumerate(reversed(words)):
        if (word in _OTHER or word in _FIRST) and _is_listener(
            words, len(words) - 1 - distance
        ):
            continue
        if word in _FIRST:
            return Stance.SELF_NOW
        if word in _READER and distance < 4:
            return Stance.READER
        if word in _OTHER:
            return Stance.OTHER
    return None


def _is_question(sentence: str) -> bool:
    return sentence.rstrip().endswith("?") or bool(_QUESTION_START.match(sentence))


def _self_time(context: Context, start: int, end: int) -> Stance:
    """The writer now, or the writer's past: told in the past tense, in a post that
    tells of recovery or of a time long ago. A recent past ("I tried last week") is
    still the writer now."""
    clause = context.clause_before(start) + context.text[start:end]
    if (
        _RECOVERED_FROM.search(context.clause_before(start)[-40:])
        or _FADED_AFTER.match(context.text, end)
        or (context.has_recovery and _BEFORE_AFTER.match(context.text, end))
    ):
        return Stance.SELF_PAST
    if _PRESENT.search(clause):
        return Stance.SELF_NOW
    if not _PAST_TENSE.search(clause + context.clause_after(end)):
        return Stance.SELF_NOW
    sentence = context.sentence_text(start, end)
    if (
        _PAST_TIME.search(sentence)
        or context.has_recovery
        or context.is_distant_past(start, end)
    ):
        return Stance.SELF_PAST
    return Stance.SELF_NOW


# A supporter's empathy: "I know how it feels to want to…", "I understand wanting…".
_EMPATHY_BEFORE = re.compile(
    r"\bi\s+(?:know|understand|remember|get|can\s+relate\s+to|relate\s+to)\s+(?:how\s+"
    r"(?:it\s+)?feels?\s+|what\s+it'?s\s+like\s+|the\s+feeling\s+of\s+)?(?:to\s+)?$"
)


# The group named as the ones spoken to, first in a sentence ("sorry everyone, …",
# "thanks all: …", "Goodbye everyone."): the readers, not someone the writer speaks about.
_VOCATIVE = re.compile(
    r"^\s*(?:(?:sorry|thanks|thank\s+you|hi|hey|hello|love\s+you|bye|good\s?bye"
    r"|farewell|night)\s+)?(?:everyone|everybody|all|guys|folks|y'?all)\s*(?:[,:;!.-]|$)"
)
# The same said after other words ("the rope is ready, bye everyone"): with its word of
# greeting, thanks or apology, "everyone" is still the readers.
_VOCATIVE_LATER = re.compile(
    r"(?:^|[,:;!.-])\s*(?:sorry|thanks|thank\s+you|love\s+you|bye|good\s?bye|farewell"
    r"|night)\s+(?:everyone|everybody|all|guys|folks|y'?all)\s*(?=[,:;!.-]|$)"
)


def is_report(sentence: str) -> bool:
    """Whether a sentence reports news, figures or a campaign."""
    return bool(_REPORT.search(sentence))


def stance_of(context: Context, start: int, end: int) -> Stance:
    """The stance of the sentence around ``start:end``, as it bears on that match."""
    if context.is_quoted_lyric(start, end) or is_quoted_back(context, start, end):
        return Stance.QUOTED
    if context.is_reported_speech(start, end):
        # Whose words: the writer's own ("I texted my sister '…'") are read as
        # written; someone else's are about them; a speaker unnamed, quoted.
        speaker = speaker_of_quote(context, start, end)
        if speaker is None:
            return Stance.QUOTED
        if speaker in _READER:
            return Stance.READER
        if speaker and speaker not in _FIRST:
            return Stance.OTHER
    if _EMPATHY_BEFORE.search(context.clause_before(start)):
        return Stance.READER
    sentence = context.sentence_text(start, end)
    if (
        _ONE_OF_MANY.match(sentence)
        and _is_question(sentence)
        and not _SOMEONE_ELSES_DEATH.search(context.clause_before(start)[-60:])
    ):
        # "Does anyone else feel…?": the writer says it of themselves too.
        return _self_time(context, start, end)
    before = _WORD.findall(context.clause_before(start))[-8:]
    inside = _MATCH_SUBJECT.search(context.text, start, end)
    subject = _nearest_subject(before)
    if inside is not None:
        subject = (
            Stance.SELF_NOW
            if inside.group("first")
            else Stance.READER
            if inside.group("reader")
            else Stance.OTHER
        )
    elif owner := _OWNED_AFTER.match(context.text, end):
        # "…the suicidal thoughts I've been having": whose they are is said after.
        subject = Stance.SELF_NOW if owner.group("first") else Stance.OTHER
    if subject is None:
        if _ADVICE.match(sentence):
            return Stance.READER
        sentence_words = _WORD.findall(
            _VOCATIVE_LATER.sub(" ", _VOCATIVE.sub(" ", sentence, count=1))
        )
        if (
            _REPORT.search(sentence)
            or _REPORT_VERB.search(sentence)
            or _FRAMED.search(sentence)
        ):
            return Stance.REPORT
        if (
            any(word in _READER for word in sentence_words)
            and not context.is_mostly_about_the_writer
        ):
            return Stance.READER
        if _is_question(sentence):
            return Stance.QUESTION
        if any(word in _FIRST for word in sentence_words) or _ELLIPTICAL_SELF.match(
            sentence
        ):
            return _self_time(context, start, end)
        if any(word in _OTHER for word in sentence_words):
            return Stance.OTHER
        return Stance.NEUTRAL
    if subject == Stance.READER and context.is_mostly_about_the_writer:
        # "You" in the general sense, in a post about the writer's own life.
        return _self_time(context, start, end)
    if (
        subject == Stance.SELF_NOW
        and inside is None
        and next((word for word in reversed(before) if word in _FIRST), None)
        in {"my", "our"}
        and _REPORT.search(sentence)
    ):
        # "My company signed a pledge on suicide awareness": the writer names who
        # owns the campaign, not what they feel.
        return Stance.REPORT
    if subject == Stance.SELF_NOW:
        after_self = _AFTER_LAST_SELF.split(context.clause_before(start))[-1]
        if _REPORT_VERB.search(after_self) and (
            _REPORT.search(sentence) or _FRAMED.search(sentence)
        ):
            return Stance.REPORT
        return _self_time(context, start, end)
    return subject


def is_about_the_writer_now(stance: Stance) -> bool:
    return stance == Stance.SELF_NOW


def is_supporter_voice(stance: Stance) -> bool:
    """Words to the reader, or a question with no one named: a supporter's voice."""
    return stance in {Stance.READER, Stance.QUESTION}
