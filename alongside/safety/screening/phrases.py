"""Phrase rules: words and phrases a group or organisation has chosen to act on.

Like a forum's watched words, but every action is a supportive one: suggest a content
warning (with its topic), hold for review, show the author crisis options, or alert the
person on duty. Rules are edited per organisation and per group (the model lives in
``alongside.safety.models``); this module compiles and matches them, and offers the
"test box" that lets a facilitator try a rule on sample text before saving it.

A pattern is a plain phrase matched on word boundaries ("feeling hopeless"), where
``*`` stands for any letters inside a word ("hopeless*", "self*harm"). Patterns are
matched against the normalised text, so look-alike letters and zero-width characters do
not get round them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any, Protocol

from alongside.safety.screening.normalise import NormalisedText, Span, normalise


class PhraseAction(StrEnum):
    SUGGEST_WARNING = "suggest_warning"
    HOLD = "hold"
    SHOW_CRISIS_OPTIONS = "show_crisis_options"
    ALERT_ON_DUTY = "alert_on_duty"


PHRASE_ACTION_LABELS = {
    PhraseAction.SUGGEST_WARNING: "Suggest a content warning",
    PhraseAction.HOLD: "Hold for review",
    PhraseAction.SHOW_CRISIS_OPTIONS: "Show the author crisis options",
    PhraseAction.ALERT_ON_DUTY: "Alert the person on duty",
}

MAX_PATTERN_LENGTH = 200


class PhraseRuleLike(Protocol):
    """What screening needs from a phrase rule (the model, or a plain spec in tests)."""

    @property
    def pk(self) -> Any: ...
    @property
    def pattern(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def topic(self) -> str: ...
    @property
    def version(self) -> int: ...


@dataclass(frozen=True, slots=True)
class PhraseRuleSpec:
    """A phrase rule that is not stored, for the command line and tests."""

    pattern: str
    action: str
    topic: str = ""
    version: int = 1
    pk: Any = None


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    rule: PhraseRuleLike
    spans: tuple[Span, ...]


class InvalidPattern(ValueError):
    """A pattern that cannot be used, with a message for the person writing it."""


def validate_pattern(pattern: str) -> str:
    """The pattern, tidied; raises InvalidPattern with a plain message if unusable."""
    tidy = " ".join(pattern.split())
    letters = re.sub(r"[\W_]", "", tidy.replace("*", ""))
    if not letters:
        raise InvalidPattern("Type a word or phrase for the rule to look for.")
    if len(letters) < 2:
        raise InvalidPattern("The phrase needs at least two letters or numbers.")
    if len(tidy) > MAX_PATTERN_LENGTH:
        raise InvalidPattern(f"Keep the phrase under {MAX_PATTERN_LENGTH} characters.")
    if tidy.count("*") > 4:
        raise InvalidPattern("Use at most four * wildcards in one phrase.")
    return tidy


@lru_cache(maxsize=2048)
def compile_pattern(pattern: str) -> re.Pattern[str]:
    """The regular expression for a rule's pattern, matched on the ``words`` view."""
    tidy = validate_pattern(pattern)
    folded = normalise(tidy).words.text
    words = []
    # Punctuation inside a phrase matches any spacing: "weigh-in" finds "weigh in".
    for word in re.findall(r"[\w*]+", folded):
        pieces = [re.escape(piece) for piece in word.split("*")]
        words.append(r"\w*".join(pieces))
    body = r"[\s\W_]+".join(words)
    return re.compile(r"(?<!\w)" + body + r"(?!\w)")


def match_rules(
    view: NormalisedText, rules: Iterable[PhraseRuleLike]
) -> list[PhraseMatch]:
    """Every rule that matches the ``words`` view, with its spans in the original."""
    matches = []
    for rule in rules:
        try:
            pattern = compile_pattern(rule.pattern)
        except InvalidPattern:
            continue
        spans = tuple(
            view.to_original(m.start(), m.end()) for m in pattern.finditer(view.text)
        )
        if spans:
            matches.append(PhraseMatch(rule, spans))
    return matches


def test_phrase_rule(pattern: str, sample_text: str) -> list[Span]:
    """The test box: where ``pattern`` matches in ``sample_text`` (original offsets).

    Raises InvalidPattern with a message to show beside the box.
    """
    compiled = compile_pattern(pattern)
    view = normalise(sample_text).words
    return [view.to_original(m.start(), m.end()) for m in compiled.finditer(view.text)]


# pytest would otherwise collect the test box as a test when it is imported into tests.
test_phrase_rule.__test__ = False  # type: ignore[attr-defined]
