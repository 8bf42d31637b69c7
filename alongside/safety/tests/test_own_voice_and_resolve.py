"""Kinds of writing fixed together: sleeping in is not a wish not to wake; a place
of danger visited for something ordinary is not a plan; a question or a general "you"
can speak for the writer; and resolve or preparation can be told without naming the
act. Every sentence is written here, not taken from any data set."""

from __future__ import annotations

import pytest

from alongside.safety.screening import screen
from alongside.safety.screening.risk.factors import factor_score

SLEEPING_IN = [
    "I hope I don't wake up before nine tomorrow, I'm shattered.",
    "Honestly I'd be happy not to wake up until ten on Sunday.",
    "I wish I wouldn't wake up till the afternoon, bliss.",
    "Praying I don't wake up before my alarm for once.",
    "I'd love to not wake up before noon this weekend.",
]
NOT_WAKING_AT_ALL = [
    "I hope I don't wake up tomorrow.",
    "I'd be happy to not wake up at all.",
    "Some nights I pray I don't wake up.",
    "I hope I don't wake up until it's all over.",
]
ORDINARY_VISITS = [
    "I'm standing on the bridge watching the boats.",
    "Sat on the cliffs having a picnic with my family.",
    "I'm up on the roof taking photos of the sunset.",
    "I'm on the platform waiting for the train to Leeds.",
]
PLACES_OF_DANGER = [
    "I'm standing on the bridge.",
    "I'm on the bridge watching the water and thinking about jumping.",
    "I'm sitting on the edge of the roof right now.",
]
OWN_QUESTIONS = [
    "anyone else feel like killing themselves every day?",
    "Does anyone else constantly think about dying?",
    "how do you cope with wanting to die every day?",
    "How do people deal with being suicidal all the time?",
    "is it just me who wants to stop existing?",
    "Am I the only one who wishes they could disappear for good?",
    "you know when you just want to stop existing? that's me",
    "You know when you want to die but still have to go to work? Me every day.",
]
SUPPORTERS_AND_EVERYDAY_QUESTIONS = [
    "How do you cope with someone wanting to die?",
    "How do you support a friend who is suicidal?",
    "Anyone else dying to see the new film?",
    "You know when you want to die of embarrassment? That's me after that meeting.",
    "Is it just me or is this heat unbearable?",
    "Does anyone else feel like the season finale dragged?",
    "How do you cope with wanting to eat all the time?",
]
PREPARATION_ALONE = [
    "I have everything I need to do it.",
    "I've got everything I need to go through with it.",
]
WEAK_RESOLVE = [
    "I've made up my mind.",
    "I'm counting down the days.",
    "My mind is made up.",
]
WEAK_RESOLVE_WITH_ANOTHER_SIGN = [
    "I've made up my mind. Nobody would even miss me.",
    "I'm counting down the days now. I'm a burden to everyone.",
    "My mind is made up. I can't do this any more.",
]
EVERYDAY_RESOLVE = [
    "I'm counting down the days to my holiday.",
    "I've made up my mind about the job.",
    "I've made up my mind to move to Bristol.",
    "I'm just counting the days until payday.",
    "I've made up my mind, this job has to go.",
    "I have everything I need to do it myself, thanks for offering.",
]


@pytest.mark.parametrize("text", SLEEPING_IN)
def test_sleeping_in_stays_quiet(text: str) -> None:
    result = screen(text)
    assert not result.needs_on_duty_alert
    assert result.suggested_warning is None


@pytest.mark.parametrize("text", NOT_WAKING_AT_ALL)
def test_not_waking_at_all_alerts(text: str) -> None:
    assert screen(text).needs_on_duty_alert


@pytest.mark.parametrize("text", ORDINARY_VISITS)
def test_a_place_visited_for_something_ordinary_is_no_sign(text: str) -> None:
    result = screen(text)
    assert not result.needs_on_duty_alert
    assert result.suggested_warning is None
    assert not result.weak_signs


@pytest.mark.parametrize("text", PLACES_OF_DANGER)
def test_a_place_of_danger_with_no_ordinary_reason_alerts(text: str) -> None:
    result = screen(text)
    assert result.needs_on_duty_alert
    assert result.suggested_warning == "suicide"


@pytest.mark.parametrize("text", OWN_QUESTIONS)
def test_a_question_or_general_you_about_oneself_alerts(text: str) -> None:
    result = screen(text)
    assert result.needs_on_duty_alert
    assert result.card == "crisis"


@pytest.mark.parametrize("text", SUPPORTERS_AND_EVERYDAY_QUESTIONS)
def test_supporters_and_everyday_questions_stay_quiet(text: str) -> None:
    assert not screen(text).needs_on_duty_alert


@pytest.mark.parametrize("text", PREPARATION_ALONE)
def test_means_gathered_for_an_unnamed_act_alerts_alone(text: str) -> None:
    assert screen(text).needs_on_duty_alert


@pytest.mark.parametrize("text", WEAK_RESOLVE)
def test_a_mind_made_up_alone_is_a_weak_sign(text: str) -> None:
    result = screen(text)
    assert not result.needs_on_duty_alert
    assert "factor_resolve:weak" in result.weak_signs
    # With one more sign in a recent post it counts, as two in one post would.
    later = screen("I'm a burden to everyone.", earlier_signs=result.weak_signs)
    assert later.needs_on_duty_alert
    assert factor_score(result.weak_signs) < 2


@pytest.mark.parametrize("text", WEAK_RESOLVE_WITH_ANOTHER_SIGN)
def test_a_mind_made_up_with_another_sign_alerts(text: str) -> None:
    assert screen(text).needs_on_duty_alert


@pytest.mark.parametrize("text", EVERYDAY_RESOLVE)
def test_decisions_and_waits_about_everyday_things_stay_quiet(text: str) -> None:
    result = screen(text)
    assert not result.needs_on_duty_alert
    assert not result.weak_signs
