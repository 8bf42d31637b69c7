import pytest

from alongside.safety.screening import Outcome, screen


@pytest.mark.parametrize(
    "text",
    [
        "I want to kill myself tonight",
        "I don't want to be alive anymore",
        "I have a plan and I've been saving my tablets",
        "this is my goodbye, thank you all for everything",
        "I just want to go to sleep and never wake up",
        "k1ll mys\u200belf",
    ],
)
def test_risk_to_life_is_shared_with_crisis_support_and_alerts(text: str) -> None:
    result = screen(text)
    assert result.outcome == Outcome.ALLOW_WITH_CRISIS_SUPPORT
    assert result.needs_on_duty_alert
    assert result.shows_crisis_support


@pytest.mark.parametrize(
    "text",
    [
        "Two years ago I attempted suicide. Now I'm doing so much better.",
        "When I was 16 I tried to kill myself, and today I'm grateful I'm still here",
        "I'm not suicidal, just really tired of work",
        "I would never kill myself",
        "this exam is killing me",
        "I could kill for a coffee",
        "I was dying of embarrassment",
        "that cake was to die for",
        'My favourite song has the lyric "I want to die" in it',
    ],
)
def test_recovery_negation_idioms_and_lyrics_do_not_alert(text: str) -> None:
    assert not screen(text).needs_on_duty_alert


def test_timeframe_is_reported_with_intent() -> None:
    labels = {signal.label for signal in screen("I will end my life tonight").signals}
    assert {"intent", "timeframe"} <= labels


def test_concern_for_someone_else_shows_help_without_an_alert() -> None:
    result = screen("my friend says she wants to kill herself")
    assert result.shows_crisis_support
    assert not result.needs_on_duty_alert


@pytest.mark.parametrize(
    "text",
    [
        "I'm going to do it tonight, I've decided",
        "I finally have the nerve to go through with it",
    ],
)
def test_resolve_without_naming_the_act_alerts(text: str) -> None:
    assert screen(text).needs_on_duty_alert


@pytest.mark.parametrize(
    "text",
    [
        "I'm going to do it for my mum's birthday",
        "I will do it later after tea",
        "I'm going to do it properly this time, the revision I mean",
    ],
)
def test_resolve_about_everyday_plans_does_not_alert(text: str) -> None:
    assert not screen(text).needs_on_duty_alert


# Risk factors that alert in pairs (sentences written here, not taken from any data).
@pytest.mark.parametrize(
    "text",
    [
        # entrapment + hopelessness
        "I feel trapped and there's no future for me",
        # a previous attempt + unbearable pain
        "Since my attempt everything hurts and I'm so tired",
        # finality + access to a means
        "I'm done. I keep thinking about the bridge near my flat.",
        # ideation named without the word suicide + burden
        "The dark thoughts are back and I feel like a burden",
        # a farewell + hopelessness
        "Thank you all for everything. I've lost all hope.",
    ],
)
def test_two_kinds_of_risk_factor_together_alert(text: str) -> None:
    assert screen(text).needs_on_duty_alert


@pytest.mark.parametrize(
    "text",
    [
        # one factor alone is low mood, not risk to life
        "I feel trapped in this job",
        "I'm done with revision for today",
        "The dark thoughts are back this week",
        "Thank you all for everything this year",
        # aching wrists are not death on one's mind
        "My wrists ache from typing all day",
        # everyday attempts are not suicide attempts
        "I attempted the crossword and I'm done for the day",
        "My first attempt at bread was a disaster and I'm done",
        # negated
        "I'm not trapped and I'm not done, just tired of this rain",
        # a recovery story that mentions a past attempt
        "After my attempt three years ago I felt trapped, but now I'm doing well",
        # about someone else
        "My friend said she feels trapped and has had enough",
    ],
)
def test_single_factors_everyday_words_and_recovery_do_not_alert(text: str) -> None:
    assert not screen(text).needs_on_duty_alert
