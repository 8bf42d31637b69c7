"""The group agreement's items as a report names them: the reporter picks an item
from the agreement as it reads now, and the facilitators reading the queue see that
item's words beside its number.

Items are numbered as the agreement page numbers them: the organisation's items for
every group first, then the group's own. A report keeps the number
(`Report.agreement_item_reference`); older reports may hold words typed instead,
which are shown as they were typed.
"""

from __future__ import annotations

from collections.abc import Iterable

from alongside.agreements.contents import contents_of
from alongside.peergroups.models import PeerGroup

from .queue import QueueEntry

NONE_IN_PARTICULAR = ("", "None in particular, or I'm not sure")


def agreement_items_of(group: PeerGroup) -> dict[str, str]:
    """The agreement's items as it reads now, by their number ("1", "2", ...)."""
    contents = contents_of(group)
    texts = [item.text for item in contents.baseline] + [
        item.text for item in contents.items
    ]
    return {str(number): text for number, text in enumerate(texts, start=1)}


def item_choices(group: PeerGroup) -> list[tuple[str, str]]:
    """Choices for a report: each item, numbered, and none in particular. Empty when
    the group has agreed nothing yet."""
    items = agreement_items_of(group)
    if not items:
        return []
    return [(number, f"{number}. {text}") for number, text in items.items()] + [
        NONE_IN_PARTICULAR
    ]


def name_reported_items(group: PeerGroup, entries: Iterable[QueueEntry]) -> None:
    """Give each report in the queue the words of the item it names
    (`agreement_item_text`), for facilitators who read the group's words."""
    reports = [report for entry in entries for report in entry.reports]
    if not any(report.agreement_item_reference for report in reports):
        return
    items = agreement_items_of(group)
    for report in reports:
        report.agreement_item_text = items.get(  # type: ignore[attr-defined]
            report.agreement_item_reference, ""
        )
