"""Kinds the tenth round left: a short goodbye beside a means, in either order; an
implied goodbye to several people with going to be with someone now; one's death said
to pay, whoever benefits; planning how to do a named ordinary task; a goodbye that will
see people again offered no warning; and a question about a word itself. Each has its
near neighbours, on both sides. Every sentence is written here."""

from __future__ import annotations

import pytest

from alongside.safety.screening import screen

# --- A short goodbye beside a means at hand, in either order -------------------------

GOODBYE_AND_MEANS = [
    "The pills are lined up. Bye all.",
    "the rope is ready, bye everyone",
    "All my tablets are counted out on the table. Goodbye everyone.",
    "The blades are on the side. Bye guys.",
    "all the pills are in my hand now, goodbye all",
    # The order the older rule read.
    "Bye all. The pills are lined up.",
    "bye everyone, the noose is up",
]

GOODBYE_AND_AN_ERRAND = [
    "Picked up the tablets from the chemist. Bye all, see you Thursday.",
    "the tablets for my back are working, bye all",
    "The razors are in the bathroom cabinet if you need one. Bye all!",
    "The pills from the pharmacy are on the side for Mum. Bye everyone, back tomorrow.",
    "The tablets are in my bag, the chemist finally had them. Bye all x",
    # Too far apart: three sentences between the means and the goodbye.
    "The pills are on the side. Work was long. The bus was late. Bye all.",
]


@pytest.mark.parametrize("sentence", GOODBYE_AND_MEANS)
def test_a_goodbye_beside_a_means_alerts_in_either_order(sentence: str) -> None:
    result = screen(sentence)

    assert result.needs_on_duty_alert
    assert result.card == "crisis"


@pytest.mark.parametrize("sentence", GOODBYE_AND_AN_ERRAND)
def test_a_goodbye_beside_an_errand_or_far_from_a_means_is_quiet(sentence: str) -> None:
    assert not screen(sentence).needs_on_duty_alert
