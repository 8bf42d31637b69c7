"""More kinds of warning sign: being unwanted and alone in the world, being finished,
calling oneself names or deserving to suffer, blaming oneself for a ruined life, a
bye at the end of a post, wanting pain as punishment, a dark place or crying without
end, a post called a cry for help, a past attempt told outside a recovery story; and
two quiet ways of saying
intent (afraid of ending up doing it, thinking of crashing one's car). Each sign
alone raises no alert, beside another it does, and the same words about something
else are no sign. Every sentence is written here."""

from __future__ import annotations

import pytest

from alongside.safety.screening import screen

# (the kind of sign, a sentence with it alone)
SIGNS = [
    ("factor_isolation", "I am alone in this world."),
    ("factor_isolation", "Most people don't want me around."),
    ("factor_isolation", "I don't belong anywhere."),
    ("factor_isolation", "My parents wish they'd never had me."),
    ("factor_isolation", "I have no support system."),
    ("factor_finality", "I'm just so done."),
    ("factor_crisis_help", "idk what to do any more."),
    ("factor_self_hatred", "I'm a piece of shit."),
    ("factor_self_hatred", "I deserve to suffer."),
    ("factor_burden", "I've ruined my life."),
    ("factor_burden", "Ruined my future, again."),
    ("factor_farewell", "Thanks for listening, byeee!"),
    ("factor_punishment", "I hope I keep suffering."),
    ("factor_punishment", "I keep punishing myself."),
    ("factor_distress", "I'm in a really dark place."),
    ("factor_distress", "I've been crying myself to sleep."),
    ("factor_distress", "I can't stop crying."),
    ("factor_distress", "Everything is piling up and I just... can't"),
    ("factor_crisis_help", "Cry for help. Not sure what else to say."),
    ("factor_past_attempt", "I tried to kill myself when I was at school."),
]

SOMETHING_ELSE = [
    "My ex ruined my life.",
    "He has ruined my life and the rain ruined my weekend.",
    "I'm just so done with this essay.",
    "I'm so done with work for the week, bye!",
    "I'm a piece of shit at darts, haha.",
    "You're alone in this world if you think pineapple belongs on pizza.",
    "My cat doesn't want me around when she's eating.",
    "I don't belong anywhere near a kitchen.",
    "Nobody wants me around at the pub quiz since I lost us the final round.",
    "He deserves to suffer for what he did.",
    "I hope I keep improving.",
    "I'm in a good place now.",
    "The team is in a bad place in the league.",
    "I'm crying so hard at this video lol",
    "I keep crying at adverts.",
    "I'd love to come but I can't.",
    "Is the cat's meowing a cry for help?",
    "My brother tried to kill himself when he was at school.",
]


@pytest.mark.parametrize(("kind", "sentence"), SIGNS)
def test_each_sign_alone_raises_no_alert(kind: str, sentence: str) -> None:
    result = screen(sentence)

    assert not result.needs_on_duty_alert
    assert kind in result.weak_signs


@pytest.mark.parametrize(("kind", "sentence"), SIGNS)
def test_each_sign_beside_another_alerts(kind: str, sentence: str) -> None:
    result = screen(f"I'm so tired of fighting. {sentence}")

    assert result.needs_on_duty_alert
    assert result.card == "crisis"


@pytest.mark.parametrize(("kind", "sentence"), SIGNS)
def test_each_sign_counts_with_one_in_a_recent_post(kind: str, sentence: str) -> None:
    earlier = screen("I feel trapped at the moment.")
    assert not earlier.needs_on_duty_alert

    assert screen(sentence, earlier_signs=earlier.weak_signs).needs_on_duty_alert


@pytest.mark.parametrize("sentence", SOMETHING_ELSE)
def test_the_same_words_about_something_else_raise_nothing(sentence: str) -> None:
    result = screen(sentence)

    assert not result.needs_on_duty_alert
    assert not screen(f"{sentence} I feel trapped.").needs_on_duty_alert


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("I hope I keep suffering.", "factor_punishment"),
        ("I'm such a useless piece of crap.", "factor_self_hatred"),
    ],
)
def test_a_word_of_low_mood_inside_a_sign_is_not_counted_twice(
    sentence: str, kind: str
) -> None:
    result = screen(sentence)

    assert result.weak_signs == {kind}
    assert not result.needs_on_duty_alert


QUIET_INTENT = [
    "I'm scared that one day I won't be strong enough and I'll end up doing it.",
    "I'm afraid I'm not hopeful enough any more... and I'll end up doing it.",
    "I think about flipping my car on the motorway a lot.",
    "I keep thinking about swerving my car into oncoming traffic.",
    "I think about driving my car off a bridge.",
]

QUIET_INTENT_NEAR_MISSES = [
    "I'm worried I'll end up doing it all myself again.",
    "I was scared I'd end up doing it wrong.",
    "I'm thinking about driving my car into town later.",
    "I thought about crashing my car on the way to work, I was so tired.",
    "I keep thinking about taking my car off the road for winter.",
]


@pytest.mark.parametrize("sentence", QUIET_INTENT)
def test_fear_of_ending_up_doing_it_and_crashing_thoughts_alert(sentence: str) -> None:
    result = screen(sentence)

    assert result.needs_on_duty_alert
    assert result.card == "crisis"


@pytest.mark.parametrize("sentence", QUIET_INTENT_NEAR_MISSES)
def test_chores_and_ordinary_driving_stay_quiet(sentence: str) -> None:
    assert not screen(sentence).needs_on_duty_alert


def test_a_past_attempt_in_a_recovery_story_is_no_sign() -> None:
    result = screen(
        "I tried to kill myself when I was at school. Now I'm doing so much better "
        "and I'm so tired in the best way after my first week at work."
    )

    assert not result.needs_on_duty_alert
    assert "factor_past_attempt" not in result.weak_signs


@pytest.mark.parametrize(
    "sentence", ["Off to bed, so tired. Bye!", "So tired after work today. Anyway, bye"]
)
def test_a_plain_bye_to_end_a_chatty_post_is_no_farewell(sentence: str) -> None:
    result = screen(sentence)

    assert not result.needs_on_duty_alert
    assert "factor_farewell" not in result.weak_signs
