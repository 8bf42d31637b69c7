"""What changed between two versions of an agreement, in a form templates can show
without building any HTML in Python."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from .models import AgreementItem, AgreementVersion

WORDS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class WordPiece:
    """A run of words: "same", "added" or "removed"."""

    kind: str
    text: str


@dataclass(frozen=True)
class ItemChange:
    """One item's fate between two versions: added, removed, changed or unchanged."""

    kind: str
    before: AgreementItem | None
    after: AgreementItem | None
    words: list[WordPiece] = field(default_factory=list)
    why_changed: bool = False


@dataclass(frozen=True)
class Comparison:
    before: AgreementVersion | None
    after: AgreementVersion
    items: list[ItemChange]
    breach_words: list[WordPiece]
    breach_changed: bool

    @property
    def has_changes(self) -> bool:
        return self.breach_changed or any(
            change.kind != "unchanged" for change in self.items
        )


def word_diff(before: str, after: str) -> list[WordPiece]:
    """Word by word, which parts were kept, added and removed."""
    old = WORDS.findall(before)
    new = WORDS.findall(after)
    pieces: list[WordPiece] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(WordPiece("same", "".join(old[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(WordPiece("removed", "".join(old[i1:i2])))
        if j2 > j1:
            pieces.append(WordPiece("added", "".join(new[j1:j2])))
    return pieces


def compare_versions(
    before: AgreementVersion | None, after: AgreementVersion
) -> Comparison:
    """The group's own items and the breach section, compared by item. Baseline items
    belong to the organisation and are not part of what the group changed."""
    old_items = {item.key: item for item in before.group_items} if before else {}
    new_items = list(after.group_items)
    changes: list[ItemChange] = []
    for item in new_items:
        previous = old_items.pop(item.key, None)
        if previous is None:
            changes.append(ItemChange("added", None, item))
        elif previous.text != item.text or previous.why != item.why:
            changes.append(
                ItemChange(
                    "changed",
                    previous,
                    item,
                    word_diff(previous.text, item.text),
                    previous.why != item.why,
                )
            )
        else:
            changes.append(ItemChange("unchanged", previous, item))
    changes.extend(ItemChange("removed", item, None) for item in old_items.values())
    old_breach = before.breach_response if before else ""
    return Comparison(
        before=before,
        after=after,
        items=changes,
        breach_words=word_diff(old_breach, after.breach_response),
        breach_changed=old_breach != after.breach_response,
    )
