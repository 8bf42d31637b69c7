"""Reading a match in its context: its clause, negation, past time and quotation.

Shared by the word detectors (risk, method, abuse), which all ask the same questions of
a match: is it negated ("I'm not suicidal")? is it about the past, told as a recovery
story? is it inside a quoted lyric or line from a film?
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import alongside.safety.screening.scan as scan

# "\s(?<!\s\s)" starts a dash match only at the start of a run of spaces, so a long
# run of spaces or tabs is read once rather than once per character; starting with a
# character class lets the search skip quickly to where one may match.
_SENTENCE_END = re.compile(r"[.!?;\n]+|\s(?<!\s\s)\s*-\s+")
# A clause ends at punctuation, a spaced dash, or a word such as "but": the marks
# and the words never overlap, so they are read apart and the words found quickly
# (``scan``).
_CLAUSE_BREAK_MARK = re.compile(r"[.!?;,:\n()]+|\s(?<!\s\s)\s*-\s+")
_CLAUSE_BREAK_WORD = re.compile(r"\b(?:but|although|though|however|yet)\b")


def _ends(pattern: re.Pattern[str], text: str) -> list[int]:
    """Where each match of ``pattern`` ends, passing over a lone dot between two
    digits ("the 6.40 train", "2.5 mg"): a time or a number, not a break."""
    return [
        match.end()
        for match in pattern.finditer(text)
        if not (
            match.end() - match.start() == 1
            and text[match.start()] == "."
            and text[match.start() - 1 : match.start()].isdigit()
            and text[match.end() : match.end() + 1].isdigit()
        )
    ]


def _clause_starts(text: str) -> list[int]:
    """Where each clause starts: at the start, and after every break."""
    marks = _ends(_CLAUSE_BREAK_MARK, text)
    words = [match.end() for match in scan.finditer(_CLAUSE_BREAK_WORD, text)]
    return [0, *sorted(marks + words)] if words else [0, *marks]


_NEGATOR = re.compile(
    r"\b(?:not|never|no\s+longer|nothing|nor|without|hardly|"
    r"(?:do|does|did|is|are|was|were|have|has|had|would|could|should|will|wo|ca|must"
    r"|might|need|am)n'?t|cannot|dont|doesnt|didnt|isnt|arent|wasnt|werent|havent"
    r"|hasnt|wouldnt|couldnt|shouldnt|wont|cant|aint|ain't)\b"
)
# Negators that do not negate what follows them ("I can't stop thinking about ...").
_NOT_NEGATING = re.compile(
    r"\b(?:can'?t|cannot|couldn'?t|won'?t|don'?t|never|not)\s+(?:stop|help|wait|seem\s+to"
    r"\s+stop|shake|get\s+rid\s+of|escape|ignore|imagine\s+not|see\s+(?:any|a)\s+"
    r"(?:other|way|point|reason)|see\s+myself\s+not|think\s+of\s+anything\s+but|"
    r"understand\s+why\s+i\s+(?:shouldn'?t|don'?t)|(?:really\s+)?care\s+if)|"
    r"\bnot\s+(?:just|only|even|sure\s+(?:if|whether|that|i\s+won'?t))\b|"
    r"\bno\s+one\b|\bnothing\s+(?:but|matters|left|else)\b|"
    r"\b(?:don'?t|do\s+not)\s+(?:know|think\s+i\s+can|see\s+why)\b"
    # A hedge ("I don't think I want to be here"), or someone not knowing ("my
    # therapist doesn't know I'm suicidal").
    r"|\b(?:don'?t|do\s+not)\s+think\s+i\b"
    r"|\b(?:doesn'?t|does\s+not|didn'?t|did\s+not)\s+(?:even\s+)?know\b"
    # "I can't tell if I'm suicidal": unsure, not denying.
    r"|\b(?:can'?t|cannot|couldn'?t)\s+(?:tell|decide|work\s+out)\s+(?:if|whether)\b"
    # "I can't stand this loneliness": what cannot be borne is there.
    r"|\b(?:can'?t|cannot)\s+(?:stand|bear|take|handle)\s+(?:this|the|my|all\s+this)\b"
)
# "Not a day goes by that I don't think about it": two negatives, no denial.
_NEVER_WITHOUT = re.compile(
    r"\bnot\s+a\s+(?:day|night|moment|minute|second|week|morning)\s+(?:goes|passes)\s+by\b"
)
_MORE_THAN = re.compile(r"\bmore\s+than\b")
_CONDITION_THEN_I = re.compile(
    r"\b(?:if|unless)\b[^,;]*?\b(?:not|never|no|\w+n'?t|cannot)\b[^,;]*?"
    r"\b(?:i|i'?m|im|i'?ll|ill|i'?d|i'?ve|i\s+am|i\s+will)\s+(?:\w+\s+){0,2}$"
)
_DISTANT_PAST = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few"
    r"|few|several|many|some|couple\s+of|a\s+couple\s+of)\s+(?:years?|yrs?)\s+(?:ago|back|since)\b"
    r"|\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few"
    r"|several|many|some)\s+months?\s+ago\b"
    r"|\bwhen\s+i\s+was\s+(?:younger|little|a\s+(?:kid|child|teen|teenager|student)|\d+"
    r"|(?:in|at)\s+(?:school|college|uni|university|sixth\s+form|year\s+\d+)|\w+teen)\b"
    r"|\b(?:back\s+(?:in|then|when)|in\s+the\s+past|at\s+the\s+time|as\s+a\s+(?:teen"
    r"|teenager|kid|child)|in\s+my\s+(?:teens|twenties|early\s+\w+|late\s+\w+)"
    r"|in\s+(?:19|20)\d\d|last\s+year|years\s+ago|a\s+long\s+time\s+ago|once\s+upon)\b"
    r"|\b(?:\d+|a|one|two|three|four|five|six|a\s+few|few|several|many)\s+(?:winters?|summers?"
    r"|springs?|autumns?|christmases|birthdays)\s+ago\b"
)
_RECOVERY = re.compile(
    r"\b(?:now\s+i'?m|i'?m\s+now|today\s+i'?m|these\s+days\s+i'?m)\s+(?:\w+\s+){0,3}?"
    r"(?:better|ok|okay|good|well|fine|happy|happier|safe|stable|alive|thriving|doing\s+well"
    r"|in\s+recovery|recovering|healing|grateful|glad)\b"
    r"|\b(?:i'?m|i\s+am|feeling|doing)\s+(?:so\s+|much\s+|a\s+lot\s+|way\s+|really\s+"
    r"|pretty\s+|more\s+){0,2}(?:better|happier|well|stable|safe|settled|okay|ok|fine|good"
    r"|sober|clean)\s+now\b"
    # Help found, a feeling that passed, and lived experience told to someone.
    r"|\b(?:got|found|had|getting)\s+(?:proper|real|the\s+right|good|the)\s+(?:help|support"
    r"|treatment)\b|\b(?:it|that|they|the\s+(?:feeling|urges?|thoughts?))\s+(?:did|has"
    r"|have|finally|eventually|slowly)\s+(?:\w+\s+)?pass(?:ed)?\b|\bit\s+passed\b"
    r"|\bi'?ve\s+been\s+(?:where\s+you\s+are|in\s+your\s+shoes|there\s+(?:too|myself))\b"
    r"|\b(?:glad|grateful|thankful|happy|lucky|relieved)\s+(?:that\s+)?(?:i'?m|i\s+am|i\s+was"
    r"|to\s+be|i\s+(?:survived|failed|didn'?t|stayed|got))\b"
    r"|\b(?:in|into)\s+recovery\b|\brecovered\b|\bsurviv(?:ed|or|ors|ing)\b"
    r"|\b(?:things|it|life)\s+(?:got|gets|has\s+got|have\s+got|did\s+get|can\s+get|do\s+get"
    r"|does\s+get|will\s+get|has\s+gotten|got\s+so\s+much)\s+(?:\w+\s+)?better\b"
    r"|\bi'?m\s+still\s+here\b|\bstill\s+(?:here|alive)\s+(?:and|today|now)\b"
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|several)\s+(?:years?"
    r"|months?|weeks?|days?)\s+(?:clean|free|sober)\b"
    r"|\bno\s+longer\s+(?:suicidal|feel\s+(?:that|like\s+that)|want\s+to\s+die)\b"
    r"|\bhope\s+(?:this|my\s+story)\s+helps\b|\bit\s+gets\s+better\b|\bthere\s+is\s+hope\b"
    r"|\b(?:rebuilt|rebuilding|healing|healed)\b|\b(?:come|coming|came)\s+out\s+(?:the\s+)?"
    r"other\s+side\b|\b(?:so\s+)?(?:glad|thankful|grateful)\s+i\s+(?:told|reached\s+out|asked"
    r"|stayed|held\s+on|got\s+help|didn'?t)\b|\bthings\s+are\s+(?:so\s+)?(?:different|better)"
    r"\s+now\b|\b(?:i'?m|and)\s+(?:so\s+)?(?:thankful|grateful|proud)\b|\btaught\s+me\b"
    r"|\bi\s+don'?t\s+now\b|\bi'?m\s+in\s+a\s+(?:good|better|much\s+better)\s+place\b|\bthe\s+worst\s+(?:of\s+it\s+)?"
    r"is\s+behind\s+me\b|\b(?:therapy|counselling|treatment|the\s+crisis\s+team|medication)"
    r"\s+(?:really\s+)?(?:helped|saved)\b|\b(?:saved|changed)\s+my\s+life\b"
    r"|\b(?:got|get|made\s+it|came)\s+through\s+(?:it|them|that|those|every|each|all)\b"
    r"|\bwhat\s+(?:really\s+|finally\s+)?helped\b|\bpart\s+of\s+my\s+(?:story|journey)\b"
    r"|\bi\s+don'?t\s+feel\s+(?:that|like\s+that|that\s+way)\s+(?:now|any\s?more)\b"
    r"|\bliving\s+proof\b|\bchanged\s+everything\b|\b(?:it|that|the\s+feeling)\s+lifted\b"
    r"|\brecover(?:y|ing)\s+from\b|\blooking\s+back\b|\bglad\s+to\s+be\s+(?:here|alive)\b"
    r"|\bi\s+know\s+how\s+to\s+(?:sit\s+with|cope\s+with|manage|handle|ride\s+out)\s+"
    r"(?:it|them)\b|\bsaved\s+me\b|\b(?:thoughts|urges|feelings)\s+(?:have|has)\s+"
    r"(?:\w+\s+)?(?:faded|gone|eased|stopped|passed|lifted)\b"
)
_QUOTE_FRAMING = re.compile(
    r"\b(?:lyrics?|song|songs|sang|sings?|singing|chorus|verse|album|track|band|quote|"
    r"quoting|quoted|poem|poet|poetry|line\s+from|film|movie|book|novel|play|scene|"
    r"character|episode|show|series|meme|as\s+\w+(?:\s+\w+)?\s+(?:said|says|put\s+it|wrote"
    r"|sang)|(?:came|comes)\s+on|radio"
    r"|playlist|spotify|earworm|karaoke|hymn|stuck\s+in\s+my\s+head)\b|[♪♫♬🎵🎶]"
)
_QUOTED = re.compile(r"\"[^\"\n]{2,400}\"|'[^'\n]{6,400}'(?!\w)|[♪♫♬🎵🎶][^\n]{2,400}")
_LYRICS_BLOCK = re.compile(r"\blyrics?\s*[:\-]\s*[^\n]{2,600}")
_REPORTED_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|tell|called|calls|call|yelled|shouted|screamed|"
    r"texted|wrote|messaged|replied|goes|went|like)\b"
)


# Recovery told as what others say ("people say it gets better, but…"), or turned
# round at once ("it gets better, or so they say"), is not the writer's own story.
_HEARSAY_BEFORE = re.compile(
    r"\b(?:say|says|said|saying|tell|tells|told|telling|heard|hear|claim\w*|supposedly"
    r"|apparently|meant\s+to)\b(?:\s+(?:me|us|that|to\s+me))*\s*$"
)
_WRITER_SAYS = re.compile(r"\bi\s+(?:\w+\s+)?(?:say|said|tell|told|promise)\b")
_TURNED_AFTER = re.compile(r"\W{0,3}(?:or\s+so\s+(?:they|people)\s+say|yeah\s+right)\b")


def _tells_of_recovery(text: str) -> bool:
    for match in scan.finditer(_RECOVERY, text):
        before = text[max(0, match.start() - 40) : match.start()]
        hearsay = _HEARSAY_BEFORE.search(before) and not _WRITER_SAYS.search(before)
        if hearsay or _TURNED_AFTER.match(text, match.end(), match.end() + 25):
            continue
        return True
    return False


# Everyday idioms that borrow words of dying and killing, and their small variants:
# something "is killing me", someone "will kill me" (they will be cross), a body part,
# phone or battery that is "dead", dying to know, dying of embarrassment.
IDIOMS = re.compile(
    r"\b(?:dead\s+(?:tired|end|on|set|easy|serious|quiet|beat|battery|phone|inside|funny"
    r"|good|proud|jealous|lucky|nice|on\s+my\s+feet)"
    # "Dead" as a British intensifier, and set phrases with death in them.
    r"|dead\s+(?:chuffed|pleased|excited|happy|keen|posh|cute|lush|handy|hard|simple|quick"
    r"|busy|cold|right)|over\s+my\s+dead\s+body"
    r"|(?:time|hours?|minutes|half\s+an\s+hour|an\s+hour|a\s+while)\s+to\s+kill"
    r"|(?:bored|scared|worried|frozen|tickled)\s+to\s+death|(?:literally\s+)?die\s+for"
    r"\s+(?:this|that|a|an|some|these|those)\s+(?!(?:cause|reason|country|family|kids)\b)"
    r"|to\s+die\s+for|dying\s+(?:to|for|of\s+(?:laughter|embarrassment|boredom|shame|thirst"
    r"|hunger|cringe))|(?:die|died|dying)\s+(?:of|from)\s+(?:embarrassment|shame|boredom"
    r"|laughter|laughing|cringe)|(?:nearly|almost|could\s+have|could'?ve|literally)\s+died"
    r"\s+(?:laughing|when|of|at)|died\s+(?:down|laughing)|crying\s+laughing"
    r"|(?:phone|battery|laptop|car|tablet|charger|conversation|chat|legs?|feet|arms?|back"
    r"|brain|plant|plants|party|town|pub)(?:'?s|\s+is|\s+are|\s+was|\s+were|\s+went"
    r"|\s+has|\s+have)?\s+(?:\w+\s+)?(?:dead|died|dying)"
    r"|the\s+death\s+of\s+me|brain\s*dead|dead\s*line|drop\s+dead\s+gorgeous"
    r"|kill(?:ing)?\s+(?:time|it|me\s+softly)|(?:could|would|'d)\s+(?:kill|murder)\s+"
    r"(?:for\s+)?(?:a|an|some|the)\b|(?:so\s+hungry|starving)\s+i\s+could\s+die"
    r"|(?:is|are|was|were|'s|'re)\s+(?:\w+\s+)?(?:killing|murdering)\s+(?:me|my\s+\w+)"
    r"|(?:killed|murdered)\s+(?:me|it)\b(?!\s+(?:self|myself))"
    r"|(?:she|he|they|mum|mom|dad|boss|manager|teacher|wife|husband|partner|girlfriend"
    r"|boyfriend|mother|father|parents|nan|gran|sister|brother|\w+)(?:'ll|\s+will|\s+would"
    r"|\s+is\s+going\s+to|'s\s+going\s+to|\s+gonna|'d)\s+(?:literally\s+|actually\s+)?"
    r"kill\s+me\s+(?:if|when|for)|finished\s+me\s+off"
    # A joking plea with a laugh straight after: "another meeting, kill me now haha".
    r"|(?:someone\s+|somebody\s+|just\s+)?(?:kill|shoot)\s+me\s+(?:now\s+)?(?=[,.!\s]*"
    r"(?:lol|lmao|haha\w*|ha\s+ha|jk)\b)"
    # Hyperbole about something trivial: "if I have to sit through one more meeting
    # I'll literally die", "I'd rather die than wear those", "this form wants me dead".
    r"|if\s+i\s+(?:have\s+to|hear|see|get|eat|do)\b[^.!?\n]{0,60}\bi'?ll\s+(?:literally"
    r"|actually|just)\s+die|i'?ll\s+literally\s+die\b|i'?ll\s+actually\s+die\s+(?:if|of|from)"
    r"|i\s+could\s+(?:just\s+|literally\s+)?die\b(?=\s*[,.!;:-]+\s*(?:i|she|he|they|we|my"
    r"|the)\s+\w*(?:ed|said|sent|wore|forgot|fell|spilt|saw)\b)"
    r"|(?:going\s+to|gonna|'ll|will)\s+(?:literally\s+)?die\s+if\s+(?:this|that|the|my|one\s+more"
    r"|another|i\s+have\s+to)\b|crawl\s+(?:into|under)\s+(?:a\s+)?(?:hole|rock)\s+and\s+die"
    r"|(?:phone|battery|laptop)[^.!?\n]{0,25}\b(?:about\s+to|going\s+to|gonna)\s+die"
    r"|rather\s+(?:die|be\s+dead)\s+than\s+(?!(?:\w+\s+){0,2}(?:live|living|go\s+on|carry\s+on|keep|feel"
    r"|be\s+here|wake|face|suffer|another\s+day|this|spend|go(?:ing)?\s+back(?=\s*(?:[.,!;\n]|$"
    r"|to\s+(?:prison|jail|inside|hospital|the\s+(?:ward|streets)|him|her|them)\b))))"
    r"|(?:this|that|the)\s+(?!(?:voice|voices|thought|thoughts|illness|depression)\b)\w+"
    r"\s+(?:wants|is\s+trying\s+to\s+kill)\s+me(?:\s+dead)?)\b"
)


# A conversation told line by line: "Me: …", "Mum: …". Two or more speakers make it
# a dialogue; headings such as "Edit:" or "TL;DR:" are not speakers.
_SPEAKER_LINE = re.compile(
    r"(?m)^[ \t]*([a-z][a-z']{1,15}(?: [a-z]{2,15})?)[ \t]*:[ \t]*\S[^\n]*"
)
_NOT_SPEAKERS = frozenset(
    [
        "edit",
        "update",
        "tl;dr",
        "tldr",
        "note",
        "ps",
        "eta",
        "title",
        "trigger warning",
        "tw",
    ]
)


def _dialogue_lines(text: str) -> tuple[tuple[int, int], ...]:
    if ":" not in text:
        return ()
    lines = [m for m in _SPEAKER_LINE.finditer(text) if m.group(1) not in _NOT_SPEAKERS]
    if len({m.group(1) for m in lines}) < 2:
        return ()
    return tuple((m.start(), m.end()) for m in lines)


_FIRST_PERSON_WORD = re.compile(r"\b(?:i|i'm|im|i've|i'd|i'll|me|my|myself)\b")
_READER_WORD = re.compile(r"\b(?:you|you're|your|yourself|u|ur)\b")


@dataclass(frozen=True, slots=True)
class Context:
    """Precomputed facts about one normalised text, for fast questions about matches."""

    text: str
    sentence_starts: tuple[int, ...]
    clause_starts: tuple[int, ...]
    quoted: tuple[tuple[int, int], ...]
    quotes_are_framed: bool
    quotes_are_reported_speech: bool
    has_recovery: bool
    # How often the writer says "I" and "you": a post mostly about oneself uses "you"
    # in the general sense ("you just want it to stop").
    first_person_words: int = 0
    reader_words: int = 0
    # Lines of a conversation told line by line ("Me: …", "Mum: …").
    dialogue: tuple[tuple[int, int], ...] = ()

    @classmethod
    def of(cls, text: str) -> Context:
        sentence_starts = [0, *_ends(_SENTENCE_END, text)]
        clause_starts = _clause_starts(text)
        quoted = [(match.start(), match.end()) for match in _QUOTED.finditer(text)]
        quoted += [
            (match.start(), match.end()) for match in _LYRICS_BLOCK.finditer(text)
        ]
        return cls(
            text=text,
            sentence_starts=tuple(sentence_starts),
            clause_starts=tuple(clause_starts),
            quoted=tuple(sorted(quoted)),
            quotes_are_framed=bool(scan.search(_QUOTE_FRAMING, text)),
            quotes_are_reported_speech=bool(scan.search(_REPORTED_SPEECH, text)),
            has_recovery=_tells_of_recovery(text),
            first_person_words=len(_FIRST_PERSON_WORD.findall(text)),
            reader_words=len(_READER_WORD.findall(text)),
            dialogue=_dialogue_lines(text),
        )

    @property
    def is_mostly_about_the_writer(self) -> bool:
        return self.first_person_words >= max(6, 3 * self.reader_words)

    def sentence(self, start: int, end: int, *, neighbours: int = 0) -> tuple[int, int]:
        """Where the sentence around ``start:end`` begins and ends, with
        ``neighbours`` sentences either side."""
        index = bisect.bisect_right(self.sentence_starts, start) - 1
        first = max(index - neighbours, 0)
        last = bisect.bisect_right(self.sentence_starts, end - 1) + neighbours
        begin = self.sentence_starts[first]
        finish = (
            self.sentence_starts[last]
            if last < len(self.sentence_starts)
            else len(self.text)
        )
        return begin, finish

    def sentence_text(self, start: int, end: int, *, neighbours: int = 0) -> str:
        begin, finish = self.sentence(start, end, neighbours=neighbours)
        return self.text[begin:finish]

    def clause_before(self, start: int) -> str:
        index = bisect.bisect_right(self.clause_starts, start) - 1
        return self.text[self.clause_starts[max(index, 0)] : start]

    def clause_after(self, end: int) -> str:
        """The rest of the clause after ``end``."""
        index = bisect.bisect_right(self.clause_starts, end)
        finish = (
            self.clause_starts[index]
            if index < len(self.clause_starts)
            else len(self.text)
        )
        return self.text[end:finish]

    def is_negated(self, start: int, *, window: int = 4) -> bool:
        """Whether a negator governs the match starting at ``start``.

        Looks back over at most ``window`` words in the same clause.
        """
        before = self.clause_before(start)
        words = before.split()[-window:]
        if not words:
            return False
        tail = " ".join(words)
        negators = list(_NEGATOR.finditer(tail))
        if not negators:
            return False
        negator = negators[-1]
        if negator is None or _NEVER_WITHOUT.search(before):
            return False
        # "I've never wanted to die more than now": more than ever, not never.
        if negator.group(0) == "never" and _MORE_THAN.search(self.clause_after(start)):
            return False
        # A negator in a condition governs the condition, not what follows it: "if
        # the treatment doesn't work I'm going to end it".
        if _CONDITION_THEN_I.search(before[-150:]):
            return False
        # Rhetorical questions negate nothing: "why shouldn't I…", "why haven't I…".
        if re.search(r"\bwhy\s*$", tail[: negator.start()]):
            return False
        return not _NOT_NEGATING.match(tail, negator.start())

    def is_quoted(self, start: int, end: int) -> bool:
        return self.quote_around(start, end) is not None

    def quote_around(self, start: int, end: int) -> tuple[int, int] | None:
        """The quoted words that ``start:end`` lies in, as (start, end), if any."""
        return next(
            (
                (begin, finish)
                for begin, finish in self.quoted
                if begin <= start and end <= finish
            ),
            None,
        )

    def is_quoted_lyric(self, start: int, end: int) -> bool:
        """Inside quotation marks, in a post that says it is quoting a song, film or
        book (or inside a ``lyrics:`` block or after a music note)."""
        if not self.is_quoted(start, end):
            return False
        if self.quotes_are_framed:
            return True
        return any(
            begin <= start and end <= finish and self.text[begin] in "♪♫♬🎵🎶l"
            for begin, finish in self.quoted
        )

    def is_reported_speech(self, start: int, end: int) -> bool:
        """Inside quotation marks in a post that reports what someone said."""
        return self.is_quoted(start, end) and self.quotes_are_reported_speech

    def is_dialogue_line(self, start: int) -> bool:
        """Inside a line of a conversation told line by line."""
        return any(begin <= start < finish for begin, finish in self.dialogue)

    def is_distant_past(self, start: int, end: int) -> bool:
        return bool(_DISTANT_PAST.search(self.sentence_text(start, end, neighbours=1)))
