"""A safety plan for the demo, written by its owner and shared with one person: sam's,
shared with jo, their one-to-one supporter (once buddying's demo has matched them)."""

from __future__ import annotations

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation


def seed_safety_plan(people: dict[str, Person], *, riverside: Organisation) -> None:
    """Riverside's own crisis line in its help directory (so plans start with it),
    and sam's plan, partly filled in (`share_demo_plan` shares it)."""
    from alongside.organisations.models import SupportService
    from alongside.safetyplans import actions as plan_actions
    from alongside.safetyplans.models import SafetyPlan
    from alongside.safetyplans.sections import Contact

    SupportService.objects.get_or_create(
        organisation=riverside,
        name="Riverside evening line",
        defaults={
            "purpose": "Riverside's own listening line, answered by trained peers.",
            "phone": "0117 496 0123",
            "hours": "6pm to midnight, every day",
            "region": "Riverside",
            "is_urgent": True,
            "position": 5,
        },
    )
    sam = people["sam"]
    if SafetyPlan.objects.filter(owner=sam).exists():
        return
    for key, text in (
        ("getting-harder", "I stop replying to messages.\nI stay up late scrolling."),
        ("on-my-own", "A hot shower and clean clothes.\nThe walk along the river."),
        ("take-my-mind-off", "The library café. Evening circle's live room."),
    ):
        plan_actions.save_section(person=sam, section_key=key, text=text)
    plan_actions.save_section(
        person=sam,
        section_key="people",
        contacts=[Contact(name="My sister", phone="07700 900456")],
    )


def share_demo_plan(people: dict[str, Person]) -> None:
    """Sam shares their plan with jo, their one-to-one supporter: run after
    buddying's demo has matched them, since a plan is shared by name only with
    someone supporting its owner. Sharing again keeps the one live share."""
    from alongside.safetyplans import actions as plan_actions

    plan_actions.share_with_person(
        person=people["sam"], recipient=people["jo"], shown_as="Sam"
    )
