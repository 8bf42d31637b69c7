"""Insights' kinds of data for the confidentiality crawl
(alongside/core/tests/test_confidentiality.py): anonymous feedback, five answers
past their window in each group so that its facilitator really reads them, and a
"you said, we did" note."""

from __future__ import annotations

from typing import Any

from alongside.insights.models import Change

from .factories import closed_answers


def plant_feedback(world: Any, name: str) -> None:
    group = world.groups[name]
    for answer in closed_answers(group, 5):
        answer.text = world.marker(name, "feedback")
        answer.save()


def plant_changes(world: Any, name: str) -> None:
    Change.objects.create(
        group=world.groups[name],
        you_said=world.marker(name, "changes"),
        we_did=world.marker(name, "changes"),
    )
