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


# --- "Weed" as gardening ------------------------------------------------------------

WEEDING = [
    "the garden won't weed itself",
    "I need to weed the garden this weekend",
    "spent Saturday weeding, my back is sore",
    "we weeded the allotment and had a picnic",
    "the interview panel will weed out the weaker candidates",
    "I'll weed tomorrow if it stays dry",
    "bought some weed killer for the patio",
    "can you weed between the paving stones?",
    "weed the borders before the frost, then rest",
]

THE_DRUG = [
    "smoking weed",
    "bought some weed",
    "I've been smoking weed every night to sleep",
    "I turned to weed to cope after the divorce",
    "weed is the only thing that helps",
    "my brother sells weed",
    "went back to weed after six months clean",
    "I want to smoke weed and forget",
    "got some weed the other day",
]


@pytest.mark.parametrize("sentence", WEEDING)
def test_weeding_is_offered_no_drugs_warning(sentence: str) -> None:
    result = screen(sentence)

    assert "substances" not in result.topics
    assert result.suggested_warning != "substances"


@pytest.mark.parametrize("sentence", THE_DRUG)
def test_weed_the_drug_is_still_offered_the_warning(sentence: str) -> None:
    assert screen(sentence).suggested_warning == "substances"
