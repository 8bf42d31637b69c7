"""Method detail that tells itself, plans and goodbyes that never name dying, and more
ways of aiming harm at the reader: each kind written afresh here, with the wordings
beside it that must stay quiet (reports, the past, supporters, everyday speech)."""

import pytest

from alongside.safety.screening import HoldReason, screen
from alongside.safety.screening.risk import URGENCY_IMMEDIATE


@pytest.mark.parametrize(
    "text",
    [
        "I've been hoarding my venlafaxine since March",
        "Which one is the fatal dose of pregabalin, does anyone know? I want to end it",
        "I want to throw myself off the Humber Bridge",
        "I'm going to set myself alight in the woods behind the estate",
        "I might just drive into the reservoir on the way home",
        "After the last service tonight I'll walk onto the railway line",
        "I've counted and I need six more tablets to have enough",
        "I've got a cord in my bag and I've found the beam in the garage",
        "My mind keeps going to the multi-storey in town, the top floor is high enough",
    ],
)
def test_a_plan_told_through_its_detail_is_held_and_alerts(text: str) -> None:
    result = screen(text)
    assert HoldReason.METHOD in result.hold_reasons
    assert result.needs_on_duty_alert
    assert result.urgency == URGENCY_IMMEDIATE
    assert result.card == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "Where could I buy scalpels without my parents knowing?",
        "I pressed a hot spoon on my thigh until it blistered",
        "fifty codeine stashed in a shoebox under the bed",
    ],
)
def test_detail_of_self_harm_or_a_supply_is_held(text: str) -> None:
    assert HoldReason.METHOD in screen(text).hold_reasons


@pytest.mark.parametrize(
    "text",
    [
        "Where could I buy scalpels without my parents knowing?",
        "I pressed a hot spoon on my thigh until it blistered",
    ],
)
def test_self_harm_detail_alone_is_not_an_alert_about_life(text: str) -> None:
    assert not screen(text).needs_on_duty_alert


@pytest.mark.parametrize(
    "text",
    [
        "The article said the Golden Gate has a net now so people can't jump",
        "I would never set myself on fire, that's not me",
        "My uncle stockpiled his heart pills years ago and we found them",
        "Are you thinking of jumping off the Clifton bridge? I'm here, talk to me",
        "My sister's boyfriend is going to drive into the sea, she says",
        "We walked over the Tyne Bridge and the view was gorgeous",
        "The old wooden bridge isn't high enough for the lorries",
        "I'm on 20mg of propranolol for my nerves",
    ],
)
def test_reports_the_past_supporters_and_everyday_talk_are_not_held(
    text: str,
) -> None:
    result = screen(text)
    assert HoldReason.METHOD not in result.hold_reasons
    assert not result.needs_on_duty_alert


def test_a_time_with_a_dot_does_not_split_a_plan_in_two() -> None:
    result = screen("I'm going to stand on the line before the 7.15 express")
    assert HoldReason.METHOD in result.hold_reasons
    assert result.needs_on_duty_alert


@pytest.mark.parametrize(
    "text",
    [
        "Once I'm gone please make sure someone feeds Biscuit",
        "By the time you see this I'll have gone",
        "Tell my brother I loved him, that's all",
        "Don't blame yourselves for what I'm going to do tonight",
        "I've worked out when and how, I just need a quiet evening",
        "The world would be far better without me in it",
        "I've been giving away all my things, I won't need anything after Saturday",
        "I've closed my bank account and emptied my locker, I won't need them",
        "I've said my goodbyes to everyone I care about.",
        "I've been reading up on how to do it painlessly",
        "After tonight no one will have to deal with me",
    ],
)
def test_goodbyes_and_plans_without_a_word_for_dying_alert(text: str) -> None:
    result = screen(text)
    assert result.needs_on_duty_alert
    assert result.card == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "Once I'm gone to uni mum gets my room",
        "I said goodbye to everyone I love at the airport, so emotional",
        "Nobody will have to worry about me again once I get this job",
        "I'm researching ways to do it on a budget, the kitchen I mean",
        "I won't need my winter coat after March",
        "Tell my mum I love her cooking",
        "My nan says that when she's gone we should keep the allotment going",
    ],
)
def test_everyday_goings_and_plans_do_not_alert(text: str) -> None:
    assert not screen(text).needs_on_duty_alert


@pytest.mark.parametrize(
    "text",
    [
        "you might as well jump off a bridge",
        "why don't you just go and hang yourself",
        "What a gutless little coward you are",
        "you're thick as two short planks",
        "you sad pathetic loser",
    ],
)
def test_harm_and_names_aimed_at_the_reader_are_held(text: str) -> None:
    result = screen(text)
    assert HoldReason.ABUSE in result.hold_reasons
    assert not result.needs_on_duty_alert


@pytest.mark.parametrize(
    "text",
    [
        "Are you thinking of jumping? You can tell me, I won't judge",
        "Please don't hang yourself, stay and talk to me",
        "What a brave person you are for sharing this",
        "you're thick-skinned, I'll give you that",
        "I felt like a pathetic loser back then, but not now",
    ],
)
def test_supporters_and_kind_words_are_not_held_as_abuse(text: str) -> None:
    assert HoldReason.ABUSE not in screen(text).hold_reasons


@pytest.mark.parametrize(
    "text",
    [
        "I'm scared she's going to do something tonight, she won't pick up",
        "I think my daughter is self-harming and I don't know what to say",
    ],
)
def test_fear_for_someone_shows_how_to_help_them(text: str) -> None:
    result = screen(text)
    assert result.card == "concern"
    assert not result.needs_on_duty_alert


def test_self_harm_once_the_house_is_asleep_shows_the_self_harm_card() -> None:
    result = screen("I'm going to cut once everyone's gone to bed")
    assert result.needs_on_duty_alert
    assert result.card == "self_harm"


def test_quoted_words_from_a_song_on_the_radio_do_not_alert() -> None:
    result = screen('"Nobody knows I want to die" came on the radio and I cried')
    assert not result.needs_on_duty_alert


def test_counting_calories_suggests_an_eating_warning() -> None:
    assert screen("I counted every calorie again today").suggested_warning == "eating"


def test_a_spell_of_wanting_to_die_told_as_past_does_not_alert() -> None:
    text = "I went through a phase of wishing I was dead after the divorce"
    assert not screen(text).needs_on_duty_alert


@pytest.mark.parametrize(
    "text",
    [
        "Dead pleased with how the cake turned out",
        "I'm bored to death of these spreadsheets",
        "You'll get the telly over my dead body",
        "Got an hour to kill before the bus, anyone about?",
        "The drive to work is killing me this week",
    ],
)
def test_everyday_sayings_suggest_no_warning(text: str) -> None:
    result = screen(text)
    assert result.suggested_warning is None
    assert not result.needs_on_duty_alert


def test_sick_to_death_of_being_alive_is_still_heard() -> None:
    result = screen("I'm sick to death of being alive")
    assert result.suggested_warning == "suicide"


def test_a_figure_written_in_digits_is_a_report_not_a_worry() -> None:
    result = screen("Apparently 1 in 4 students have had suicidal thoughts this year")
    assert result.card == ""
    assert not result.needs_on_duty_alert
