"""Content-warning topics: sentences written here, never taken from any data set."""

import pytest

from alongside.safety.screening import screen


@pytest.mark.parametrize(
    "text",
    [
        "I feel so trapped in my life right now",
        "There is no escape from this feeling",
        "I've had enough of living like this",
        "I won't be here much longer",
        "The ideation has been bad this week",
        "Nobody would even miss me",
        "I don't deserve to be alive",
        "I thought about drowning myself",
        "It's a year since my suicide attempt",
        "My last attempt was in the spring",
    ],
)
def test_suicide_warning_is_suggested(text: str) -> None:
    assert screen(text).suggested_warning == "suicide"


@pytest.mark.parametrize(
    "text",
    [
        "The urge to cut is strong tonight",
        "I've been cutting again",
        "I scratched my wrists last night",
    ],
)
def test_self_harm_warning_is_suggested(text: str) -> None:
    assert "self_harm" in screen(text).topics


@pytest.mark.parametrize(
    "text",
    [
        "I'm cutting back on sugar this month",
        "I stopped cutting my hair myself",
        "We were trapped in traffic for an hour",
        "My wrists ache from typing all day",
        "I've had enough of this rain",
        "Nobody would notice the difference",
    ],
)
def test_everyday_words_suggest_no_suicide_or_self_harm_warning(text: str) -> None:
    assert screen(text).suggested_warning not in {"suicide", "self_harm"}


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("I haven't eaten since Tuesday and I feel guilty whenever I eat.", "eating"),
        ("I made myself sick after tea again.", "eating"),
        ("I've been drinking gin every night since the funeral.", "substances"),
        ("I used again last night after six weeks clean.", "substances"),
        ("My ex still turns up at my door and sends me threatening texts.", "abuse"),
        ("My husband checks my phone and won't let me see my sister.", "abuse"),
        ("My former partner controlled every penny I earned.", "abuse"),
    ],
)
def test_eating_alcohol_drugs_and_partner_abuse_suggest_their_warning(
    text: str, topic: str
) -> None:
    assert screen(text).suggested_warning == topic
