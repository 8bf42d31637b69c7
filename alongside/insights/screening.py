"""Screening of anonymous feedback before it is sent, with the same pipeline as a
post: identifying details are pointed out to the writer (who may take them out or
send anyway), and words showing a risk to life bring up the crisis options at once,
with the plain note that anonymous feedback cannot be answered. Nothing is logged
or kept from the screening itself."""

from __future__ import annotations

from dataclasses import dataclass

from alongside.organisations.models import Organisation
from alongside.safety.models import PhraseRule
from alongside.safety.screening.pipeline import HoldReason, screen


@dataclass(frozen=True)
class FeedbackScreening:
    # Plain sentences for the writer, e.g. "It looks like this includes a phone
    # number." Never their words.
    details: tuple[str, ...] = ()
    risk_to_life: bool = False

    @property
    def needs_a_second_look(self) -> bool:
        return bool(self.details) or self.risk_to_life


def screen_feedback(text: str, *, organisation: Organisation) -> FeedbackScreening:
    """What the writer should be shown before their feedback goes."""
    rules = list(
        PhraseRule.objects.active().filter(
            organisation=organisation, group__isnull=True
        )
    )
    result = screen(text, rules=rules, allows_links=organisation.allows_links)
    details: tuple[str, ...] = ()
    if HoldReason.PERSONAL_DETAILS in result.hold_reasons:
        details = tuple(
            reason
            for reason in result.reasons_for_author
            if reason.startswith("It looks like this includes")
        ) or ("It looks like this includes someone's personal details.",)
    return FeedbackScreening(
        details=details,
        risk_to_life=result.needs_on_duty_alert or result.shows_crisis_support,
    )
