"""Putting the parts together: whether one post shows risk to the writer's life,
how urgent it is, and whether it speaks of someone else or to the reader."""

from __future__ import annotations

import re

import alongside.safety.screening.scan as scan
from alongside.safety.screening.context import IDIOMS, Context
from alongside.safety.screening.risk.asked import asked_and_denied
from alongside.safety.screening.risk.denied import DENIED
from alongside.safety.screening.risk.everyday import is_everyday
from alongside.safety.screening.risk.factors import (
    OF_SOMEONE,
    distinct_kinds,
    factor_score,
    risk_factors,
)
from alongside.safety.screening.risk.faith import FAITH_PATTERNS
from alongside.safety.screening.risk.farewells import FAREWELL_PATTERNS
from alongside.safety.screening.risk.findings import (
    URGENCY_BUILD_UP,
    URGENCY_IMMEDIATE,
    URGENCY_INTENT,
    URGENCY_SIGNS,
    RiskAssessment,
    RiskFinding,
)
from alongside.safety.screening.risk.intent import (
    ALERT_THRESHOLD,
    BARE_SUICIDE,
    COMPILED_PATTERNS,
    TIMEFRAME,
)
from alongside.safety.screening.risk.joining import (
    going_to_be_with_someone,
    going_with_someone,
    joining_the_dead,
)
from alongside.safety.screening.risk.means_named import (
    MEANS_PATTERNS,
    is_kept_by_the_writer,
)
from alongside.safety.screening.risk.others import TO_THE_READER, concern_for_others
from alongside.safety.screening.risk.own_voice import own_voice
from alongside.safety.screening.risk.presence import (
    is_absence_from_an_occasion,
    is_away_somewhere_else,
)
from alongside.safety.screening.risk.prudence import is_prudent_planning
from alongside.safety.screening.risk.quiet import ASKS_THE_GROUP
from alongside.safety.screening.risk.returning import (
    is_last_of_something,
    promises_return,
)
from alongside.safety.screening.risk.same_here import means_shared_with_the_reader
from alongside.safety.screening.risk.simple_grammar import SIMPLE_GRAMMAR
from alongside.safety.screening.risk.subject import (
    names_suicide_as_a_subject,
    names_the_word,
    own_thoughts_of_suicide,
    talks_of_suicide_as_a_cause,
    talks_of_suicide_in_general,
)
from alongside.safety.screening.risk.tedium import is_kms_said_of_a_mishap
from alongside.safety.screening.risk.without_me import (
    WITHOUT_ME_PATTERNS,
    pays_on_anothers_death,
    says_my_death_pays,
)
from alongside.safety.screening.stance import Stance, stance_of

# Wanting to hurt oneself now or tonight: not a risk to life by its words, but the
# person needs support straight away.
_SELF_HARM_NOW = re.compile(
    r"\b(?:(?:i'?ll|i\s+will|going\s+to|gonna|want\s+to|wanna|about\s+to|need\s+to"
    r"|urges?\s+to|tempted\s+to|i\s+know\s+i'?ll|i'?m\s+going\s+to)\s+(?:\w+\s+){0,2}?"
    r"(?:cut|hurt|harm|burn|hit|scratch|self[\s-]?harm)(?:\s+my\s*self)?|self[\s-]?harm"
    r"|relapse)\b"
)
# Time free of self-harm, counted: "two years free from self-harm today".
_FREE_OF = re.compile(
    r"\b(?:free|clean|recovered|recovering|recovery|away|break)\s+(?:from|of)\s*$"
    r"|\b(?:days?|weeks?|months?|years?)\s+(?:\w+\s+)?(?:without|since\s+(?:my\s+"
    r"|i\s+last\s+)?)\s*$"
)
_NOW = re.compile(
    r"\b(?:tonight|right\s+now|now|today|this\s+(?:evening|afternoon|morning)|about\s+to"
    r"|so\s+(?:badly|strong)|can'?t\s+stop|in\s+a\s+minute|(?:when|after|once)\s+(?:everyone"
    r"|everybody|the\s+kids|my\s+\w+)(?:'s|\s+(?:has|have|is|are))?\s+(?:gone\s+to\s+bed"
    r"|gone|asleep|in\s+bed|out))\b"
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


# A time that is not long ago: "last night I tried…" is the writer now, even in a post
# that also tells of school days.
_RECENT = re.compile(
    r"\b(?:yesterday|last\s+night|earlier\s+today|this\s+(?:week|morning)|last\s+week"
    r"|(?:a\s+few|two|three|\d+)\s+days\s+ago)\b"
)


# The words of intent, plans and goodbyes, and the kinds read in modules of their own:
# others' lives easier without the writer, means named, faith, goodbyes written down
# or said, and simple grammar.
_ALL_PATTERNS = COMPILED_PATTERNS + tuple(
    (label, re.compile(pattern), confidence, inherent)
    for label, pattern, confidence, inherent in (
        WITHOUT_ME_PATTERNS
        + MEANS_PATTERNS
        + FAITH_PATTERNS
        + FAREWELL_PATTERNS
        + SIMPLE_GRAMMAR
    )
)


# The reader's own words told back to them: "when you said you'd written a note",
# "in your last message". A goodbye or a plan said to "you" otherwise keeps its weight
# ("by the time you read this").
_THE_READERS_OWN = re.compile(
    r"\b(?:you|u)\s+(?:said|say|wrote|write|mentioned|told\s+(?:us|me)|posted|shared"
    r"|talked\s+about)\b|\b(?:your|ur)\s*$"
)


def _is_past(context: Context, start: int, end: int) -> bool:
    matched = context.text[start:end]
    before = context.clause_before(start)
    return bool(_PAST_VERB.match(matched) or _PAST_BEFORE.search(before[-60:]))


def _inside_an_idiom(text: str, start: int, end: int) -> bool:
    """Whether an idiom takes in the words at ``start:end`` ("this exam is killing
    me"); an idiom beside them ("I want to die, this job is killing me") does not."""
    return any(
        idiom.start() < end and start < idiom.end()
        for idiom in IDIOMS.finditer(text, max(0, start - 30), end + 30)
    )


def weak_signs_in(context: Context) -> frozenset[str]:
    """The kinds of warning sign in the writer's own words, as counted for build-up."""
    return assess_risk(context).weak_signs


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
    for label, pattern, confidence, inherent in _ALL_PATTERNS:
        for match in scan.finditer(pattern, text):
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
            if not inherent and (
                _inside_an_idiom(text, start, end)
                or is_kms_said_of_a_mishap(context, start, end)
            ):
                set_aside.append(RiskFinding("idiom", start, end, 0.1))
                continue
            if (
                is_everyday(context, start, end)
                or is_absence_from_an_occasion(context, start, end)
                or is_away_somewhere_else(context, start, end)
                or is_prudent_planning(context, start, end)
            ) or (
                label == "goodbye"
                and (
                    promises_return(context, start, end)
                    or is_last_of_something(context, start, end)
                )
            ):
                set_aside.append(RiskFinding("everyday", start, end, 0.1))
                continue
            # "We need to talk more about suicide": a cause, whoever is named; or
            # the word itself named ("unalive is such a weird word").
            if talks_of_suicide_as_a_cause(context, start, end) or names_the_word(
                context, start, end
            ):
                set_aside.append(RiskFinding("mention", start, end, 0.2))
                continue
            # "The suicide of a loved one", "thinking about the death of my dad".
            if (
                match.group(0).endswith(("suicide", "death"))
                and OF_SOMEONE.match(text, end)
            ) or pays_on_anothers_death(context, start, end):
                set_aside.append(RiskFinding("someone_elses_death", start, end, 0.3))
                continue
            # Others named as the ones who benefit ("everyone will be fine with the
            # life insurance") leave the death the writer's own.
            if stance == Stance.OTHER and not (
                (
                    label == "own_question"
                    and ASKS_THE_GROUP.match(context.sentence_text(start, end))
                )
                or says_my_death_pays(context, start, end)
                or is_kept_by_the_writer(context, start, end)
            ):
                set_aside.append(RiskFinding("about_someone_else", start, end, 0.3))
                continue
            if (
                stance == Stance.READER
                and (
                    label not in {"goodbye", "plan"}
                    or _THE_READERS_OWN.search(context.clause_before(start)[-50:])
                )
            ) or (
                stance == Stance.QUESTION
                and label not in {"goodbye", "plan", "own_question"}
            ):
                set_aside.append(RiskFinding("to_the_reader", start, end, 0.2))
                continue
            if stance == Stance.REPORT:
                set_aside.append(RiskFinding("report", start, end, 0.2))
                continue
            if stance == Stance.SELF_PAST:
                set_aside.append(RiskFinding("past_experience", start, end, 0.3))
                continue
            if (stance == Stance.NEUTRAL and BARE_SUICIDE.match(match.group(0))) or (
                names_suicide_as_a_subject(text, end)
                or talks_of_suicide_in_general(context, start, end)
            ):
                set_aside.append(RiskFinding("mention", start, end, 0.2))
                continue
            if (
                (not inherent and context.is_negated(start))
                or DENIED.match(match.group(0))
                or asked_and_denied(context, start, end)
            ):
                set_aside.append(RiskFinding("negated", start, end, 0.1))
                continue
            if (
                _is_past(context, start, end)
                and (context.has_recovery or context.is_distant_past(start, end))
                and not _RECENT.search(
                    context.clause_before(start) + context.clause_after(end)
                )
            ):
                set_aside.append(RiskFinding("past_experience", start, end, 0.3))
                continue
            if context.has_recovery and context.is_distant_past(start, end):
                set_aside.append(RiskFinding("past_experience", start, end, 0.3))
                continue
            findings.append(RiskFinding(label, start, end, confidence))
    # A question or a general "you" that speaks for the writer ("anyone else feel
    # like…?"): read as the writer's own, whatever the stance reader said.
    for finding in [
        *own_voice(context),
        *joining_the_dead(context),
        *going_to_be_with_someone(context),
        *going_with_someone(context),
        *means_shared_with_the_reader(context),
        *own_thoughts_of_suicide(context, set_aside),
    ]:
        if not any(f.start < finding.end and finding.start < f.end for f in findings):
            findings.append(finding)
            set_aside = [
                f
                for f in set_aside
                if not (f.start < finding.end and finding.start < f.end)
            ]

    strong = [f for f in findings if f.confidence >= ALERT_THRESHOLD]
    despair = [f for f in findings if f.label == "despair"]
    # Two separate expressions of despair together are as worrying as one of intent.
    is_at_risk = bool(strong) or len(despair) >= 2
    urgency = URGENCY_INTENT if is_at_risk else 0
    weak_signs: frozenset[str] = frozenset()
    if not context.has_recovery:
        factors = risk_factors(context, set_aside)
        kinds = {f.label for f in factors}
        weak_signs = frozenset(kinds)
        if not is_at_risk and factor_score(distinct_kinds(kinds)) >= 2:
            is_at_risk, urgency = True, URGENCY_SIGNS
            findings.extend(factors)
        elif not is_at_risk and kinds:
            together = distinct_kinds(kinds | earlier_signs)
            if factor_score(together) >= 2:
                is_at_risk, urgency = True, URGENCY_BUILD_UP
                findings.extend(factors)
                findings.append(RiskFinding("build_up", 0, 0, 0.5))
    if strong:
        for match in scan.finditer(TIMEFRAME, text):
            sentence = context.sentence(match.start(), match.end())
            if any(sentence[0] <= f.start < sentence[1] for f in strong):
                findings.append(
                    RiskFinding("timeframe", match.start(), match.end(), 0.95)
                )
    if any(f.label in {"timeframe", "plan", "goodbye"} for f in findings):
        urgency = URGENCY_IMMEDIATE
    self_harm_now = False
    for match in scan.finditer(_SELF_HARM_NOW, text):
        start, end = match.start(), match.end()
        if (
            context.is_negated(start)
            or stance_of(context, start, end) not in {Stance.SELF_NOW}
            or _FREE_OF.search(context.clause_before(start)[-40:])
        ):
            continue
        if _NOW.search(context.sentence_text(start, end)):
            self_harm_now = True
            findings.append(RiskFinding("self_harm_now", start, end, 0.8))
            break
    if self_harm_now and not is_at_risk:
        is_at_risk, urgency = True, URGENCY_SIGNS
    concern = [] if is_at_risk else concern_for_others(context, set_aside)
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
                # "How do you spell suicidal?", "is it wrong to say committed
                # suicide?" ask about a word, not how to help.
                and not any(
                    names_the_word(context, begin, finish)
                    for begin, finish in [(m.start(), m.end())]
                    + [
                        (f.start, f.end)
                        for f in set_aside
                        if f.label == "mention" and f.start <= m.start() < f.end
                    ]
                )
                for m in scan.finditer(TO_THE_READER, text)
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
