"""What a person's data download holds from the staff-read log: when staff read
their words (the role, never the name), and the reads they made as staff (never
whose words). Used by alongside.privacy.registry."""

from __future__ import annotations

from alongside.accounts.models import Person
from alongside.core.exports import Row, when

from .models import StaffRead


def export_staff_reads_of_yours(person: Person) -> list[Row]:
    # The role, never the staff member's name: the same as the account page shows.
    return [
        {
            "who": r.get_reader_role_display(),
            "organisation": r.organisation.name,
            "what": r.get_item_display(),
            "why": r.get_reason_display(),
            "when": when(r.read_at),
        }
        for r in StaffRead.objects.about(person).select_related("organisation")
    ]


def export_staff_reads_you_made(person: Person) -> list[Row]:
    # What you looked at and why, never whose words they were.
    return [
        {
            "organisation": r.organisation.name,
            "what": r.get_item_display(),
            "why": r.get_reason_display(),
            "when": when(r.read_at),
        }
        for r in StaffRead.objects.filter(reader=person).select_related("organisation")
    ]
