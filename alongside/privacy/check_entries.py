"""Registry entries for insights' periodic check-ins and the register of
measures. `registry.REGISTRY` lists them after the support entries. An anonymous
check-in is not the person's data (it cannot be found); that they checked in is."""

from __future__ import annotations

from alongside.insights import check_exports
from alongside.privacy.entries import DELETED, Entry, Erasure

CHECK_ENTRIES: tuple[Entry, ...] = (
    Entry(
        "insights.CheckChoice",
        "person",
        "Whether you want to be asked to check in",
        Erasure.DELETE,
        DELETED,
        export=check_exports.export_check_choices,
    ),
    Entry(
        "insights.CheckAnswered",
        "person",
        "Check-ins you answered",
        Erasure.DELETE,
        "Deleted with your account. Your answers themselves were never linked to "
        "you, so they stay, as they cannot be found.",
        export=check_exports.export_checked_in,
    ),
    Entry(
        "insights.LicensedWording",
        "entered_by",
        "Licensed wording you entered for your organisation",
        Erasure.DETACH,
        "The organisation's locked wording stays without your name.",
        export=check_exports.export_wording_entered,
    ),
)
