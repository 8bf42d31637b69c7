"""Kinds of wording read by screening this round: a note for family about an errand,
means gathered for a task at home, fading out of life as a weak sign, and losing the
will to carry on, asked of the group or said of oneself. Every sentence is written
here."""

from __future__ import annotations

import pytest

from alongside.safety.screening import screen
from alongside.safety.screening.risk import URGENCY_BUILD_UP, factor_score

# --- A note for family --------------------------------------------------------------

ERRAND_NOTES = [
    "I left a note for my mum about dinner.",
    "I left a note for my mum saying dinner's in the oven.",
    "I've left a note for my kids about the school pick-up.",
    "I left a letter for my kids, it's about the shopping.",
    "I left a note for my dad to pick up milk on his way home.",
    "I've left a note for my partner about feeding the cat.",
    "Left a note for my son so he remembers his PE kit.",
    "I wrote a note for my daughter about her dentist appointment.",
    "I left a note for my son about his school bag.",
]

GOODBYE_NOTES = [
    "I left a note for my mum so she knows it wasn't her fault.",
    "I've left a letter for my kids explaining why.",
    "I've left a note for my family.",
    "I left a note for my mum.",
    "I've left a note.",
    "I left a note for my dad saying sorry for everything.",
    "I've written letters to my kids to say I love them.",
    "I left a note for my wife about dinner and that I'm sorry for everything.",
    # Affairs put in order read as an errand would: never everyday.
    "I've left a letter for my kids about the bills and the house.",
    "I left a note for my mum about the keys so she doesn't have to sort anything.",
    "I left a note for my partner about the passwords and the bank.",
]


@pytest.mark.parametrize("sentence", ERRAND_NOTES)
def test_a_note_for_family_about_an_errand_raises_no_alert(sentence: str) -> None:
    result = screen(sentence)

    assert not result.needs_on_duty_alert
    assert result.card != "crisis"


@pytest.mark.parametrize("sentence", GOODBYE_NOTES)
def test_a_note_for_family_with_no_errand_or_with_a_goodbye_alerts(
    sentence: str,
) -> None:
    result = screen(sentence)

    assert result.needs_on_duty_alert
    assert result.card == "crisis"


# --- Means gathered for a task at home ----------------------------------------------

TASK_AT_HOME = [
    "I have everything I need to do it, the paint came today.",
    "I have everything I need to do it now, the tools arrived this morning.",
    "I've got everything I need to do it, just waiting on the parts.",
    "I've got everything I need to do it. The tiles came this morning.",
    "I now have all the stuff I need to do it, the ingredients were on offer.",
    "I have everything I need to do it for the course.",
]

MEANS_GATHERED = [
    "I have everything I need to do it.",
    "I have everything I need to do it, the pills came today.",
    "I've got everything I need to do it. The rope came this morning.",
    "I have everything I need to do it, the paint came, and tonight is the night.",
    "I've got everything I need to do it now, the helium and the tubing came.",
    "I have everything I need to do it, the tools and the ladder arrived.",
]


@pytest.mark.parametrize("sentence", TASK_AT_HOME)
def test_means_gathered_for_a_task_at_home_raise_no_alert(sentence: str) -> None:
    assert not screen(sentence).needs_on_duty_alert


@pytest.mark.parametrize("sentence", MEANS_GATHERED)
def test_means_gathered_with_nothing_everyday_or_with_harm_alert(
    sentence: str,
) -> None:
    assert screen(sentence).needs_on_duty_alert


# --- Fading out of life: a weak sign --------------------------------------------------

FADING = [
    "I'm slipping away.",
    "My time is up.",
    "I have nothing left.",
    "I feel like I'm fading away.",
    "There's nothing left of me.",
    "I've got nothing left in me.",
]

FADING_ABOUT_SOMETHING_ELSE = [
    "My time is up at work, they're not renewing the contract.",
    "I have nothing left to give this week.",
    "I'm slipping away early to beat the traffic.",
    "I have nothing left in my account until payday.",
    "My time's up on the parking, back in a minute.",
    "My time is up, the exam finished at noon.",
]


@pytest.mark.parametrize("sentence", FADING)
def test_fading_alone_is_a_weak_sign(sentence: str) -> None:
    result = screen(sentence)

    assert not result.needs_on_duty_alert
    assert "factor_fading:weak" in result.weak_signs
    assert factor_score(result.weak_signs) < 2


@pytest.mark.parametrize("sentence", FADING)
def test_fading_alerts_beside_another_sign_in_the_same_post(sentence: str) -> None:
    assert screen(f"{sentence} I'm so tired.").needs_on_duty_alert
    assert screen(f"{sentence} Nobody would even notice.").needs_on_duty_alert


@pytest.mark.parametrize("sentence", FADING)
def test_fading_alerts_beside_a_sign_in_a_recent_post(sentence: str) -> None:
    earlier = screen("Nobody really listens to me.")
    assert not earlier.needs_on_duty_alert

    result = screen(sentence, earlier_signs=earlier.weak_signs)

    assert result.needs_on_duty_alert
    assert result.urgency == URGENCY_BUILD_UP
    # And the other way round: the fading sign counts for the later post.
    later = screen(
        "Nobody really listens to me.",
        earlier_signs=screen(sentence).weak_signs,
    )
    assert later.needs_on_duty_alert


@pytest.mark.parametrize("sentence", FADING_ABOUT_SOMETHING_ELSE)
def test_the_same_words_about_work_money_or_time_are_no_sign(sentence: str) -> None:
    result = screen(sentence)

    assert not result.needs_on_duty_alert
    assert "factor_fading:weak" not in result.weak_signs
    # Not even beside another weak sign.
    assert not screen(f"{sentence} I'm so tired.").needs_on_duty_alert


# --- Losing the will to carry on ------------------------------------------------------

LOST_THE_WILL = [
    "has anyone else lost the will to live?",
    "anyone else just lost the will to carry on?",
    "Does anybody else feel like they're losing the will to go on?",
    "anyone else lost the will to keep going lately?",
    "I've lost the will to carry on.",
    "I'm losing the will to keep going.",
]

LOST_THE_WILL_FOR_A_TASK = [
    "anyone else lost the will to carry on with this module?",
    "anyone else losing the will to keep going at the gym?",
    "anyone else lost the will to revise for exams?",
    "I'm losing the will to carry on with this essay.",
    "I've lost the will to carry on, this commute is grim.",
    "I have not lost the will to carry on.",
]


@pytest.mark.parametrize("sentence", LOST_THE_WILL)
def test_losing_the_will_to_carry_on_alerts(sentence: str) -> None:
    result = screen(sentence)

    assert result.needs_on_duty_alert
    assert result.card == "crisis"


@pytest.mark.parametrize("sentence", LOST_THE_WILL_FOR_A_TASK)
def test_losing_the_will_for_a_task_or_denied_stays_quiet(sentence: str) -> None:
    assert not screen(sentence).needs_on_duty_alert


# --- One's death said to help others, and its denial ---------------------------------


@pytest.mark.parametrize(
    "sentence",
    ["My death would really help my family.", "My death would improve their lives."],
)
def test_ones_death_said_to_help_others_alerts(sentence: str) -> None:
    assert screen(sentence).needs_on_duty_alert


@pytest.mark.parametrize(
    "sentence",
    ["My death would not improve anything.", "My death would never help anyone."],
)
def test_ones_death_denied_to_help_raises_no_alert(sentence: str) -> None:
    assert not screen(sentence).needs_on_duty_alert


# --- Words of risk denied inside themselves ------------------------------------------

DENIED = [
    "Death is not the only option.",
    "Suicide is never the answer for me.",
    "My life is not pointless.",
    "I'm not a burden.",
    "I feel like I'm not a burden any more.",
]

NOT_DENIED = [
    "Life is not worth living.",
    "My life is not worth it.",
    "Death is the only option.",
    "I'm a burden.",
    "My life is pointless.",
]


@pytest.mark.parametrize("sentence", DENIED)
def test_words_of_risk_denied_inside_themselves_raise_no_alert(sentence: str) -> None:
    assert not screen(sentence).needs_on_duty_alert


@pytest.mark.parametrize("sentence", NOT_DENIED)
def test_not_worth_living_is_no_denial(sentence: str) -> None:
    assert screen(sentence).needs_on_duty_alert


# --- Someone else's death, and people killing each other ---------------------------

SOMEONE_ELSES = [
    "I'm currently grieving the suicide of a loved one.",
    "I think about the suicide of my friend and I'm so tired.",
    "My brothers keep trying to kill each other over the remote. I'm so tired.",
]

STILL_ONES_OWN = [
    "I think about suicide every day.",
    "I keep thinking about suicide of my own.",
    "Since the death of my dad I think about death all the time.",
]


@pytest.mark.parametrize("sentence", SOMEONE_ELSES)
def test_someone_elses_death_or_a_fight_raises_no_alert(sentence: str) -> None:
    result = screen(sentence)

    assert not result.needs_on_duty_alert
    assert result.card != "concern"


@pytest.mark.parametrize("sentence", STILL_ONES_OWN)
def test_ones_own_thoughts_of_death_beside_a_loss_still_alert(sentence: str) -> None:
    assert screen(sentence).needs_on_duty_alert
