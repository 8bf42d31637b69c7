"""Every text field of the plan's forms survives the Big List of Naughty Strings:
never a server error, and a form that comes back holds exactly what was typed
(the machinery is the one in `alongside/core/tests/test_blns.py`)."""

from __future__ import annotations

from django.urls import reverse

from alongside.core.tests.test_blns import (  # noqa: F401 - fixtures used by name
    FormProbe,
    Place,
    place,
    report,
    run,
    signed_in,
    tally,
)
from alongside.safetyplans.models import PlanShare


def test_a_plan_section_survives_naughty_strings(place: Place) -> None:  # noqa: F811
    probe = FormProbe(
        label="plan section",
        url=reverse("safetyplans:section-edit", args=["holding-on"]),
        text_fields=["text"],
        good={},
    )
    run(signed_in(place.member), probe)


def test_plan_contacts_survive_naughty_strings(place: Place) -> None:  # noqa: F811
    probe = FormProbe(
        label="plan contacts",
        url=reverse("safetyplans:section-edit", args=["services"]),
        text_fields=["text", "service-0-name", "service-0-note"],
        good={
            "service-TOTAL_FORMS": "1",
            "service-INITIAL_FORMS": "0",
            "service-0-phone": "116 123",
        },
    )
    run(signed_in(place.member), probe)


def test_sharing_survives_naughty_strings(place: Place) -> None:  # noqa: F811
    def tidy() -> None:
        PlanShare.objects.all().delete()

    probe = FormProbe(
        label="share a plan",
        url=reverse("safetyplans:share-list"),
        text_fields=["shown_as"],
        good={"kind": "person"},
        after_success=tidy,
    )
    run(signed_in(place.member), probe)
