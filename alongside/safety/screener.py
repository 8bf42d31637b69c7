"""The real screener for conversations, and what follows screening.

`screen_for_conversations` has the conversations `Screener` signature: it runs the
safety pipeline (`screen_post`) and maps its result to the conversations result.
`after_post_screened` runs after a screened post is committed: when a life may be at
risk, the person on duty is alerted. Neither logs nor stores the text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from alongside.conversations.screening import Outcome, PrivatePlace, ScreeningResult
from alongside.safety.screening.pipeline import Outcome as PipelineOutcome
from alongside.safety.screening.pipeline import ScreeningResult as PipelineResult
from alongside.safety.screening.posts import rules_for_group, screen_post

if TYPE_CHECKING:
    from alongside.accounts.models import Person
    from alongside.organisations.models import Organisation
    from alongside.peergroups.models import PeerGroup


# The card the author is shown, kept with the post so its page shows the right one.
CARD_LABELS = {
    "self_harm": "self_harm_now",
    "concern": "concern_for_someone",
    "responding_safely": "responding_safely",
}


def labels_of(result: PipelineResult) -> list[str]:
    """Short machine labels for the queue: why it was held, what fired, and which
    card the author was shown."""
    labels = [str(reason) for reason in result.hold_reasons]
    if result.needs_on_duty_alert:
        labels.insert(0, "risk_to_life")
    elif result.shows_crisis_support:
        labels.append("crisis_support")
    if result.card in CARD_LABELS:
        labels.append(CARD_LABELS[result.card])
    return list(dict.fromkeys(labels))


def to_conversations_result(result: PipelineResult) -> ScreeningResult:
    outcome: Outcome
    if result.outcome == PipelineOutcome.HOLD:
        outcome = "hold"
    elif result.suggested_warning:
        outcome = "allow_with_warning_suggestion"
    else:
        outcome = "allow"
    return ScreeningResult(
        outcome=outcome,
        reasons=labels_of(result),
        suggested_warning=result.suggested_warning,
        reasons_for_author=tuple(result.reasons_for_author),
        shows_crisis_support=result.shows_crisis_support,
        needs_on_duty_alert=result.needs_on_duty_alert,
        urgency=result.urgency,
        redactions=tuple(
            (r.span.start, r.span.end, r.replacement) for r in result.redactions
        ),
    )


def screen_for_conversations(
    text: str, *, group: PeerGroup, author: Person, rules: object = None
) -> ScreeningResult:
    """``rules``: the group's rules from ``rules_for`` below, when the caller keeps
    them (a live socket); read here otherwise."""
    held = rules if isinstance(rules, list) else None
    return to_conversations_result(
        screen_post(text, group=group, author=author, rules=held)
    )


# What the conversations app may keep between posts (conversations.screening).
screen_for_conversations.rules_for = rules_for_group  # type: ignore[attr-defined]


def screen_private_message(
    text: str,
    *,
    organisation: Organisation,
    author: Person,
    place: PrivatePlace = "team",
) -> ScreeningResult:
    """A message in a private conversation, with the organisation's own rules (it
    belongs to no group, so no group's rules apply). ``place`` (a one-to-one pair,
    or a conversation with the team) chooses what its author is told if it is
    held."""
    from alongside.safety.models import PhraseRule
    from alongside.safety.screening.pipeline import screen
    from alongside.safety.screening.places import Place

    rules = list(
        PhraseRule.objects.active().filter(
            organisation=organisation, group__isnull=True
        )
    )
    return to_conversations_result(
        screen(
            text,
            rules=rules,
            allows_links=organisation.allows_links,
            place=Place(place),
        )
    )


def after_post_screened(post_id: int, result: ScreeningResult) -> None:
    if result.outcome == "hold" and not result.needs_on_duty_alert:
        _tell_staff_of_held_post(post_id)
    if not result.needs_on_duty_alert:
        return
    from alongside.safety.actions import raise_escalation

    raise_escalation(post_id=post_id)


def _tell_staff_of_held_post(post_id: int) -> None:
    """A held post waits in its group's queue: open Today pages look again."""
    from alongside.conversations.models import Post
    from alongside.core.live import tell_staff_pages

    organisation_id = (
        Post.objects.filter(pk=post_id)
        .values_list("group__organisation_id", flat=True)
        .first()
    )
    if organisation_id is not None:
        tell_staff_pages(organisation_id=organisation_id)
