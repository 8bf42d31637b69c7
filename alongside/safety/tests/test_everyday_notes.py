"""A note written in daily life ("a note to my landlord about the damp") raises no
alert; a note for one's family, or "I've written my note" with nothing more, still
does. Every sentence is written here."""

from __future__ import annotations

import pytest

from alongside.safety.screening import screen

EVERYDAY = [
    "I wrote a note to my landlord about the damp.",
    "I'm writing a note to the school about the trip.",
    "I wrote a note for the milkman.",
    "I wrote a note to myself so I don't forget the appointment.",
    "I wrote a note saying I'd be late.",
    "I've written letters to my boss about the rota.",
    "I wrote a note on the fridge for whoever's cooking.",
]

STILL_ALERTS = [
    "I've written my note.",
    "I've written a note for my kids.",
    "I've written letters to my family.",
    "I wrote a note saying goodbye.",
]


@pytest.mark.parametrize("sentence", EVERYDAY)
def test_an_everyday_note_raises_no_alert(sentence: str) -> None:
    result = screen(sentence)

    assert not result.needs_on_duty_alert
    assert result.card != "crisis"


@pytest.mark.parametrize("sentence", STILL_ALERTS)
def test_a_note_for_family_or_with_nothing_more_still_alerts(sentence: str) -> None:
    assert screen(sentence).needs_on_duty_alert
