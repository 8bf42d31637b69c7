"""What a person's data download holds from the check-ins: whether they want to
be asked, which check-ins they answered (never the answer, which carries no link
to them), and any licensed wording they entered for their organisation. Used by
alongside.privacy.registry."""

from __future__ import annotations

from typing import Any

from alongside.accounts.models import Person

from .check_models import CheckAnswered, CheckChoice, LicensedWording
from .licences import measure_by_code

Row = dict[str, Any]


def _measure_name(code: str) -> str:
    measure = measure_by_code(code)
    return measure.name if measure is not None else code


def export_check_choices(person: Person) -> list[Row]:
    return [
        {
            "organisation": choice.organisation.name,
            "asking": choice.get_asking_display(),
            "last_told_about_months_after_joining": choice.told_about_point,
        }
        for choice in CheckChoice.objects.filter(person=person).select_related(
            "organisation"
        )
    ]


def export_checked_in(person: Person) -> list[Row]:
    return [
        {
            "organisation": row.organisation.name,
            "checked_in_months_after_joining": row.point,
        }
        for row in CheckAnswered.objects.filter(person=person).select_related(
            "organisation"
        )
    ]


def export_wording_entered(person: Person) -> list[Row]:
    return [
        {
            "organisation": row.organisation.name,
            "measure": _measure_name(row.measure),
            "entered_at": row.entered_at.isoformat(),
            "licence_held": row.licence_held,
        }
        for row in LicensedWording.objects.filter(entered_by=person).select_related(
            "organisation"
        )
    ]
