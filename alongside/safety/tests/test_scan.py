"""The quick reading of long posts finds exactly what each pattern finds alone."""

import importlib
import pkgutil
import re

import pytest

import alongside.safety.screening as screening
import alongside.safety.screening.scan as scan
from alongside.safety.screening.normalise import normalise
from alongside.safety.screening.risk.intent import COMPILED_PATTERNS

# Our own sentences, of every kind the screener reads, joined into long posts.
_SENTENCES = [
    "I want to die and I've written my note, tonight is the night.",
    "Do you ever feel suicidal? I'm here if you want to talk about it.",
    "My friend said she is going to kill herself after the party on Friday.",
    "This exam is killing me, my phone is dead and I could murder a coffee.",
    "Years ago I tried to end my life but now I'm doing so much better.",
    "I live at 14 Orchard Close, Leeds LS6 2AB, and my number is 07700 900123.",
    "Email me at sam.example@example.org or find me on insta @sam_w.",
    "I've saved up forty tablets and I know exactly where I'm going to go.",
    "You're pathetic, nobody wants you here, go through with it then.",
    "I feel like such a burden, everyone would be better off without me.",
    "My ex used to hit me and I haven't eaten properly in days; drinking again.",
    "The article said suicide rates rose by 10% last year, according to the ONS.",
    "K1ll mys3lf, s*icidal, killlll, k i l l: masked words still count.",
    "Edit: thank you all, I'm still here. TL;DR it gets better.",
    "Ring 999 if the urge comes back tonight, or text SHOUT to 85258.",
    "We moved to Hauptstraße 5, then to 12 Rue de la Paix, Apt 3.",
    "I can't go on, what's the point, there's no way out for me any more.",
    "Je suis fatigué, naïve café: accents and curly quotes \u2019 \u201cstay\u201d.",
]


def _long_posts() -> list[str]:
    posts = []
    for shift in range(len(_SENTENCES)):
        sentences = _SENTENCES[shift:] + _SENTENCES[:shift]
        posts.append(" ".join(sentences) + "\n\n" + "\n".join(sentences))
    posts.append(("Fine thanks. " * 80) + "Then I want to die.")
    # Letters a case-blind pattern matches though lower-casing does not show it.
    posts.append("ÀÉÎ Straße İstanbul \u017f \u212a " + " ".join(_SENTENCES) * 2)
    return posts


def _screening_patterns() -> list[re.Pattern[str]]:
    found: dict[int, re.Pattern[str]] = {}
    for module_info in pkgutil.walk_packages(
        screening.__path__, screening.__name__ + "."
    ):
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            if isinstance(value, re.Pattern):
                found[id(value)] = value
    for _label, pattern, _confidence, _inherent in COMPILED_PATTERNS:
        found[id(pattern)] = pattern
    return list(found.values())


@pytest.mark.parametrize("post", _long_posts())
def test_every_screening_pattern_finds_the_same_matches_in_a_long_post(
    post: str,
) -> None:
    views = normalise(post)
    for text in (views.words.text, views.details.text):
        assert len(text) > 600
        for pattern in _screening_patterns():
            expected = [match.span() for match in pattern.finditer(text)]
            found = [match.span() for match in scan.finditer(pattern, text)]
            assert found == expected, pattern.pattern[:80]
            first = scan.search(pattern, text)
            assert (first.span() if first else None) == (
                expected[0] if expected else None
            )


def test_words_a_pattern_starts_with_are_read_from_the_pattern() -> None:
    starts = scan._starts(re.compile(r"\b(?:want|wish)(?:ed)?\s+to\s+die\b"))
    assert starts is not None
    assert starts.word_prefixes == ("want", "wish")


def test_an_optional_word_adds_the_words_that_may_follow_it() -> None:
    starts = scan._starts(re.compile(r"\b(?:really\s+)?(?:sad|low)\b"))
    assert starts is not None
    # Each is a whole word (before a space or a word boundary), so only the word
    # itself is tried, not every word starting with it.
    assert starts.exact_words == {"really", "sad", "low"}


def test_a_word_before_a_space_is_tried_only_where_it_is_a_whole_word() -> None:
    starts = scan._starts(re.compile(r"\b(?:i'?ve|i\s+have)\s+(?:picked|chosen)\b"))
    assert starts is not None
    assert starts.exact_words == {"i"}
    assert "i" not in starts.word_prefixes
    starts = scan._starts(re.compile(r"\b(?:i|we|they)\s+(?:live|stay)\b"))
    assert starts is not None
    assert starts.exact_words == {"i", "we", "they"}
    # A word that may go on ("want\w*") is still looked for by its start.
    starts = scan._starts(re.compile(r"\b(?:i|i\w+)\s+to\b"))
    assert starts is not None
    assert starts.word_prefixes == ("i",)


def test_whole_words_find_the_same_matches_as_the_pattern() -> None:
    pattern = re.compile(r"\b(?:i|we)\s+(?:have|had)\s+(?:a|the)\s+plan\b")
    text = (
        "It is in it. Isn't it? " * 40
        + "I have a plan. we had the plan. iwe have a plan"
    )
    expected = [match.span() for match in pattern.finditer(text.lower())]
    assert len(expected) == 2
    assert [match.span() for match in scan.finditer(pattern, text.lower())] == expected


def test_a_pattern_that_may_start_anywhere_is_read_as_usual() -> None:
    assert scan._starts(re.compile(r"(?:want|wish)\s+to\s+die")) is None
    assert scan._starts(re.compile(r"\b\w+\s+to\s+die")) is None
    assert scan._starts(re.compile(r"\b(?:want)?")) is None


def test_a_case_blind_pattern_is_read_as_usual_beside_letters_outside_ascii() -> None:
    pattern = re.compile(r"\bstreet\b", re.IGNORECASE)
    text = "\u017ftreet " * 200 + "Street"
    expected = [match.span() for match in pattern.finditer(text)]
    assert [match.span() for match in scan.finditer(pattern, text)] == expected


def test_a_word_cut_short_by_an_apostrophe_is_still_tried() -> None:
    pattern = re.compile(r"\b(?:i'm|i am)\s+(?:so\s+)?done\b")
    text = "It has been a long week at work and at home. " * 20
    text += "I'm done. i'm so done"
    expected = [match.span() for match in pattern.finditer(text.lower())]
    assert len(expected) == 2
    assert [match.span() for match in scan.finditer(pattern, text.lower())] == expected


def test_a_prefix_that_ends_a_word_is_tried_only_at_that_whole_word() -> None:
    starts = scan._starts(re.compile(r"\b(?:i'm|i am)\s+done\b"))
    assert starts is not None
    assert starts.whole_words == {"i"}
    assert set(starts.prefixes) == {"i'm", "i am"}
