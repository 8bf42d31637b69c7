"""Who may see staff reads: only the person whose words were read. Nobody else,
staff included, reads someone's list through the site."""

from __future__ import annotations

from alongside.accounts.models import Person

from .models import StaffRead, StaffReadQuerySet


def staff_reads_visible_to(person: Person) -> StaffReadQuerySet:
    """The reads of the person's own words, newest first; nothing when signed out."""
    if not person.is_authenticated:
        return StaffRead.objects.none()
    return StaffRead.objects.about(person)
