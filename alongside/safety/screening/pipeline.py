"""The screening pipeline: normalise → phrase rules → personal details → risk to life →
method detail → abuse → topics, and one outcome that is always explained to the author.

Outcomes (``Outcome``), from most to least restrictive:

``hold``
    Held for a facilitator to read before others see it, with a kind message and a way
    to edit and post now. Used for method or graphic self-harm detail, abuse aimed at
    someone, someone's personal details (with one-click removal offered), and phrase
    rules whose action is "hold for review". Never a silent deletion.
``allow_with_crisis_support``
    Shared with the group. The author privately sees a warm card with the
    organisation's crisis options and "talk to someone now". Used for risk to life, and
    for phrase rules that show crisis options.
``suggest_warning``
    Shared; the author is offered a content warning for the topic in one click.
``allow``
    Shared as written.

Whatever the outcome, ``needs_on_duty_alert`` says whether the person on duty must be
alerted (risk to the author's life, or a rule that asks for it), and
``shows_crisis_support`` whether the crisis card is shown: a post with risk to life
*and* method detail is held, and still shows the card and alerts the person on duty.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

import alongside.safety.screening.scan as scan
from alongside.safety.screening.abuse import find_abuse, find_named_insults
from alongside.safety.screening.context import Context
from alongside.safety.screening.method import find_method_detail
from alongside.safety.screening.method_told import find_told_method, with_own_plan
from alongside.safety.screening.normalise import Span, normalise
from alongside.safety.screening.personal_details import (
    HELD_KINDS,
    LINK_KINDS,
    REPLACEMENTS,
    find_personal_details,
)
from alongside.safety.screening.phrases import PhraseAction, PhraseRuleLike, match_rules
from alongside.safety.screening.places import PRIVATE_WORDING, HeldWording, Place
from alongside.safety.screening.risk import (
    URGENCY_IMMEDIATE,
    URGENCY_SIGNS,
    RiskAssessment,
    assess_risk,
)
from alongside.safety.screening.signals import Detector, Redaction, Signal
from alongside.safety.screening.topics import TOPIC_NAMES, Topic, find_topics


class Outcome(StrEnum):
    ALLOW = "allow"
    SUGGEST_WARNING = "suggest_warning"
    HOLD = "hold"
    ALLOW_WITH_CRISIS_SUPPORT = "allow_with_crisis_support"


class HoldReason(StrEnum):
    METHOD = "method"
    ABUSE = "abuse"
    PERSONAL_DETAILS = "personal_details"
    LINK = "link"
    PHRASE_RULE = "phrase_rule"


# What the author reads. Plain, warm, no jargon; never repeats their words.
_DETAIL_REASONS = {
    "phone": "It looks like this includes a phone number.",
    "email": "It looks like this includes an email address.",
    "postcode": "It looks like this includes a postcode.",
    "street_address": "It looks like this includes a home or street address.",
    "nhs_number": "It looks like this includes an NHS number.",
    "social_handle": "It looks like this includes a social media name.",
    "profile_link": "It looks like this includes a link to a social media profile.",
}
_DETAILS_WHY = (
    "To keep everyone safe we don't share contact details here. You can remove it with "
    "one click and post straight away, or a facilitator will look at it soon."
)
_LINK_REASON = (
    "Links are switched off in this service. You can remove the link with one click "
    "and post straight away, or a facilitator will look at it soon."
)
_METHOD_REASON = (
    "Your post is waiting for a facilitator to read it, because it may include details "
    "of ways of hurting yourself. We keep those details out of the group so that no one "
    "reading is put at risk. You're welcome to talk about how you feel: you can edit "
    "the details out and post now."
)
_ABUSE_REASON = (
    "Your post is waiting for a facilitator to read it, because part of it may come "
    "across as hurtful to someone. You can change it and post now, or wait for a "
    "facilitator. If you're angry or hurting, you're still welcome here."
)
_RULE_HOLD_REASON = (
    "Your post is waiting for a facilitator to read it, because it includes words "
    "that a facilitator checks first here. You can edit it and post now, or wait."
)
_GROUP_WORDING = HeldWording(
    details_why=_DETAILS_WHY,
    link=_LINK_REASON,
    method=_METHOD_REASON,
    abuse=_ABUSE_REASON,
    rule=_RULE_HOLD_REASON,
)
_CRISIS_REASON = (
    "Your post has been shared. It sounds like things are really hard right now. You "
    "don't have to go through this on your own: here are people you can talk to now."
)
_ON_DUTY_REASON = "Someone from the team has been told, so they can check in with you."
_CONCERN_REASON = (
    "It sounds like you're worried about someone. Below are ways to help them now and "
    "who to call, for them and for you."
)
_SELF_HARM_NOW_REASON = (
    "Your post has been shared. It sounds like you want to hurt yourself right now. "
    "You deserve support with that urge: here are people you can talk to now, and a "
    "few things that may help you get through the next few minutes."
)
_RESPONDING_SAFELY_REASON = (
    "Thank you for looking out for someone. A few words on responding safely are "
    "below your post, if they help."
)
_HELD_AND_SAFE = (
    "It sounds like things are really hard right now. Here are people you can talk to "
    "now, and someone from the team has been told so they can check in with you."
)


# Kinds of warning sign close to intent, which suggest the suicide warning alone.
_NEAR_INTENT_SIGNS = frozenset(
    {
        "factor_resolve",
        "factor_past_attempt",
        "factor_farewell",
        "factor_preparing",
    }
)


def _warning_reason(topic: str) -> str:
    names = {str(key): value for key, value in TOPIC_NAMES.items()}
    name = names.get(topic, topic.replace("_", " "))
    return (
        f"This might be hard for some people to read. Would you like to add a content "
        f"warning about {name}? It's one click, and it helps others choose what they read."
    )


@dataclass(frozen=True, slots=True)
class ScreeningResult:
    """What screening decided about one post, and why.

    ``signals`` and ``redactions`` hold offsets into the author's text, never the words
    themselves. ``urgency`` orders the moderation queue (higher first).
    """

    outcome: Outcome
    signals: tuple[Signal, ...] = ()
    suggested_warning: str | None = None
    redactions: tuple[Redaction, ...] = ()
    reasons_for_author: tuple[str, ...] = ()
    needs_on_duty_alert: bool = False
    shows_crisis_support: bool = False
    hold_reasons: tuple[HoldReason, ...] = ()
    topics: tuple[str, ...] = field(default=())
    # Which card the author sees: "crisis", "self_harm", "concern" (for someone
    # else), "responding_safely" (short guidance for a supporter), or "" for none.
    card: str = ""
    # How urgent an alert is (risk.URGENCY_*), 0 without an alert.
    alert_urgency: int = 0
    # Kinds of weak warning sign in the author's own words. Used only to weigh this
    # post with the author's next ones; never stored (not in ``as_dict``).
    weak_signs: frozenset[str] = frozenset()

    @property
    def is_held(self) -> bool:
        return self.outcome == Outcome.HOLD

    @property
    def urgency(self) -> int:
        """How soon a facilitator should look, higher first: 3 to 6 for an alert
        (see ``risk.URGENCY_*``: 6 a plan, a time or a goodbye; 5 intent; 4 warning
        signs or self-harm now; 3 signs built up over recent posts), 2 method detail,
        1 any other hold, 0 nothing to review."""
        if self.needs_on_duty_alert:
            return self.alert_urgency or URGENCY_SIGNS
        if HoldReason.METHOD in self.hold_reasons:
            return 2
        return 1 if self.is_held else 0

    def fired(self, detector: Detector) -> bool:
        return any(signal.detector == detector for signal in self.signals)

    def as_dict(self) -> dict[str, object]:
        return {
            "outcome": str(self.outcome),
            "needs_on_duty_alert": self.needs_on_duty_alert,
            "shows_crisis_support": self.shows_crisis_support,
            "suggested_warning": self.suggested_warning,
            "hold_reasons": [str(reason) for reason in self.hold_reasons],
            "topics": list(self.topics),
            "signals": [signal.as_dict() for signal in self.signals],
            "redactions": [redaction.as_dict() for redaction in self.redactions],
            "reasons_for_author": list(self.reasons_for_author),
        }


def apply_redactions(text: str, redactions: Iterable[Redaction]) -> str:
    """The text with the chosen redactions replaced: the one-click removal."""
    result = text
    for redaction in sorted(redactions, key=lambda r: r.span.start, reverse=True):
        result = (
            result[: redaction.span.start]
            + redaction.replacement
            + result[redaction.span.end :]
        )
    return result


def screen(
    text: str,
    *,
    rules: Iterable[PhraseRuleLike] = (),
    allows_links: bool = True,
    earlier_signs: frozenset[str] = frozenset(),
    place: Place = Place.GROUP,
) -> ScreeningResult:
    """Screen one post or message before anyone else sees it.

    ``earlier_signs`` are the kinds of weak warning sign in the author's own recent
    posts in the same group (``posts.earlier_signs``); nothing else about them is
    used. ``place`` is where it was written: it chooses only what the author is
    told when it is held (``places``), never the outcome.
    """
    try:
        return _screen(
            text,
            rules=rules,
            allows_links=allows_links,
            earlier_signs=earlier_signs,
            place=place,
        )
    finally:
        # The quick reading keeps where each word is; nothing of a post is kept
        # once it is screened.
        scan.forget()


def _screen(
    text: str,
    *,
    rules: Iterable[PhraseRuleLike],
    allows_links: bool,
    earlier_signs: frozenset[str],
    place: Place,
) -> ScreeningResult:
    if not text or not text.strip():
        return ScreeningResult(outcome=Outcome.ALLOW)
    views = normalise(text)
    words = views.words
    context = Context.of(words.text)
    signals: list[Signal] = []
    reasons: list[str] = []
    holds: list[HoldReason] = []
    redactions: list[Redaction] = []
    alert = False
    crisis = False
    warning: str | None = None

    def span(start: int, end: int) -> Span:
        return words.to_original(start, end)

    # Phrase rules chosen by the organisation and the group.
    rule_warning: str | None = None
    for match in match_rules(words, rules):
        rule = match.rule
        label = (
            f"rule:{rule.pk}@v{rule.version}" if rule.pk else f"rule@v{rule.version}"
        )
        signals.append(Signal(Detector.PHRASE_RULE, label, match.spans, 1.0))
        if rule.action == PhraseAction.HOLD:
            holds.append(HoldReason.PHRASE_RULE)
        elif rule.action == PhraseAction.SHOW_CRISIS_OPTIONS:
            crisis = True
        elif rule.action == PhraseAction.ALERT_ON_DUTY:
            alert = True
        elif rule.action == PhraseAction.SUGGEST_WARNING and rule.topic:
            rule_warning = rule_warning or rule.topic

    # Personal details, on the view that keeps digits and case.
    details_view = views.details
    held_details: list[str] = []
    for detail in find_personal_details(details_view):
        original = details_view.to_original(detail.start, detail.end)
        signals.append(
            Signal(
                Detector.PERSONAL_DETAILS, detail.kind, (original,), detail.confidence
            )
        )
        if detail.kind in HELD_KINDS or (
            detail.kind in LINK_KINDS and not allows_links
        ):
            redactions.append(
                Redaction(original, detail.kind, REPLACEMENTS[detail.kind])
            )
            if detail.kind in HELD_KINDS and detail.kind not in held_details:
                held_details.append(detail.kind)
            if detail.kind in LINK_KINDS and HoldReason.LINK not in holds:
                holds.append(HoldReason.LINK)
    if held_details:
        holds.append(HoldReason.PERSONAL_DETAILS)

    # Risk to life.
    abuse_found = find_abuse(context)
    goading = tuple(
        context.sentence(finding.start, finding.end)
        for finding in abuse_found
        if finding.label == "goads_self_harm"
    )
    risk = assess_risk(context, earlier_signs=earlier_signs, aimed_at_others=goading)
    methods = [(m.start, m.end) for m in find_method_detail(context)]
    methods += find_told_method(context, methods)
    risk = with_own_plan(risk, context, methods)
    for finding in risk.findings:
        signals.append(
            Signal(
                Detector.RISK_TO_LIFE,
                finding.label,
                (span(finding.start, finding.end),),
                finding.confidence,
            )
        )
    if risk.is_at_risk:
        alert = True
        crisis = True
    elif risk.is_concern_for_other:
        crisis = True

    # Method or graphic detail.
    for start, end in sorted(methods):
        signals.append(
            Signal(Detector.METHOD, "method_detail", (span(start, end),), 0.8)
        )
        if HoldReason.METHOD not in holds:
            holds.append(HoldReason.METHOD)

    # Abuse aimed at someone.
    for abuse in abuse_found:
        signals.append(
            Signal(
                Detector.ABUSE,
                abuse.label,
                (span(abuse.start, abuse.end),),
                abuse.confidence,
            )
        )
        if HoldReason.ABUSE not in holds:
            holds.append(HoldReason.ABUSE)
    for start, end in find_named_insults(details_view.text):
        original = details_view.to_original(start, end)
        if any(
            signal.detector == Detector.ABUSE and signal.spans[0].overlaps(original)
            for signal in signals
        ):
            continue
        signals.append(
            Signal(Detector.ABUSE, "insult_to_someone_named", (original,), 0.7)
        )
        if HoldReason.ABUSE not in holds:
            holds.append(HoldReason.ABUSE)

    # Topics for a content warning.
    topics = find_topics(words.text, context)
    for topic in topics:
        signals.append(
            Signal(
                Detector.TOPIC,
                str(topic.topic),
                tuple(span(start, end) for start, end in topic.spans),
                topic.confidence,
            )
        )
    topic_names = [str(topic.topic) for topic in topics]
    if risk.is_self_harm_now and Topic.SELF_HARM not in topic_names:
        topic_names.insert(0, str(Topic.SELF_HARM))
    elif (
        risk.is_at_risk
        and not risk.is_self_harm_now
        and Topic.SUICIDE not in topic_names
    ):
        topic_names.insert(0, str(Topic.SUICIDE))
    elif _NEAR_INTENT_SIGNS & risk.weak_signs and not (
        {Topic.SUICIDE, Topic.SELF_HARM} & set(topic_names)
    ):
        # A warning is a gentle offer: a sign close to intent (resolve, a past
        # attempt, a farewell, affairs put in order) is enough,
        # even one too weak to alert alone; a weak one ("I've made up my mind",
        # "I have a plan") is not.
        topic_names.insert(0, str(Topic.SUICIDE))
    warning = rule_warning or (topic_names[0] if topic_names else None)

    card = _card(crisis=crisis, risk=risk)
    alert_urgency = risk.urgency
    if alert and HoldReason.METHOD in holds:
        alert_urgency = URGENCY_IMMEDIATE

    # One outcome, explained.
    if holds:
        outcome = Outcome.HOLD
    elif crisis:
        outcome = Outcome.ALLOW_WITH_CRISIS_SUPPORT
    elif warning:
        outcome = Outcome.SUGGEST_WARNING
    else:
        outcome = Outcome.ALLOW

    wording = PRIVATE_WORDING.get(place, _GROUP_WORDING)
    if HoldReason.METHOD in holds:
        reasons.append(wording.method)
    if HoldReason.ABUSE in holds:
        reasons.append(wording.abuse)
    for kind in held_details:
        reasons.append(f"{_DETAIL_REASONS[kind]} {wording.details_why}")
    if HoldReason.LINK in holds:
        reasons.append(wording.link)
    if HoldReason.PHRASE_RULE in holds and len(holds) == 1:
        reasons.append(wording.rule)
    if crisis and risk.is_at_risk and card == "self_harm":
        reasons.append(f"{_SELF_HARM_NOW_REASON} {_ON_DUTY_REASON}")
    elif crisis and risk.is_at_risk:
        reasons.append(
            _HELD_AND_SAFE if holds else f"{_CRISIS_REASON} {_ON_DUTY_REASON}"
        )
    elif crisis and risk.is_concern_for_other:
        reasons.append(_CONCERN_REASON)
    elif crisis:
        reasons.append(_CRISIS_REASON)
    elif card == "responding_safely":
        reasons.append(_RESPONDING_SAFELY_REASON)
    if warning and outcome != Outcome.HOLD:
        reasons.append(_warning_reason(warning))

    return ScreeningResult(
        outcome=outcome,
        signals=tuple(sorted(signals, key=lambda s: (s.spans[0].start, s.detector))),
        suggested_warning=warning,
        redactions=tuple(sorted(redactions, key=lambda r: r.span.start)),
        reasons_for_author=tuple(reasons),
        needs_on_duty_alert=alert,
        shows_crisis_support=crisis,
        hold_reasons=tuple(holds),
        topics=tuple(topic_names),
        card=card,
        alert_urgency=alert_urgency if alert else 0,
        weak_signs=risk.weak_signs,
    )


def _card(*, crisis: bool, risk: RiskAssessment) -> str:
    """The card the author sees: for themselves, for someone else, or guidance."""
    if risk.is_at_risk:
        return "self_harm" if risk.is_self_harm_now and risk.urgency < 5 else "crisis"
    if risk.is_concern_for_other:
        return "concern"
    if crisis:
        return "crisis"
    return "responding_safely" if risk.is_supporting else ""
