"""Kinds the eleventh round left: a question about what someone the writer knows said
of wanting to die; "weed" as gardening; and "I won't be here tomorrow" followed by
where the writer will be instead. Each has its near neighbours, on both sides. Every
sentence is written here."""

from __future__ import annotations

import pytest

from alongside.safety.screening import screen

# --- A question about what someone the writer knows said -----------------------------

ASKED_WHAT_SOMEONE_SAID = [
    "what does it mean when a friend says they want to kill themselves?",
    "what should I do if my son says he wants to die?",
    "how do I help a colleague who told me she wants to end her life?",
    "what do you say when your best mate texts that he wants to kill himself?",
    "how should I respond when my partner says he'd be better off dead?",
    "what can I do, my brother said he wants to end it all?",
    "what do I do when a student tells me they want to kill themselves?",
    "what if my mum says she wants to die again?",
]

QUESTIONS_THAT_STAY_AS_THEY_ARE = [
    # A word asked about, as last round.
    "what does kms mean?",
    "what does it mean when my friend says kms?",
    'what does it mean when my son says "unalive"?',
    "how do you spell suicidal?",
    # People in general, "someone", a character: questions for information.
    "what does it mean when people say they want to kill themselves?",
    "what does it mean when someone says they want to die?",
    "what does it mean when a character in a film says they want to kill themselves?",
    "how do people kill themselves?",
    # Someone already lost; something else said.
    "what did my dad mean when he said he wanted to die, before he passed?",
    "what does it mean when a friend says they're tired all the time?",
]


@pytest.mark.parametrize("sentence", ASKED_WHAT_SOMEONE_SAID)
def test_a_question_about_what_someone_known_said_shows_the_card_for_them(
    sentence: str,
) -> None:
    result = screen(sentence)

    assert result.card == "concern"
    assert not result.needs_on_duty_alert


@pytest.mark.parametrize("sentence", QUESTIONS_THAT_STAY_AS_THEY_ARE)
def test_a_question_about_a_word_or_people_in_general_shows_no_card(
    sentence: str,
) -> None:
    result = screen(sentence)

    assert result.card == ""
    assert not result.needs_on_duty_alert


def test_a_question_with_the_writers_own_wish_still_alerts() -> None:
    result = screen("how do I tell a friend I want to kill myself?")

    assert result.needs_on_duty_alert
    assert result.card == "crisis"
