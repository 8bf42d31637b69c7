"""Insights for the URL x role policy test: each route's expected answer for every
actor, valid input for the forms, and a meeting of the probed group that ended an
hour ago (so that how it felt may be answered)."""

from __future__ import annotations

from alongside.insights.licences import TEAM_PSYCHOLOGICAL_SAFETY
from alongside.insights.models import Report, ReportStatus
from alongside.peergroups.models import PeerGroup

from .factories import past_meeting

# Columns follow ACTORS in alongside/core/tests/test_url_policy.py:
#   anon  outs  peer  req   mem   paus  left  faci  admn  supv  ofac  hand oadm
_MEMBERS = (302, 404, 403, 403, 200, 200, 403, 200, 403, 403, 403, 403, 404)
_MEMBERS_DONE = (302, 404, 403, 403, 302, 302, 403, 302, 403, 403, 403, 403, 404)
# Members answer; the facilitators, who read the answers, do not.
_ANSWERERS = (302, 404, 403, 403, 200, 200, 403, 403, 403, 403, 403, 403, 404)
_ANSWERERS_DONE = (302, 404, 403, 403, 302, 302, 403, 403, 403, 403, 403, 403, 404)
# Only someone who left the group lately leaves a parting note.
_LEFT = (302, 404, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403, 404)
_LEFT_DONE = (302, 404, 403, 403, 403, 403, 302, 403, 403, 403, 403, 403, 404)
_FACILITATOR = (302, 404, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403, 404)
_FACILITATOR_DONE = (302, 404, 403, 403, 403, 403, 403, 302, 403, 403, 403, 403, 404)
_DASHBOARD = (302, 404, 404, 404, 404, 404, 404, 404, 200, 200, 404, 200, 404)
_DASHBOARD_DONE = (302, 404, 404, 404, 404, 404, 404, 404, 302, 302, 404, 302, 404)
_SIGNED_IN = (302, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)
_EVERYONE_DONE = (302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302)
_NO_GET = (302, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405, 405)
_NO_POST = _NO_GET
# Check-ins: anyone with a role in the organisation; the register for staff and
# peer supporters; a licensed measure's wording entered by an admin alone.
_IN_ORGANISATION = (302, 404, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 404)
_IN_ORGANISATION_DONE = (
    302, 404, 302, 302, 302, 302, 302, 302, 302, 302, 302, 302, 404,
)  # fmt: skip
_STAFF = (302, 404, 403, 403, 403, 403, 403, 200, 200, 200, 200, 200, 404)
_ADMIN = (302, 404, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 404)
_ADMIN_DONE = (302, 404, 403, 403, 403, 403, 403, 403, 302, 403, 403, 403, 404)

POLICY: dict[str, dict[str, tuple[int, ...]]] = {
    # Members write to their facilitators; only the facilitator reads, and only
    # answers released after the window and the threshold.
    "insights:feedback-give": {"GET": _ANSWERERS, "POST": _ANSWERERS_DONE},
    "insights:feedback-read": {"GET": _FACILITATOR, "POST": _NO_POST},
    # Someone who has just left may leave a parting note, read the same way.
    "insights:parting-note": {"GET": _LEFT, "POST": _LEFT_DONE},
    "insights:felt-safety-answer": {"GET": _ANSWERERS, "POST": _ANSWERERS_DONE},
    # Members read "you said, we did"; the facilitator writes it.
    "insights:you-said-we-did": {"GET": _MEMBERS, "POST": _FACILITATOR_DONE},
    # One's own scores, and turning the prompt off or on: one's own.
    "insights:own-scores": {"GET": _SIGNED_IN, "POST": _NO_POST},
    "insights:prompt-dismiss": {"GET": _NO_GET, "POST": _EVERYONE_DONE},
    # Figures for the organisation's admins and supervisors, never words.
    "insights:dashboard": {"GET": _DASHBOARD, "POST": _NO_POST},
    "insights:report-request": {"GET": _NO_GET, "POST": _DASHBOARD_DONE},
    "insights:report-detail": {"GET": _DASHBOARD, "POST": _NO_POST},
    "insights:report-download": {"GET": _DASHBOARD, "POST": _NO_POST},
    "insights:report-download-pdf": {"GET": _DASHBOARD, "POST": _NO_POST},
    # Check-ins (check_views.py): answered by anyone in the organisation, without
    # a name; their figures for the dashboard's readers only.
    "insights:check-in": {"GET": _IN_ORGANISATION, "POST": _IN_ORGANISATION_DONE},
    "insights:check-in-asking": {"GET": _NO_GET, "POST": _IN_ORGANISATION_DONE},
    "insights:measure-register": {"GET": _STAFF, "POST": _NO_POST},
    "insights:wording-enter": {"GET": _ADMIN, "POST": _ADMIN_DONE},
    "insights:check-in-results": {"GET": _DASHBOARD, "POST": _NO_POST},
}

POST_DATA: dict[str, dict[str, str]] = {
    "insights:feedback-give": {"text": "A made-up note for the facilitators."},
    "insights:felt-safety-answer": {"felt_safe": "4", "could_say": "3"},
    "insights:parting-note": {"text": "A made-up parting note."},
    "insights:you-said-we-did": {
        "you_said": "A made-up wish.",
        "we_did": "A made-up change.",
    },
    "insights:check-in": {f"item_{n}": "4" for n in range(5)},
    "insights:check-in-asking": {"asking": "yes"},
    "insights:wording-enter": {
        "items_text": "\n".join(f"Made-up statement {n}." for n in range(7)),
        "points": "7",
        "licence_held": "A made-up permission.",
    },
}


def insights_objects(group: PeerGroup) -> dict[str, object]:
    report = Report.objects.create(
        organisation=group.organisation,
        status=ReportStatus.READY,
        progress=100,
        csv="table,quarter,measure,value,denominator\r\n",
        pdf=b"%PDF-1.3\n%%EOF\n",
    )
    return {
        "occurrence_id": past_meeting(group).pk,
        "report_id": report.pk,
        "code": TEAM_PSYCHOLOGICAL_SAFETY.code,
    }
