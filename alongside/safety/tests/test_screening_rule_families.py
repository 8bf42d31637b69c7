"""Handwritten cases for each rule family added to the screener (no dataset text)."""

import time

import pytest

from alongside.safety.screening import HoldReason, screen
from alongside.safety.screening.normalise import normalise
from alongside.safety.screening.personal_details import find_personal_details


def _kinds(text: str) -> set[str]:
    return {detail.kind for detail in find_personal_details(normalise(text).details)}


# --- risk to life: passive ideation, burden, will to live, risk factors together ----
@pytest.mark.parametrize(
    "text",
    [
        "honestly I just want to disappear",
        "I keep hoping I don't wake up",
        "I feel like such a burden to everyone",
        "my family would be better off without me",
        "I've lost the will to live",
        "there is nothing left to live for",
        "I don't deserve to be alive",
        "I'm not safe with myself tonight",
        "I can't stop thinking about my own death",
        "I took pills last time and I want to do it again",
        "I'm so tired and I keep thinking I'd be better dead, nobody cares",
    ],
)
def test_new_ideation_patterns_alert(text: str) -> None:
    assert screen(text).needs_on_duty_alert


@pytest.mark.parametrize(
    "text",
    [
        "my phone's dead again",
        "I'd kill for a cup of tea",
        "my feet are killing me after the run",
        "you'll be the death of me",
        "I was suicidal at uni but I'm doing so much better now",
        "I used to feel like a burden. Now I'm in recovery and happy.",
        "I'm so tired today, long shift",
        "I don't want to disappoint my mum",
    ],
)
def test_idioms_recovery_and_everyday_tiredness_do_not_alert(text: str) -> None:
    assert not screen(text).needs_on_duty_alert


def test_risk_factors_alone_do_not_alert() -> None:
    # One factor (loneliness) is low mood, not an alert on its own.
    assert not screen("I feel lonely since I moved").needs_on_duty_alert


# --- content warnings: broader than risk ----------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "what's the point of any of it",
        "I can't go on like this",
        "I want it all to stop",
        "I feel hopeless",
    ],
)
def test_suicide_warning_is_suggested_for_despair(text: str) -> None:
    assert screen(text).suggested_warning == "suicide"


def test_everyday_post_gets_no_warning() -> None:
    assert screen("we had a lovely walk by the canal").suggested_warning is None


# --- abuse: slurs, "go back to", groups named with contempt, insults -----------------
@pytest.mark.parametrize(
    "text",
    [
        "go back to your own country",
        "filthy immigrants everywhere",
        "muslims are all criminals",
        "shut up you stupid cow",
        "you absolute monkey",
        "n*ggers",
    ],
)
def test_aimed_abuse_is_held(text: str) -> None:
    assert HoldReason.ABUSE in screen(text).hold_reasons


@pytest.mark.parametrize(
    "text",
    [
        "I went back to my room and cried",
        "go back to bed and rest, you deserve it",
        "my Muslim friends came to the vigil",
        "I feel like absolute shit today",
        "I'm such an idiot sometimes",
    ],
)
def test_not_abuse(text: str) -> None:
    assert HoldReason.ABUSE not in screen(text).hold_reasons


# --- street addresses: international layouts, cue phrases, multi-part ----------------
@pytest.mark.parametrize(
    "text",
    [
        "meet me at Kerkstraat 12",
        "she lives at Via Roma 5",
        "the office is on Calle Mayor, 14",
        "I live at 8 Orchard Court, Bristol",
        "my flat is on Victoria Road, number 58",
        "my address is 22 Long Lane\nSheffield\nEngland",
        "we moved to 3 Hill Top, Ilkley",
    ],
)
def test_addresses_are_found(text: str) -> None:
    assert "street_address" in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "I moved to a new flat in 2021",
        "I walked 12 miles on Sunday",
        "we meet in room 4 on Tuesdays at 7",
        "I've been on 50mg sertraline for 3 months",
    ],
)
def test_numbers_that_are_not_addresses(text: str) -> None:
    assert "street_address" not in _kinds(text)


def test_postcode_after_a_street_stays_its_own_detail() -> None:
    kinds = _kinds("send it to 3 Castle View, Cardiff CF10 1AA")
    assert {"street_address", "postcode"} <= kinds


def test_spelled_out_email_with_co_dot_uk() -> None:
    assert "email" in _kinds("sam77 at hotmail dot co dot uk")


# --- no catastrophic backtracking ---------------------------------------------
@pytest.mark.parametrize(
    "unit", ["1", "a-", "1-", " ", "\t", "$", "0", "aa bb ", "a.", "i am "]
)
def test_long_repetitive_posts_screen_quickly(unit: str) -> None:
    text = unit * (20000 // len(unit))
    started = time.perf_counter()
    screen(text)
    # Linear patterns take well under a second here even on a busy machine; the
    # quadratic ones this guards against took tens of seconds.
    assert time.perf_counter() - started < 3.0
