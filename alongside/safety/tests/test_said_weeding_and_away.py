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


# --- "I won't be here tomorrow" and where the writer will be instead ----------------

AWAY_SOMEWHERE_ELSE = [
    "I won't be here tomorrow, I'm at my sister's",
    "I won't be here tomorrow, I'm working",
    "I won't be here tomorrow as I'm away",
    "I will not be here tomorrow, I'm at a conference",
    "I won't be here tomorrow, I'm in hospital for a scan",
    "won't be here tomorrow - at my mum's for the weekend",
    "I won't be here tomorrow because I'm working a double",
    "I won't be around tomorrow night, I'm at my sister's",
    "Just so you know I won't be here tomorrow, I'll be at my sister's.",
    "I won't be here tomorrow. I'm at a wedding in York.",
    "Won't be here tomorrow, got a hospital appointment",
    "I will not be here tomorrow as I'm on nights",
    "I won't be here next week, I'm on holiday",
    "I won't be here tomorrow, I'm off to my nan's",
]

STILL_A_GOODBYE = [
    "I won't be here tomorrow",
    "I will not be here tomorrow.",
    "I won't be here tomorrow. Goodbye everyone.",
    "I won't be here tomorrow, the pills are ready",
    "I won't be here tomorrow, I'm at peace with it",
    "I won't be here tomorrow, I'm going to be with my dad",
    "I won't be here tomorrow, I'm done",
    "I won't be here tomorrow, I'm away to the bridge",
    "I won't be here tomorrow, I'm going to the river",
    "I won't be here tomorrow, I'll be in heaven",
    "I won't be here tomorrow, I'm away. Love you all.",
    "I won't be here tomorrow, I'm at my sister's with the tablets",
    "I won't be here any more, I'm at my sister's",
    "I won't be here much longer, I'm tired of everything",
]


@pytest.mark.parametrize("sentence", AWAY_SOMEWHERE_ELSE)
def test_away_somewhere_else_for_a_day_stays_quiet(sentence: str) -> None:
    result = screen(sentence)

    assert not result.needs_on_duty_alert
    assert result.card == ""


@pytest.mark.parametrize("sentence", STILL_A_GOODBYE)
def test_not_here_alone_or_beside_a_goodbye_or_means_still_alerts(
    sentence: str,
) -> None:
    result = screen(sentence)

    assert result.needs_on_duty_alert
    assert result.card == "crisis"
