"""Insights' kinds of data for the confidentiality crawl
(alongside/core/tests/test_confidentiality.py): anonymous feedback and parting
notes, five of each past their window in each group so that its facilitator really
reads them, and a "you said, we did" note."""

from __future__ import annotations

from typing import Any

from alongside.insights.models import Change, Kind

from .factories import closed_answers


def plant_feedback(world: Any, name: str) -> None:
    group = world.groups[name]
    for answer in closed_answers(group, 5):
        answer.text = world.marker(name, "feedback")
        answer.save()


def plant_parting_notes(world: Any, name: str) -> None:
    """Five parting notes past their window, so the facilitator reads them."""
    group = world.groups[name]
    for answer in closed_answers(
        group, 5, kind=Kind.PARTING, felt_safe=None, could_say=None
    ):
        answer.text = world.marker(name, "parting")
        answer.save()


def plant_changes(world: Any, name: str) -> None:
    Change.objects.create(
        group=world.groups[name],
        you_said=world.marker(name, "changes"),
        we_did=world.marker(name, "changes"),
    )


def plant_licensed_wording(world: Any, name: str) -> None:
    """Licensed wording an organisation entered, once per organisation (home and
    near share one)."""
    from alongside.insights.check_models import LicensedWording
    from alongside.insights.licences import TEAM_PSYCHOLOGICAL_SAFETY

    if name == "near":
        return
    LicensedWording.objects.create(
        organisation=world.groups[name].organisation,
        measure=TEAM_PSYCHOLOGICAL_SAFETY.code,
        items=[world.marker(name, "licensed-wording") for _ in range(7)],
        points=7,
        licence_held=world.marker(name, "licensed-wording"),
    )
    world.ids[name]["code"] = TEAM_PSYCHOLOGICAL_SAFETY.code
