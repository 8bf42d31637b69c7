"""The owner's plan, its versions and its shares as rows for their own data
download (`alongside/privacy/registry.py`). Only the owner's download holds these
words; a plan shared with someone never appears in theirs."""

from __future__ import annotations

from typing import Any

from alongside.accounts.models import Person
from alongside.core.exports import when

from .models import PlanShare, SafetyPlan
from .sections import PlanContent, shown_sections

Row = dict[str, Any]


def _parts(content: PlanContent, person: Person) -> list[Row]:
    return [
        {
            "part": shown.section.heading,
            "left_out": shown.is_not_for_me,
            "words": shown.text,
            "contacts": [
                {
                    "name": c.name,
                    "phone": c.phone,
                    "text": c.text_to,
                    "note": c.note,
                }
                for c in shown.contacts
            ],
        }
        for shown in shown_sections(content, person)
    ]


def export_plan(person: Person) -> list[Row]:
    """The plan, every version and each share; never the sign-in name of the person
    it was shared with (as every download leaves out other people's accounts)."""
    plan = SafetyPlan.objects.filter(owner=person).first()
    if plan is None:
        return []
    versions = list(plan.versions.order_by("-number"))
    shares = plan.shares.select_related("recipient").prefetch_related("views")
    return [
        {
            "made_at": when(plan.created_at),
            "reminder": plan.get_review_months_display(),
            "next_reminder_on": when(plan.review_due_on),
            "has_a_pin": plan.has_pin,
            "versions": [
                {
                    "version": version.number,
                    "saved_at": when(version.created_at),
                    "parts": _parts(PlanContent.from_json(version.content), person),
                }
                for version in versions
            ],
            "shares": [
                {
                    "kind": "link" if share.is_link else "named person",
                    "your_name_shown_as": share.shown_as,
                    "made_at": when(share.created_at),
                    "ends_at": when(share.expires_at),
                    "stopped_at": when(share.revoked_at),
                    "opened_at": [when(view.viewed_at) for view in share.views.all()],
                }
                for share in shares
            ],
        }
    ]


def export_plans_shared_with(person: Person) -> list[Row]:
    # When, never what or whose: the plan is its owner's words.
    return [
        {"shared_with_you_at": when(share.created_at), "still_shared": share.is_live}
        for share in PlanShare.objects.filter(recipient=person)
    ]
