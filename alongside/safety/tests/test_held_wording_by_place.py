"""What an author is told about a held post or message depends on where they wrote
it: a group promises its facilitator and one-click removal; a one-to-one pair and a
conversation with the team promise neither, since they have neither. The outcome
never changes with the place."""

from __future__ import annotations

import pytest

from alongside.safety.screening import HoldReason, Outcome, screen
from alongside.safety.screening.phrases import PhraseRuleSpec
from alongside.safety.screening.places import Place

HELD = {
    HoldReason.PERSONAL_DETAILS: ("call me on 07700 900123 x", ()),
    HoldReason.LINK: ("see https://example.com/page", ()),
    HoldReason.METHOD: ("how many pills would it take to die", ()),
    HoldReason.ABUSE: ("shut up you stupid cow", ()),
    HoldReason.PHRASE_RULE: (
        "it was the weigh-in",
        (PhraseRuleSpec(pattern="weigh-in", action="hold"),),
    ),
}


def _screened(reason: HoldReason, place: Place) -> tuple[Outcome, str]:
    text, rules = HELD[reason]
    result = screen(text, rules=rules, allows_links=False, place=place)
    assert reason in result.hold_reasons
    return result.outcome, " ".join(result.reasons_for_author)


@pytest.mark.parametrize("reason", list(HELD))
def test_a_group_post_waits_for_a_facilitator(reason: HoldReason) -> None:
    outcome, told = _screened(reason, Place.GROUP)
    assert outcome == Outcome.HOLD
    assert "facilitator" in told


@pytest.mark.parametrize("reason", list(HELD))
@pytest.mark.parametrize("place", [Place.PAIR, Place.TEAM])
def test_a_private_message_waits_for_the_team_and_promises_no_group(
    reason: HoldReason, place: Place
) -> None:
    outcome, told = _screened(reason, place)
    assert outcome == Outcome.HOLD
    assert "someone from the team" in told.lower()
    for promise in ("facilitator", "one click", "post straight away", "the group"):
        assert promise not in told
    assert "send it again" in told


def test_details_in_a_pair_are_kept_out_to_keep_the_two_safe() -> None:
    _, told = _screened(HoldReason.PERSONAL_DETAILS, Place.PAIR)
    assert "It looks like this includes a phone number." in told
    assert "one-to-one messages, to keep you both safe" in told
