"""Who a sentence is about, and the false alarms that reading it fixes. Every
sentence here was written for these tests."""

import pytest

from alongside.safety.screening import screen
from alongside.safety.screening.context import Context
from alongside.safety.screening.normalise import normalise
from alongside.safety.screening.risk import (
    URGENCY_BUILD_UP,
    URGENCY_IMMEDIATE,
    URGENCY_INTENT,
    URGENCY_SIGNS,
    weak_signs_in,
)
from alongside.safety.screening.stance import Stance, stance_of


def _stance(text: str, word: str) -> Stance:
    context = Context.of(normalise(text).words.text)
    start = context.text.index(word)
    return stance_of(context, start, start + len(word))


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("I want to die tonight.", "die", Stance.SELF_NOW),
        ("Feeling suicidal again.", "suicidal", Stance.SELF_NOW),
        (
            "When I was at college I wanted to die. Now I'm well.",
            "die",
            Stance.SELF_PAST,
        ),
        ("Do you want to die?", "die", Stance.READER),
        ("You are not a burden to us.", "burden", Stance.READER),
        ("My uncle wants to end his life.", "end his life", Stance.OTHER),
        ("What does suicidal ideation mean?", "suicidal", Stance.QUESTION),
        ("The survey found suicide rates rose.", "suicide", Stance.REPORT),
        ("I read a piece about suicide in the paper.", "suicide", Stance.REPORT),
        ('The song goes "I want to die" in the chorus.', "die", Stance.QUOTED),
    ],
)
def test_each_sentence_gets_its_speaker_stance(
    text: str, word: str, expected: Stance
) -> None:
    assert _stance(text, word) == expected


def test_a_recent_past_is_still_the_writer_now() -> None:
    assert _stance("I tried to end my life on Tuesday.", "end my life") == (
        Stance.SELF_NOW
    )


def test_you_in_the_general_sense_in_a_post_about_oneself_is_the_writer() -> None:
    text = (
        "I'm so low. I can't sleep, I can't eat, I hate my job and my flat. "
        "You just want to die when it's like this."
    )
    assert _stance(text, "die") == Stance.SELF_NOW


# --- False alarms, one source at a time -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Suicide is such a hard subject to talk about at work.",
        "Suicidal feelings can come and go, our leaflet says.",
        "Is suicide ever talked about in your group?",
    ],
)
def test_the_bare_word_suicide_or_suicidal_does_not_alert(text: str) -> None:
    assert not screen(text).needs_on_duty_alert


@pytest.mark.parametrize(
    "text",
    [
        "Have you been feeling suicidal this week? You can say so here.",
        "I've been where you are and wanted to die too; it did ease.",
        "Why would you want to end your life? Talk to us.",
        "If you feel like killing yourself, ring 116 123 now.",
        "I know how it feels to want to die. You're not on your own.",
        "I understand wanting to end it all; please talk to someone tonight.",
    ],
)
def test_risk_words_to_the_reader_do_not_alert_and_offer_guidance(text: str) -> None:
    result = screen(text)
    assert not result.needs_on_duty_alert
    assert not result.shows_crisis_support
    assert result.card == "responding_safely"
    assert any("responding safely" in reason for reason in result.reasons_for_author)


@pytest.mark.parametrize(
    "text",
    [
        "A new report says suicide among nurses has risen.",
        "Our team is doing a sponsored walk for suicide prevention month.",
        "The coroner's figures put suicide as the main cause for young men.",
        "I watched a documentary about people who took their own lives.",
        "Figures say thousands of people die by suicide in England each year.",
    ],
)
def test_news_statistics_and_campaigns_do_not_alert(text: str) -> None:
    result = screen(text)
    assert not result.needs_on_duty_alert
    assert result.card != "concern"


@pytest.mark.parametrize(
    "text",
    [
        "This deadline is honestly killing me.",
        "My teacher will kill me if I forget my homework again.",
        "My arms are dead after the gym.",
        "I almost died laughing at the dog.",
        "I could murder a pizza.",
    ],
)
def test_idioms_and_their_variants_do_not_alert(text: str) -> None:
    result = screen(text)
    assert not result.needs_on_duty_alert
    assert not result.shows_crisis_support


@pytest.mark.parametrize(
    "text",
    [
        "Tired and lonely tonight.",
        "I feel empty and so tired after this week.",
        "Feeling useless and a bit alone today.",
    ],
)
def test_two_weak_words_of_low_mood_do_not_alert(text: str) -> None:
    assert not screen(text).needs_on_duty_alert


def test_low_mood_beside_a_stronger_sign_still_alerts() -> None:
    assert screen(
        "I'm so lonely and I feel like a burden to everyone."
    ).needs_on_duty_alert


@pytest.mark.parametrize(
    "text",
    [
        "I was suicidal for years, but therapy helped and I'm in a good place now.",
        "Once I felt there was no way out. Looking back, I'm glad I stayed.",
        "At school I wanted to die most days. These days I love my life.",
        "Last summer I wanted to kill myself. This morning I swam in the sea.",
        "My suicide attempt was the worst day of my life, and I've rebuilt since.",
        "There was a time I planned my own death. I'm so glad I told my sister.",
        "I remember feeling there was no way out. Things are different now.",
        "Even when I wanted to die, part of me held on, and I'm thankful.",
    ],
)
def test_past_feelings_in_a_recovery_story_do_not_alert(text: str) -> None:
    assert not screen(text).needs_on_duty_alert


# --- Quiet risk that used to pass ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Honestly I'd be glad if I just didn't exist.",
        "I keep picturing my own funeral and it feels like relief.",
        "Some days I wish a lorry would hit me.",
        "I've had enough of being alive.",
    ],
)
def test_intent_said_without_the_usual_words_alerts(text: str) -> None:
    assert screen(text).needs_on_duty_alert


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for everything, all of you. You won't hear from me again.",
        "I've made my peace with it. Goodbye everyone, it was nice knowing you.",
        "I've left a note on the kitchen table for whoever finds me.",
    ],
)
def test_an_implied_goodbye_alerts_first(text: str) -> None:
    result = screen(text)
    assert result.needs_on_duty_alert
    assert result.card == "crisis"
    assert result.urgency == URGENCY_IMMEDIATE


@pytest.mark.parametrize(
    "text",
    [
        "I've picked the night and I know exactly how I'm going to do it.",
        "I've got everything ready for Friday.",
        "I'm heading to the bridge once I've sent this.",
    ],
)
def test_a_plan_without_the_word_suicide_alerts_first(text: str) -> None:
    result = screen(text)
    assert result.needs_on_duty_alert
    assert result.urgency == URGENCY_IMMEDIATE


def test_intent_without_a_plan_or_time_is_urgent_but_after_a_plan() -> None:
    assert screen("I want to end my life.").urgency == URGENCY_INTENT
    assert screen("I want to end my life tonight.").urgency == URGENCY_IMMEDIATE


def test_wanting_to_self_harm_tonight_shows_the_self_harm_card() -> None:
    result = screen("I'm going to cut myself tonight, the urge is too much.")
    assert result.needs_on_duty_alert
    assert result.card == "self_harm"
    assert result.urgency == URGENCY_SIGNS
    assert result.suggested_warning == "self_harm"


def test_self_harm_in_the_past_does_not_show_the_self_harm_card() -> None:
    result = screen("Years ago I used to cut myself. I'm proud of how far I've come.")
    assert result.card != "self_harm"
    assert not result.needs_on_duty_alert


@pytest.mark.parametrize(
    "text",
    [
        "My flatmate is about to hurt herself and she's not answering.",
        "I'm scared my son will take his own life, he keeps talking about it.",
        "My best friend gave away all her things and said goodbye to everyone.",
    ],
)
def test_worry_about_someone_else_shows_how_to_help_them(text: str) -> None:
    result = screen(text)
    assert not result.needs_on_duty_alert
    assert result.shows_crisis_support
    assert result.card == "concern"
    assert any("help them" in reason for reason in result.reasons_for_author)


def test_a_loss_is_not_taken_for_a_worry_now() -> None:
    result = screen("My uncle took his own life five years ago today.")
    assert result.card != "concern"


# --- Risk that builds up over a person's recent posts -------------------------------


def test_one_weak_sign_alerts_when_an_earlier_post_held_another() -> None:
    earlier = "Nobody really listens to me."
    assert not screen(earlier).needs_on_duty_alert
    signs = weak_signs_in(Context.of(normalise(earlier).words.text))
    assert signs
    now = "I feel trapped at the moment."
    assert not screen(now).needs_on_duty_alert
    result = screen(now, earlier_signs=signs)
    assert result.needs_on_duty_alert
    assert result.urgency == URGENCY_BUILD_UP
    assert result.card == "crisis"


def test_earlier_signs_alone_do_not_alert_a_post_with_none() -> None:
    result = screen(
        "Had a nice walk today.",
        earlier_signs=frozenset({"factor_burden", "factor_entrapment"}),
    )
    assert not result.needs_on_duty_alert
