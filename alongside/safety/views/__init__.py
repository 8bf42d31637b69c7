"""Safety pages: reporting a post, an author's one-click removal and appeal, the
moderation queue, decisions and replies, being on duty, alerts, the escalation chain
and the incident log. Views translate; permissions decide; actions write."""

from __future__ import annotations

from alongside.safety.views.duty_pages import (
    chain_edit,
    duty,
    escalation_acknowledge,
    escalation_detail,
    escalation_message,
)
from alongside.safety.views.incident_pages import (
    incident_create,
    incident_detail,
    incident_list,
    incident_update,
)
from alongside.safety.views.queue_pages import decision_detail, queue, queue_decide
from alongside.safety.views.report_pages import post_appeal, post_redact, post_report

__all__ = [
    "chain_edit",
    "decision_detail",
    "duty",
    "escalation_acknowledge",
    "escalation_detail",
    "escalation_message",
    "incident_create",
    "incident_detail",
    "incident_list",
    "incident_update",
    "post_appeal",
    "post_redact",
    "post_report",
    "queue",
    "queue_decide",
]
