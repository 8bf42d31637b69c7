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


# --- Kinds of method detail that used to pass (sentences written here) --------------


@pytest.mark.parametrize(
    "text",
    [
        # a quantity in words
        "I swallowed twenty-five of my nan's painkillers to end it.",
        "Tonight I'll take forty of the tablets to overdose.",
        # a stockpile
        "I've been hoarding my tablets for weeks so I can overdose.",
        "My stash of pills is finally big enough to take them all at once.",
        # a height or a place tied to a plan
        "I'm going to jump from the eighth floor of the hospital car park.",
        "The cliffs by the lighthouse are high enough, I'll jump there.",
        # a question about a dose
        "What amount of insulin would stop my heart?",
        # burning
        "I burned my arm with a lighter until it blistered.",
        "I held a lighter to my leg until the skin bubbled.",
        "There's a hook on my bedroom door that I'm going to hang from.",
        "I keep a blade from a pencil sharpener hidden so I can cut later.",
        # a ligature with a chosen place
        "I'm going to use a scarf on the loft beam to hang myself.",
        # where to get blades
        "Which shop sells scalpel blades without asking, so I can cut?",
        # a railway plan
        "I'll lie down on the tracks after the last train comes through.",
        # masked spellings
        "I t00k f0rty t@blets to 0verd*se.",
        "How many p!lls to k!ll myself?",
    ],
)
def test_method_kinds_that_used_to_pass_are_held(text: str) -> None:
    result = screen(text)
    assert HoldReason.METHOD in result.hold_reasons


@pytest.mark.parametrize(
    "text",
    [
        "My consultant put me on forty milligrams of citalopram.",
        "Don't take more than eight paracetamol in a day, the leaflet says.",
        "I burned my hand on the grill at work.",
        "Our flat is on the eighth floor and the lift is broken again.",
        "The last train comes through at midnight on Sundays.",
        "I keep spare razors in the bathroom cabinet for shaving.",
    ],
)
def test_everyday_medicines_heights_and_blades_are_not_held(text: str) -> None:
    assert HoldReason.METHOD not in screen(text).hold_reasons


# --- Abuse aimed at someone, never a supportive question or plea --------------------


@pytest.mark.parametrize(
    "text",
    [
        "Go on, get it over with, nobody is going to stop you.",
        "Go on then, go through with it, we're all waiting.",
        "You keep threatening it, so just do it already.",
        "If you actually wanted to die you'd have done it months ago.",
        "You'd never have the guts to do it anyway.",
    ],
)
def test_goading_someone_to_end_their_life_is_held(text: str) -> None:
    result = screen(text)
    assert HoldReason.ABUSE in result.hold_reasons
    assert any(signal.label == "goads_self_harm" for signal in result.signals)
    # Goading is about the reader: the writer is not taken to be at risk.
    assert not result.needs_on_duty_alert
    assert result.card != "concern"


@pytest.mark.parametrize(
    "text",
    [
        "You're a vile little attention seeker.",
        "You are honestly the most annoying moron here.",
        "Robin is a manipulative liar and a creep.",
        "Morgan's a pathetic loser.",
    ],
)
def test_insults_to_you_or_to_someone_named_are_held(text: str) -> None:
    assert HoldReason.ABUSE in screen(text).hold_reasons


@pytest.mark.parametrize(
    "text",
    [
        "Why do you want to end your life? I'm here to listen.",
        "Please stay. Please don't go through with it.",
        "Are you going to go through with it? Can I call someone for you?",
        "Don't do it, ring the crisis line now.",
        "I'm scared I'll go through with it tonight.",
        "My ex is a manipulative liar and I'm glad I left.",
        "Monday is such a joke.",
    ],
)
def test_supportive_questions_pleas_and_ones_own_words_are_not_held_as_abuse(
    text: str,
) -> None:
    assert HoldReason.ABUSE not in screen(text).hold_reasons
