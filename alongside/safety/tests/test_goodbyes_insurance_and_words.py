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


# --- A goodbye that will see people again: no warning offered ------------------------

SEE_YOU_AGAIN = [
    "goodbye everyone, see you soon",
    "bye all, see you later",
    "See you all next week, goodbye!",
    "See you soon. Goodbye.",
    "Signing off for tonight, goodbye everyone, back on Monday.",
    "Goodbye all, see you after the holidays",
    "thanks everyone, see you tomorrow, bye everyone",
]

FINAL_WORDS_BESIDE_IT = [
    "Goodbye everyone, I'm sorry, see you soon.",
    "goodbye everyone, thank you for everything, see you soon",
    "goodbye world, see you soon",
    "Goodbye everyone, see you on the other side.",
    "bye all, see you later, I want to die",
]


@pytest.mark.parametrize("sentence", SEE_YOU_AGAIN)
def test_a_goodbye_that_will_see_people_again_is_offered_no_warning(
    sentence: str,
) -> None:
    result = screen(sentence)

    assert not result.needs_on_duty_alert
    assert result.suggested_warning is None
    assert result.card == ""


@pytest.mark.parametrize("sentence", FINAL_WORDS_BESIDE_IT)
def test_a_return_beside_final_words_still_alerts_with_a_warning(sentence: str) -> None:
    result = screen(sentence)

    assert result.needs_on_duty_alert
    assert result.suggested_warning == "suicide"


# --- A question about a word itself: no card -----------------------------------------

ABOUT_THE_WORD = [
    "why do people say unalive instead of suicide?",
    "why do people write unalive instead of killed themselves?",
    "what does kms mean?",
    "what does ctb stand for?",
    "is it wrong to say committed suicide?",
    'why is it "died by suicide" and not "committed suicide"?',
    'why do people say "end their life" instead of suicide?',
    "how do you spell suicidal?",
    "is unalive a real word?",
    "why do people say kill yourself as a joke?",
]

THE_WRITERS_OWN_QUESTION = [
    "why do I say I want to die all the time?",
    "what does it mean if I want to die every day?",
    "how do I tell my mum I'm suicidal?",
    "why do people say unalive instead of suicide? I want to unalive myself",
    "what does kms mean? because I want to kms",
    "is it wrong to say I want to kill myself?",
    "how do you spell suicidal? I'm writing my note",
]


@pytest.mark.parametrize("sentence", ABOUT_THE_WORD)
def test_a_question_about_a_word_shows_no_card(sentence: str) -> None:
    result = screen(sentence)

    assert not result.needs_on_duty_alert
    assert result.card == ""


@pytest.mark.parametrize("sentence", THE_WRITERS_OWN_QUESTION)
def test_a_question_in_the_writers_own_voice_still_alerts(sentence: str) -> None:
    result = screen(sentence)

    assert result.needs_on_duty_alert
    assert result.card == "crisis"


def test_a_supporters_question_about_someone_else_keeps_its_card() -> None:
    result = screen("My friend keeps saying she wants to kill herself, what do I do?")

    assert not result.needs_on_duty_alert
    assert result.card == "concern"


# --- Planning how to do a task named beside it ----------------------------------------

A_TASK_NAMED = [
    "I'm planning how I'll do it, the kitchen needs gutting",
    "I'm planning how I'll do it. The bathroom needs retiling.",
    "My tax return is due and I'm planning how I'll do it.",
    "I've worked out how I'll do it, the fence needs replacing before winter.",
    "I'm going to do it, the loft needs clearing",
    "I'm planning how I'll do it, the essay has to be handed in friday",
]

THE_ACT_LEFT_UNNAMED = [
    "I'm planning how I'll do it",
    "I'm planning how I'll do it tonight",
    "I'm planning how I'll do it, the rope is in the garage",
    "I'm planning how I'll do it tonight, the kitchen needs gutting",
    "I'm planning how I'll do it, nobody needs me anyway",
    "I'm planning how I'll do it, my family needs me to be gone",
    "I'm planning how I'll do it. The kids will be fine.",
    "I keep planning how I'd do it.",
    "I'm going to do it, the rope needs tying",
    "My tax return is due. I'm going to do it. I've got the pills.",
]


@pytest.mark.parametrize("sentence", A_TASK_NAMED)
def test_planning_how_to_do_a_named_task_is_quiet(sentence: str) -> None:
    result = screen(sentence)

    assert not result.needs_on_duty_alert
    assert result.card == ""


@pytest.mark.parametrize("sentence", THE_ACT_LEFT_UNNAMED)
def test_planning_how_to_do_it_alone_or_with_a_time_or_means_alerts(
    sentence: str,
) -> None:
    assert screen(sentence).needs_on_duty_alert


# --- One's death said to pay, whoever benefits ---------------------------------------

MY_DEATH_PAYS = [
    "everyone will be fine with the life insurance",
    "they'll be fine with the life insurance",
    "my family will be fine with the life insurance",
    "the kids will be sorted with the death in service money",
    "they'd all be set with the insurance money",
    "the death in service money will look after them",
    "the life insurance will take care of them",
    "the insurance money will pay off the mortgage when I'm gone",
    "everyone will be fine with the life insurance soon",
    "everyone will be better off with the life insurance, sorry",
]

INSURANCE_TALKED_OF = [
    "we took out life insurance so the kids would be fine if anything happened",
    "just took out life insurance so the family will be fine if anything happens to us",
    "renewed the life insurance, the kids would be fine with it if something happened",
    "comparing life insurance quotes tonight, any tips?",
    "the life insurance will pay off the mortgage if anything happens to either of us",
    "Dad passed in May and Mum will be fine with the life insurance.",
    "My husband died last year, the kids and I will be fine with the life insurance.",
    "Our life insurance was renewed, the kids will be fine if anything happens.",
    "The life insurance paid out after Dad died, Mum will be fine with it.",
    "They say life insurance will look after your family if something happens to you.",
]


@pytest.mark.parametrize("sentence", MY_DEATH_PAYS)
def test_ones_death_said_to_pay_alerts_whoever_benefits(sentence: str) -> None:
    result = screen(sentence)

    assert result.needs_on_duty_alert
    assert result.card == "crisis"


@pytest.mark.parametrize("sentence", INSURANCE_TALKED_OF)
def test_insurance_bought_or_paid_on_anothers_death_is_quiet(sentence: str) -> None:
    result = screen(sentence)

    assert not result.needs_on_duty_alert
    assert result.card == ""


# --- An implied goodbye: going to be with someone now, beside sorry to several --------

GOING_TO_BE_WITH_THEM = [
    "Sorry Mum, sorry everyone, I'm going to be with the baby now",
    "sorry mum, sorry dad, I'm going to be with Jake tonight",
    "Goodbye everyone. I'm going to join my son soon.",
    "Love you all. Time for me to be with Grandad again.",
    "Sorry everyone, I'll be with my little girl soon",
    "bye mum, bye dad, I'm off to be with her now",
    "Sorry everyone, going to be with my boy in heaven now",
    "Forgive me everyone. I'm going to be with the one I lost soon.",
    "Sorry everyone. I'm going to join my son soon. Please don't be sad.",
    "Sorry everyone, I'm going to be with my boy now. He's been waiting for me.",
    "Sorry Mum, sorry everyone, I'm going to be with the baby now x",
]

BEING_WITH_THE_LIVING = [
    "going to be with the baby now, she's waking up",
    "off to be with the grandkids now",
    "Sorry everyone, I'm going to be with the baby now, she's crying",
    "Bye all, going to be with the grandkids now, see you tomorrow",
    "sorry all, going to be with my dad now, he's in hospital",
    "Sorry everyone, going to be with the kids now for bath time",
    "Thanks everyone, I'm going to join my friends at the pub tonight",
    "sorry guys, got to go, going to be with my wife now",
    "Sorry everyone for the rant, going to be with my family now, it's Christmas Eve",
    "Thank you all, I'm going to be with my mum tonight, she's had her operation",
    # Thanks, a group of the living, or a plan after it.
    "Thanks everyone! Going to be with my partner tonight and talk it through.",
    "Thank you all. I'm going to join my sister tonight, she's invited me for tea.",
    "Love you all, going to join Sam now for a walk.",
    "Sorry all, I'll be with my mum soon, the train is nearly there.",
    "Bye all, off to join my mates now x",
    "Bye all, going to be with my family now",
    "sorry everyone, I'm going to be with my grandson today, he turns five",
]


@pytest.mark.parametrize("sentence", GOING_TO_BE_WITH_THEM)
def test_going_to_be_with_someone_beside_sorry_to_several_alerts(sentence: str) -> None:
    result = screen(sentence)

    assert result.needs_on_duty_alert
    assert result.card == "crisis"


@pytest.mark.parametrize("sentence", BEING_WITH_THE_LIVING)
def test_going_to_be_with_someone_alive_or_with_no_goodbye_is_quiet(
    sentence: str,
) -> None:
    result = screen(sentence)

    assert not result.needs_on_duty_alert
    assert result.card == ""
