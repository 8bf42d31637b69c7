"""A question put to the group by someone bereaved ("has anyone else lost someone to
suicide?") is about another person's death. It suggests a content warning and raises
no alert. The same opening said of the writer's own wish still alerts. Every sentence
is written here."""

from __future__ import annotations

import pytest

from alongside.safety.screening import screen

BEREAVED = [
    "Has anyone else here lost someone to suicide?",
    "Anyone else lost a partner to suicide?",
    "Does anyone else find Christmas hard after losing a brother to suicide?",
    "Anyone else here whose dad died by suicide?",
    "Has anyone else been bereaved by suicide this year?",
    "Is anyone else struggling since their friend's death by suicide?",
]

OWN_WISH = [
    "Does anyone else feel suicidal tonight?",
    "Anyone else feel like killing themselves every day?",
    "Has anyone else lost the will to go on?",
]


@pytest.mark.parametrize("sentence", BEREAVED)
def test_a_bereaved_question_raises_no_alert_and_suggests_a_warning(
    sentence: str,
) -> None:
    result = screen(sentence)

    assert not result.needs_on_duty_alert
    assert result.card != "crisis"
    assert result.suggested_warning == "suicide"


@pytest.mark.parametrize("sentence", OWN_WISH)
def test_the_same_opening_about_the_writer_still_alerts(sentence: str) -> None:
    assert screen(sentence).needs_on_duty_alert
