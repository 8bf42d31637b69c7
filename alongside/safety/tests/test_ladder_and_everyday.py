"""The steps of suicidal thinking that clinicians ask about (a wish to be dead or not
to wake up, no reason to live, thinking how one would do it, an attempt spoken of as
recent, putting affairs in order), and the same words said about something everyday,
which stay quiet. Every sentence is written here."""

from __future__ import annotations

import pytest

from alongside.safety.screening import screen

AT_RISK = {
    "wish_to_be_dead": [
        "I wish I wasn't alive any more.",
        "Sometimes I hope I just don't wake up in the morning.",
        "I pray every night that I won't wake up.",
        "I wouldn't mind if I died in my sleep tonight.",
        "Honestly I'd be fine if a bus hit me tomorrow.",
        "It would be such a relief to not exist.",
        "I don't care if I live or die at this point.",
        "I'm not afraid of dying anymore, I welcome it.",
        "I feel like dying.",
        "If the train hit me on the way to work I really wouldn't care.",
        "Honestly it would be such a relief to just not exist.",
    ],
    "no_reason_to_live": [
        "What's the point in being alive?",
        "I don't care enough to live in a world like this.",
        "I don't see a way to keep living.",
        "Nothing would change if I was gone.",
        "Everything would go on just fine without me.",
    ],
    "thinking_how": [
        "I've started thinking about how I would do it.",
        "I've been researching methods.",
        "Every time I cross the bridge I think about jumping.",
        "I can't keep myself safe.",
    ],
    "recent_attempt": [
        "I overdosed on Saturday and woke up in hospital.",
        "I survived my attempt two days ago and I'm angry I'm still here.",
    ],
    "last_time": [
        "This will be my last birthday.",
        "If things don't get better by Friday I'm done for good.",
    ],
    "at_a_place_now": [
        "I'm standing on the bridge right now.",
        "I'm going to jump.",
    ],
    "own_question": [
        "Would it be wrong if I just ended it?",
    ],
    "goodbye": [
        "I'm sorry for everything. I love you all. Please don't be sad.",
        "I'm done. Goodbye.",
    ],
    "negation_that_denies_nothing": [
        "I don't think I want to be alive anymore.",
        "Not a day goes by that I don't think about ending it.",
        "I've never wanted to die more than I do right now.",
        "My therapist doesn't know I'm suicidal.",
        "I'm not sure how much longer I can hold on.",
        "Is it normal to think about suicide every day?",
    ],
    "tired_of_fighting_beside_another_sign": [
        "I don't see the point anymore. I'm tired of fighting.",
    ],
    "a_time_is_not_what_it_is_about": [
        "I'm planning to end it after my exams.",
    ],
    "something_stupid_beside_another_sign": [
        "I'm scared I'll do something stupid tonight. Nobody cares about me.",
    ],
    "putting_affairs_in_order_beside_another_sign": [
        "I wrote my will last night. Everyone would be happier without me.",
        "I've found a new home for my cat. I just can't see a future.",
    ],
}

NOT_AT_RISK = [
    # The same words about a job, a flat, a show, a group chat or a move.
    "I don't want to exist on social media any more.",
    "I'm done with this job.",
    "I'm sick of living in this flat.",
    "I'm tired of living paycheque to paycheque.",
    "I can't do this anymore, I'm switching to decaf.",
    "I don't want to be here anymore, this company is a joke, I'm handing in notice.",
    "I'll be gone by Christmas, we're moving to Spain!",
    "I can't take it anymore, this noise from next door is unbearable.",
    "I hope I don't wake up the baby when I come in late.",
    "I'm done with everything on my to do list today!",
    "I want it all to end, this season of the show is dragging.",
    "I just want to stop existing in this group chat lol.",
    "I don't think I'll make it through this week without coffee.",
    "I won't make it to the end of the film, I'm shattered.",
    "Nobody would even notice if I was gone from the office for an hour.",
    "I'm going to end it with him tonight, he's been cheating.",
    "I'd rather be dead than be seen in those trainers lol.",
    # Everyday uses of the new kinds.
    "This will be my last birthday in London before the move.",
    "I wrote my will after we bought the house.",
    "I've been thinking about how I would do it differently next time.",
    "I don't care if I die on this hill, pineapple belongs on pizza.",
    "I've been researching methods of saving for a deposit.",
    "I'm thinking about jumping ship to another team.",
    "I feel like dying of embarrassment after that presentation.",
    "I'm standing on the bridge waiting for the fireworks.",
    "I'm going to jump in the pool after work.",
    "I'm counting down the days until my holiday.",
    "I'm this close to doing something stupid like buying a boat.",
    "Is it selfish to skip my friend's party?",
    "Goodbye for now, see you all on Thursday at group!",
    "I'm done for good with this diet.",
    "I'm going to jump! Best news ever, I got the job!",
    "If a car hit me I wouldn't mind the day off work lol.",
    "I'm not sure how much longer I can keep going to this gym.",
    "I've never wanted a holiday more than I do right now.",
    "I'm not suicidal, I've never been, I'm just stressed about money.",
    "Is it normal to think about exams every day?",
    # Someone else, the reader, recovery.
    "My gran said she's ready to die, she's had a good life, and I'm sad.",
    "Do you ever wish you were dead? You can tell me.",
    "I used to wish I was dead, but therapy helped and now I'm doing well.",
]

# Ambiguous words are still risk when the sentence names dying or one's life.
STILL_AT_RISK = [
    "I want to die, this job is killing me and there's nothing left.",
    "I don't want to be here anymore, this world is too cruel.",
    "I'm sick of living in this body.",
]


@pytest.mark.parametrize(
    ("kind", "text"),
    [(kind, text) for kind, texts in AT_RISK.items() for text in texts],
)
def test_each_step_of_suicidal_thinking_alerts_the_person_on_duty(
    kind: str, text: str
) -> None:
    result = screen(text)
    assert result.needs_on_duty_alert, (kind, text)
    assert result.card in {"crisis", "self_harm"}


@pytest.mark.parametrize("text", NOT_AT_RISK)
def test_the_same_words_about_everyday_things_stay_quiet(text: str) -> None:
    assert not screen(text).needs_on_duty_alert, text


@pytest.mark.parametrize("text", STILL_AT_RISK)
def test_words_of_dying_beside_an_everyday_thing_still_alert(text: str) -> None:
    assert screen(text).needs_on_duty_alert, text


def test_putting_affairs_in_order_alone_is_a_weak_sign() -> None:
    result = screen("I wrote my will last night and sorted out who gets what.")
    assert not result.needs_on_duty_alert
    assert "factor_preparing" in result.weak_signs


def test_a_risk_sentence_buried_in_a_long_post_still_alerts() -> None:
    ordinary = (
        "We went to the market on Saturday and bought apples and bread. "
        "The bus was late again, and my sister laughed about the rain. "
    )
    post = (
        ordinary * 20
        + "Honestly I'd be fine if a bus hit me tomorrow. "
        + ordinary * 20
    )
    assert screen(post).needs_on_duty_alert


def test_recovery_others_promise_is_not_the_writers_own_story() -> None:
    # "It gets better", told as what others say, does not make the post a recovery
    # story, so the writer's signs are weighed.
    assert screen(
        "Everyone keeps telling me it gets better. I feel completely alone and trapped."
    ).needs_on_duty_alert
    assert screen(
        "It gets better, or so they say. Honestly I feel trapped and hopeless."
    ).needs_on_duty_alert


def test_a_recovery_story_still_sets_past_risk_aside() -> None:
    assert not screen(
        "Years ago I wanted to die. People told me it gets better and it did, "
        "now I'm doing well."
    ).needs_on_duty_alert
    assert not screen(
        "I promise it gets better, it did for me. I used to feel hopeless and alone."
    ).needs_on_duty_alert
