"""The real screener for conversations, and what follows screening.

`screen_for_conversations` has the conversations `Screener` signature: it runs the
safety pipeline (`screen_post`) and maps its result to the conversations result.
`after_post_screened` runs after a screened post is committed: when a life may be at
risk, the person on duty is alerted. Neither logs nor stores the text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from alongside.conversations.screening import Outcome, ScreeningResult
from alongside.safety.screening.pipeline import Outcome as PipelineOutcome
from alongside.safety.screening.pipeline import ScreeningResult as PipelineResult
from alongside.safety.screening.posts import screen_post

if TYPE_CHECKING:
    from alongside.accounts.models import Person
    from alongside.organisations.models import Organisation
    from alongside.peergroups.models import PeerGroup


def labels_of(result: PipelineResult) -> list[str]:
    """Short machine labels for the queue: why it was held, and what fired."""
    labels = [str(reason) for reason in result.hold_reasons]
    if result.needs_on_duty_alert:
        labels.insert(0, "risk_to_life")
    elif result.shows_crisis_support:
        labels.append("crisis_support")
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
    text: str, *, group: PeerGroup, author: Person
) -> ScreeningResult:
    return to_conversations_result(screen_post(text, group=group, author=author))


def screen_private_message(
    text: str, *, organisation: Organisation, author: Person
) -> ScreeningResult:
    """A message in a private conversation, with the organisation's own rules (it
    belongs to no group, so no group's rules apply)."""
    from alongside.safety.models import PhraseRule
    from alongside.safety.screening.pipeline import screen

    rules = list(
        PhraseRule.objects.active().filter(
            organisation=organisation, group__isnull=True
        )
    )
    return to_conversations_result(
        screen(text, rules=rules, allows_links=organisation.allows_links)
    )


def after_post_screened(post_id: int, result: ScreeningResult) -> None:
    if not result.needs_on_duty_alert:
        return
    from alongside.safety.actions import raise_escalation

    raise_escalation(post_id=post_id)
