"""Comparing versions and wordings."""

from __future__ import annotations

from alongside.agreements.changes import WordPiece, compare_versions, word_diff
from alongside.agreements.models import AgreementVersion

from .factories import AgreementItemFactory, AgreementVersionFactory


def test_word_diff_marks_added_and_removed_words() -> None:
    pieces = word_diff("We listen first.", "We always listen first.")
    kept = "".join(p.text for p in pieces if p.kind != "removed")
    added = "".join(p.text for p in pieces if p.kind == "added")
    assert kept == "We always listen first."
    assert added.strip() == "always"
    assert WordPiece("same", "We") in pieces


def test_word_diff_of_identical_text_is_all_same() -> None:
    assert [p.kind for p in word_diff("Same words.", "Same words.")] == ["same"]


def test_compare_versions_finds_added_changed_removed_and_kept(db: None) -> None:
    before = AgreementVersionFactory.create(breach_response="A word first.")
    kept = AgreementItemFactory.create(version=before, text="Kept.")
    changed = AgreementItemFactory.create(version=before, text="Old wording.")
    removed = AgreementItemFactory.create(version=before, text="Removed.")
    after: AgreementVersion = AgreementVersionFactory.create(
        agreement=before.agreement, number=2, breach_response="A kind word first."
    )
    AgreementItemFactory.create(version=after, key=kept.key, text="Kept.")
    AgreementItemFactory.create(version=after, key=changed.key, text="New wording.")
    AgreementItemFactory.create(version=after, text="Added.")

    comparison = compare_versions(before, after)

    kinds = {change.kind: change for change in comparison.items}
    assert set(kinds) == {"unchanged", "changed", "added", "removed"}
    assert kinds["removed"].before == removed
    assert comparison.breach_changed
    assert comparison.has_changes


def test_first_version_is_all_additions(db: None) -> None:
    version = AgreementVersionFactory.create()
    AgreementItemFactory.create(version=version)
    comparison = compare_versions(None, version)
    assert [change.kind for change in comparison.items] == ["added"]
