import pytest

from alongside.safety.screening import HoldReason, Outcome, screen


@pytest.mark.parametrize(
    "text",
    [
        "how many pills would it take to die",
        "I cut so deep I could see the fat layer",
        "the best way to hang yourself is with a rope",
    ],
)
def test_method_detail_is_held(text: str) -> None:
    result = screen(text)
    assert result.outcome == Outcome.HOLD
    assert HoldReason.METHOD in result.hold_reasons


def test_method_detail_with_risk_is_held_and_still_alerts() -> None:
    result = screen("I have 40 tablets saved up and I want to overdose tonight")
    assert result.outcome == Outcome.HOLD
    assert result.needs_on_duty_alert
    assert result.shows_crisis_support


@pytest.mark.parametrize(
    "text",
    ["I'm on 100mg of sertraline and it helps", "I cut myself last night"],
)
def test_treatment_and_plain_mentions_are_not_held(text: str) -> None:
    assert HoldReason.METHOD not in screen(text).hold_reasons


@pytest.mark.parametrize(
    "text",
    [
        "you are a worthless piece of shit",
        "shut up you stupid cow",
        "go kill yourself",
        "I'll find you and hurt you",
        "kys",
        "immigrants are vermin",
    ],
)
def test_abuse_aimed_at_someone_is_held(text: str) -> None:
    result = screen(text)
    assert result.outcome == Outcome.HOLD
    assert HoldReason.ABUSE in result.hold_reasons


@pytest.mark.parametrize(
    "text",
    [
        "I feel like shit",
        "fuck this depression",
        "fuck you depression, you won't win",
        "I'm such an idiot",
        "this anxiety is a bitch",
        "you are not a burden",
        'he told me "you\'re worthless" and it still hurts',
    ],
)
def test_swearing_about_ones_own_pain_is_not_abuse(text: str) -> None:
    assert HoldReason.ABUSE not in screen(text).hold_reasons


def test_personal_details_are_held_with_one_click_redaction() -> None:
    from alongside.safety.screening import apply_redactions

    text = "call me on 07700 900123 x"
    result = screen(text)
    assert result.outcome == Outcome.HOLD
    assert "phone number" in result.reasons_for_author[0]
    assert apply_redactions(text, result.redactions) == (
        "call me on [phone number removed] x"
    )


def test_topic_suggests_a_warning() -> None:
    result = screen("my grandad passed away last week")
    assert result.outcome == Outcome.SUGGEST_WARNING
    assert result.suggested_warning == "bereavement"


def test_every_outcome_is_explained_to_the_author() -> None:
    for text in ["I want to die", "you absolute idiot, shut up", "my mum died"]:
        assert screen(text).reasons_for_author


@pytest.mark.parametrize(
    "text", ["he is completely retarded", "that lot next door are cunts"]
)
def test_crude_words_for_someone_else_are_held(text: str) -> None:
    assert HoldReason.ABUSE in screen(text).hold_reasons


@pytest.mark.parametrize(
    "text",
    [
        "I feel so retarded today",
        "my retarded brain won't switch off",
        "he's not retarded, he's autistic and brilliant",
    ],
)
def test_crude_words_about_oneself_or_negated_are_not_held(text: str) -> None:
    assert HoldReason.ABUSE not in screen(text).hold_reasons
