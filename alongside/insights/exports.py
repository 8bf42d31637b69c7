"""What a person's data download holds from insights: that they have answered (the
meeting, the week, or the month they left a group, never the answer, which carries
no link to them), whether and when they will be asked again, their own copy of
their felt-safety scores, and what they wrote for "you said, we did". Used by
alongside.privacy.registry."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from alongside.accounts.models import Person

from .models import Answered, Change, FeltSafetyPrompt, OwnScore, Report

Row = dict[str, Any]


def _when(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def export_answered(person: Person) -> list[Row]:
    return [
        {
            "group": row.group.name,
            "about_the_meeting_on": _when(
                row.occurrence.starts_at if row.occurrence else None
            ),
            "feedback_in_the_week_of": _when(row.week_of),
            "parting_note_on_leaving_in_the_month_of": _when(row.left_in),
        }
        for row in Answered.objects.filter(person=person).select_related(
            "group", "occurrence"
        )
    ]


def export_prompt(person: Person) -> list[Row]:
    return [
        {
            "asked_after_meetings": not prompt.is_dismissed,
            "may_be_asked_again_from": _when(prompt.next_from),
        }
        for prompt in FeltSafetyPrompt.objects.filter(person=person)
    ]


def export_own_scores(person: Person) -> list[Row]:
    return [
        {
            "month": _when(score.month),
            "i_felt_safe": score.felt_safe,
            "i_could_say_what_i_wanted": score.could_say,
        }
        for score in OwnScore.objects.filter(person=person)
    ]


def export_changes(person: Person) -> list[Row]:
    return [
        {
            "group": change.group.name,
            "you_said": change.you_said,
            "we_did": change.we_did,
            "written_at": _when(change.created_at),
        }
        for change in Change.objects.filter(made_by=person).select_related("group")
    ]


def export_reports(person: Person) -> list[Row]:
    return [
        {
            "organisation": report.organisation.name,
            "asked_for_at": _when(report.created_at),
            "status": report.get_status_display(),
        }
        for report in Report.objects.filter(requested_by=person).select_related(
            "organisation"
        )
    ]
