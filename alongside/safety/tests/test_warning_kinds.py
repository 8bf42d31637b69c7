"""The suicide and self-harm content warnings are a gentle offer, so they are offered
on broader kinds of writing than an alert: ending a life said of someone else,
thoughts of crashing the car, a last word, no use in trying, a recent overdose or a
near attempt, a sign close to intent, pain sought as punishment and wanting to cut.
The same words about everyday things, and a supporter's plea to "you", are offered
no new warning. Every sentence is written here, not taken from any data set."""

from __future__ import annotations

import pytest

from alongside.safety.screening import screen

SUICIDE_WARNING = [
    "So many people end their lives after years of being hurt like that.",
    "My uncle took his own life when I was twelve.",
    "I keep thinking about ending it all.",
    "Some days I think about flipping my car on the motorway.",
    "I keep imagining driving into a tree on the way home.",
    "This is it. It's been a good ride while it lasted.",
    "My final post. Goodbye everyone.",
    "What's the use? Nothing ever changes.",
    "Why even bother any more.",
    "I'm just so done.",
    "Took too many tablets on Friday and woke up in hospital.",
    "I nearly went through with it on Sunday.",
    "Tonight could be the night.",
]
SELF_HARM_WARNING = [
    "I deserve to suffer for what I did to them.",
    "I honestly deserve to be hurt.",
    "I want to cut.",
    "Two months clean from self-harm today.",
]
NO_NEW_WARNING = [
    "He ended things with her last week.",
    "The holiday was a fun ride while it lasted, back to work now.",
    "What's the use of this button?",
    "I'm just so done with this job.",
    "I nearly crashed my car in the snow, scary.",
    "Thinking about driving to the coast this weekend.",
    "I deserved the rest after that leg day lol",
    "I want to cut my hair short.",
    "The team took all the trophies.",
    "I have a plan for the weekend.",
    "I've made up my mind.",
    "Please don't end your life, there are people who want to help.",
    "If you ever feel like ending it, you can call 999 or go to A&E.",
]


@pytest.mark.parametrize("text", SUICIDE_WARNING)
def test_suicide_warning_is_offered(text: str) -> None:
    assert screen(text).suggested_warning == "suicide"


@pytest.mark.parametrize("text", SELF_HARM_WARNING)
def test_self_harm_warning_is_offered(text: str) -> None:
    assert screen(text).suggested_warning == "self_harm"


@pytest.mark.parametrize("text", NO_NEW_WARNING)
def test_everyday_words_and_pleas_get_no_new_warning(text: str) -> None:
    result = screen(text)
    assert result.suggested_warning not in {"suicide", "self_harm"}
    assert not result.needs_on_duty_alert


def test_a_near_attempt_told_as_recent_alerts() -> None:
    assert screen("I was so close to doing it last night.").needs_on_duty_alert
    assert not screen("I almost jumped out of my skin at the bang.").needs_on_duty_alert


def test_people_in_general_are_a_fact_not_a_worry_for_someone() -> None:
    general = screen("So many people take their own lives every year.")
    assert general.card == ""
    assert general.suggested_warning == "suicide"
    assert screen("I'm scared my sister is going to end her life.").card == "concern"


LIFE_AS_THE_TROUBLE = [
    "Why was I ever born?",
    "I never asked to be born.",
    "I just want to be freed from this life.",
    "Being alive is torture.",
    "I can't keep doing this.",
    "My kids would be better off.",
]
LIFE_AS_THE_TROUBLE_EVERYDAY = [
    "I can't stand living here with my flatmates.",
    "I can't keep doing this commute every day.",
    "We'd be better off getting the bus.",
    "Living in this heat is hell.",
]


@pytest.mark.parametrize("text", LIFE_AS_THE_TROUBLE)
def test_life_itself_as_the_trouble_is_offered_the_suicide_warning(text: str) -> None:
    assert screen(text).suggested_warning == "suicide"


@pytest.mark.parametrize("text", LIFE_AS_THE_TROUBLE_EVERYDAY)
def test_everyday_trouble_is_offered_no_suicide_warning(text: str) -> None:
    assert screen(text).suggested_warning != "suicide"


@pytest.mark.parametrize(
    "text",
    [
        "I honestly can't bear being alive.",
        "I don't want to be part of this world any more.",
        "I just want to go to sleep for ever.",
    ],
)
def test_not_bearing_life_alerts(text: str) -> None:
    assert screen(text).needs_on_duty_alert
