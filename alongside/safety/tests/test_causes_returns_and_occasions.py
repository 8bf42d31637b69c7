"""Four kinds read by screening: suicide talked of as a cause ("we need to talk more
about suicide") and not as the writer's own need; a goodbye that says when the writer
will see people again; not being here for a task or an occasion ("if I wasn't here for
the school run"); and a plea to be killed said of a tedious thing ("this meeting, kill
me now"). Each has its near neighbours that must still alert. Every sentence is
written here."""

from __future__ import annotations

import pytest

from alongside.safety.screening import screen

# --- Talking about suicide as a cause ----------------------------------------------

A_CAUSE = [
    "I think it's important to talk about suicide",
    "we need to talk more about suicide",
    "it's so important we talk about self-harm openly",
    "It's so important we talk about suicide openly, the stigma costs lives.",
    "I think we need to talk about suicide in schools.",
    "Men need to be able to talk about suicidal thoughts without shame.",
    "I honestly believe we should all talk more openly about suicide and self-harm.",
    "Let's talk about suicide, properly, at the next team meeting.",
    "I really think it's vital for young people to talk about self-harm.",
    "People should be able to speak honestly about suicide at work.",
]

OWN_NEED = [
    "I want to talk about suicide",
    "can I talk to someone about suicidal thoughts",
    "I need to talk about wanting to die",
    "I want to talk to someone about suicide.",
    "I need to talk about suicide.",
    "We need to talk about my suicidal thoughts, I can't keep them in.",
    "I told my mum about my suicidal thoughts last night.",
    "Is there anyone I can speak with about suicidal feelings tonight?",
    # A cause, then the writer's own thoughts of it.
    "It's important to talk about suicide. I think about it every day.",
    "Men need to talk about suicide. I'm a man and I'm planning mine.",
    "My brother died by suicide. I'm planning mine.",
]


@pytest.mark.parametrize("sentence", A_CAUSE)
def test_suicide_talked_of_as_a_cause_raises_no_alert(sentence: str) -> None:
    result = screen(sentence)

    assert not result.needs_on_duty_alert
    assert result.card not in {"crisis", "concern"}


@pytest.mark.parametrize("sentence", OWN_NEED)
def test_the_writers_own_need_to_talk_still_alerts(sentence: str) -> None:
    assert screen(sentence).needs_on_duty_alert


def test_grief_for_someone_elses_suicide_thought_of_every_day_is_no_alert() -> None:
    result = screen("My brother died by suicide. I think about it every day.")

    assert not result.needs_on_duty_alert


def test_someone_who_wants_to_talk_to_me_is_still_someone_else() -> None:
    result = screen("My friend wants to talk to me about suicide, she's been low.")

    assert not result.needs_on_duty_alert
    assert result.card == "concern"


# --- A goodbye that says it will see people again ---------------------------------

SEE_YOU_AGAIN = [
    "goodbye everyone, see you soon",
    "bye all, see you later",
    "goodbye for now, see ya tomorrow",
    "goodbye everyone, see you all next week",
    "Goodbye everyone, see you at the next meeting!",
    "goodbye all, speak soon x",
    "Right, goodbye all, catch you later.",
]

FINAL_WORDS_WITH_IT = [
    "goodbye everyone, thank you for everything, see you on the other side",
    "goodbye everyone, thank you for everything, see you soon",
    "this is goodbye, see you soon",
    "goodbye forever, see you soon",
    "goodbye all, thanks for everything, see you later",
    "Goodbye everyone. I'm sorry for everything. See you one day.",
    # "Next time" may be no return at all.
    "Goodbye everyone, see you next time.",
]


def test_a_goodbye_said_alone_to_everyone_alerts() -> None:
    result = screen("Goodbye everyone.")

    assert result.needs_on_duty_alert
    assert result.card == "crisis"


@pytest.mark.parametrize("sentence", SEE_YOU_AGAIN)
def test_a_goodbye_that_will_see_people_again_raises_no_alert(sentence: str) -> None:
    result = screen(sentence)

    assert not result.needs_on_duty_alert
    assert result.card != "crisis"


@pytest.mark.parametrize("sentence", FINAL_WORDS_WITH_IT)
def test_a_return_said_beside_final_words_still_alerts(sentence: str) -> None:
    result = screen(sentence)

    assert result.needs_on_duty_alert
    assert result.card == "crisis"


# --- Not being here for a task or an occasion ---------------------------------------

ABSENT_FROM_AN_OCCASION = [
    "life would be easier if I wasn't here for the school run",
    "It would be easier if I wasn't here at the weekend, the kids have their dad.",
    "It would be easier if I wasn't here for the inspection.",
    "Honestly it'd be easier for everyone if I wasn't around on Mondays.",
    "The team would find it easier if I wasn't here to answer the phones.",
    "It'd be easier for my husband if I wasn't around at the weekend.",
]

NOT_BEING_HERE_AT_ALL = [
    "It would be easier if I wasn't here",
    "everyone would be better off if I wasn't here anymore",
    "Everyone would find it easier if I wasn't here.",
    "It would be easier if I wasn't here tomorrow.",
    "Everyone would be better off if I wasn't here for much longer.",
    "It would be easier for my kids if I wasn't here for them to worry about.",
    "Life would be easier if I wasn't here for the school run, or at all.",
    # Others named between the words.
    "Life would be simpler for everyone if I was gone.",
    "It would be easier for my mum if I didn't exist.",
    "It would be easier for my kids if I wasn't here.",
]


@pytest.mark.parametrize("sentence", ABSENT_FROM_AN_OCCASION)
def test_not_being_here_for_an_occasion_raises_no_alert(sentence: str) -> None:
    assert not screen(sentence).needs_on_duty_alert


@pytest.mark.parametrize("sentence", NOT_BEING_HERE_AT_ALL)
def test_not_being_here_at_all_still_alerts(sentence: str) -> None:
    assert screen(sentence).needs_on_duty_alert


# --- A plea to be killed said of a tedious thing -----------------------------------

SAID_OF_A_TEDIOUS_THING = [
    "this meeting, kill me now",
    "Three hours of spreadsheets, someone shoot me.",
    "Another staff training day, kill me now.",
    "Kill me now, it's Monday again.",
    "Ofsted are in tomorrow, kill me now.",
    "Stuck in traffic on the M25 again, just kill me.",
]

A_PLEA_WITH_NOTHING_TEDIOUS = [
    "kill me now",
    "Kill me now. I mean it.",
    "I can't do this anymore, kill me now.",
    "This meeting, kill me now, I want to die anyway.",
    "Revision all weekend, kill me now, I've got the pills ready.",
    "Another day of this pain, kill me now.",
]


@pytest.mark.parametrize("sentence", SAID_OF_A_TEDIOUS_THING)
def test_a_plea_said_of_a_tedious_thing_raises_no_alert(sentence: str) -> None:
    assert not screen(sentence).needs_on_duty_alert


@pytest.mark.parametrize("sentence", A_PLEA_WITH_NOTHING_TEDIOUS)
def test_a_plea_alone_or_beside_harm_still_alerts(sentence: str) -> None:
    assert screen(sentence).needs_on_duty_alert
