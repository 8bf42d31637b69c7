"""The organisation's own words may add to the statement, never contradict it."""

from __future__ import annotations

import pytest

from alongside.demo.seed import (
    COMMUNITY_STATEMENT,
    SECURE_STATEMENT,
    WORKPLACE_STATEMENT,
)
from alongside.organisations.contradictions import contradictions_in


@pytest.mark.parametrize(
    "sentence",
    [
        "Our staff cannot read group conversations.",
        "Nobody outside the group can see what you write.",
        "Managers will never look at your posts",
        "Only the people in the group can read it.",
        "Pictures are switched off here.",
        "Direct messages are not allowed.",
        "Messages are deleted after 14 days.",
        "Links are switched off here.",
    ],
)
def test_a_sentence_the_statement_contradicts_is_refused(sentence: str) -> None:
    found = contradictions_in(f"Welcome to our service. {sentence} Take care.")

    assert len(found) == 1
    assert sentence.rstrip(".")[:40] in found[0]


@pytest.mark.parametrize(
    "text",
    [
        "What is shared here stays here.",
        "If a child is being harmed, we must tell the local safeguarding team.",
        "You can see in your account when staff looked at anything you wrote.",
        "No member of staff can read your safety plan.",
        COMMUNITY_STATEMENT,
        WORKPLACE_STATEMENT,
        SECURE_STATEMENT,
        "",
    ],
)
def test_words_that_only_add_to_the_statement_are_kept(text: str) -> None:
    assert contradictions_in(text) == []
