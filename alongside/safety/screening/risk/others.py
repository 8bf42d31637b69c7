"""Worry for someone else ("my friend wants to end her life"), also asked as a question
about what they said ("what does it mean when a friend says they want to kill
themselves?"), a loss told as a loss, and words of risk a supporter says to the reader
("are you thinking of ending your life?")."""

from __future__ import annotations

import re

import alongside.safety.screening.scan as scan
from alongside.safety.screening.context import IDIOMS, Context
from alongside.safety.screening.risk.factors import QUESTION_FOR_INFORMATION
from alongside.safety.screening.risk.findings import RiskFinding
from alongside.safety.screening.risk.subject import names_the_word
from alongside.safety.screening.stance import is_report

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
    r"suicidal|(?:messaged|texted|called|rang)\s+(?:me\s+)?(?:saying|to\s+say)\s+goodbye"
    r"|(?:note|letter|message)\s+from\s+(?:my\s+)?\w+\s+saying\s+(?:sorry|goodbye)"
    r"|(?:he|she|they)(?:'s|\s+is|'re|\s+are)\s+going\s+to\s+(?:take|swallow)\s+all\s+(?:of\s+)?"
    r"(?:his|her|their)\s+(?:pills|tablets|meds|medication)"
    r"|(?:he|she|they)\s+(?:has|have|'s\s+got|had)\s+(?:\w+\s+){0,3}?(?:saved\s+up"
    r"|stockpiled|hidden|a\s+plan)|(?:he|she|they)\s+(?:wants?|wanted|is\s+going|are\s+going)\s+to\s+(?:die|end\s+"
    r"(?:it|(?:his|her|their)\s+life))"
    # Afraid someone will "do something", or that they are self-harming.
    r"|(?:scared|frightened|worried|afraid|terrified)\s+(?:that\s+)?(?:he|she|they)(?:'s|\s+is"
    r"|'re|\s+are|'ll|\s+will|\s+might|\s+may)\s+(?:going\s+to\s+|gonna\s+)?do\s+something"
    r"|(?:he|she|they|friend|partner|son|daughter|brother|sister|mum|mom|dad|husband|wife"
    r"|boyfriend|girlfriend|mate|child|flatmate)(?:'s|\s+is|\s+are|'re)\s+(?:\w+\s+)?"
    r"self[\s-]?harming)\b"
)


# People in general ("a lot of people end their lives…"): a fact, not a worry for
# someone the writer knows.
_PEOPLE_IN_GENERAL = re.compile(
    r"\b(?:(?:a\s+lot\s+of|lots\s+of|so\s+many|many|some|most|plenty\s+of|young|other"
    r"|older)\s+)?(?:people|men|women|teens|teenagers|students|veterans|folk|folks)\s*$"
)


# Someone else's death told as a loss, not a worry for now.
_LOSS = re.compile(
    r"\b(?:died|passed|killed\s+(?:him|her|them)sel(?:f|ves)|took\s+(?:his|her|their)"
    r"\s+(?:own\s+)?life|lost|funeral|ago|last\s+year|anniversary|memory|grave|survived"
    r"|survivors?|bereaved|podcast|article|documentary|interview\w*|poster|campaign)\b"
)


# Someone the writer knows, named as theirs or as "a" friend, then said to have told of
# it ("…when a friend says they want to…", "my son keeps saying he…", "a colleague who
# told me she…"): a question about what they said is a worry for them, not a question
# for information. People in general, "someone" or a character are not in it.
_KNOWN_PERSON = (
    r"\b(?:a|my|our|your|his|her|their)\s+(?:\w+\s+){0,2}?(?:friends?|mates?|pals?|son"
    r"|daughter|kids?|child|teen(?:ager)?|brother|sister|sibling|cousin|nephew|niece|mum"
    r"|mom|mother|dad|father|husband|wife|partner|boyfriend|girlfriend|bf|gf|fianc\w*"
    r"|ex|colleague|co-?worker|flatmate|roommate|housemate|classmate|student|pupil"
    r"|client|neighbou?r|grandson|granddaughter|uncle|aunt(?:ie)?|stepson|stepdaughter)"
    r"(?:\s+of\s+mine)?"
)
_SAID_BY_SOMEONE_KNOWN = re.compile(
    _KNOWN_PERSON
    + r"\s+(?:who\s+)?(?:\w+\s+)?(?:says|said|say|saying|told|tells|texted|texts"
    r"|messaged|messages|wrote|writes|posted|posts|mentioned|mentions|admitted|admits"
    r"|confided|joked|jokes|talks|talked|talking|keeps\s+saying|kept\s+saying)\s+"
    r"(?:(?:me|us|everyone|someone|that|about|of|online)\s+){0,2}(?:[\w']+\s+){0,4}?$"
)


def _asks_what_someone_known_said(context: Context, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` are what someone the writer knows said, in
    a question about it ("what does it mean when a friend says they want to kill
    themselves?"), and not someone already lost."""
    sentence_start, _ = context.sentence(start, end)
    return bool(
        _SAID_BY_SOMEONE_KNOWN.search(
            context.text, max(sentence_start, start - 90), start
        )
    ) and not _LOSS.search(context.sentence_text(start, end))


def _is_a_question_for_information(context: Context, start: int, end: int) -> bool:
    return bool(
        QUESTION_FOR_INFORMATION.match(context.sentence_text(start, end))
    ) and not _asks_what_someone_known_said(context, start, end)


# Words of risk as a supporter says them to someone ("end your life", "hurt yourself").
TO_THE_READER = re.compile(
    r"\b(?:(?:kill|killing|hurt|hurting|harm|harming|cut|cutting)\s+(?:your|ur)\s*self"
    r"|(?:end|ending|take|taking)\s+(?:your|ur)\s+(?:own\s+)?life|suicid\w*"
    r"|want\s+to\s+die|self[\s-]?harm\w*)\b"
)


def concern_for_others(context: Context, aside: list[RiskFinding]) -> list[RiskFinding]:
    text = context.text
    concern = [
        RiskFinding("concern_for_other", m.start(), m.end(), 0.7)
        for m in scan.finditer(_OTHER_PERSON, text)
        if not context.is_negated(m.start())
        and not _is_a_question_for_information(context, m.start(), m.end())
        and not IDIOMS.search(text, max(0, m.start() - 30), m.end() + 30)
        and not _PEOPLE_IN_GENERAL.search(context.clause_before(m.start()))
        # "Why do people say unalive instead of killed themselves?": a word.
        and not names_the_word(context, m.start(), m.end())
    ]
    concern += [
        RiskFinding("concern_for_other", f.start, f.end, 0.7)
        for f in aside
        if f.label == "about_someone_else"
        and not _LOSS.search(context.sentence_text(f.start, f.end))
        and not is_report(context.sentence_text(f.start, f.end))
        and not _is_a_question_for_information(context, f.start, f.end)
    ]
    return concern
