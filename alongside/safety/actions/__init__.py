"""Every change in safety: phrase rules (each a version; in phrase_actions.py),
reports, an author's one-click removal and appeal, moderation decisions, duty,
escalations and incidents.

Each action checks permission, writes, records what was done, and only after the
transaction commits tells anyone (notifications, live alerts, emails, tasks). Nothing
here logs, notifies or emails a peer's words."""

from __future__ import annotations

from alongside.safety.actions.decisions import (
    NEEDS_NOTE,
    decide_on_post,
    reply_to_decision,
)
from alongside.safety.actions.duty import (
    StepChoice,
    go_off_duty,
    go_on_duty,
    on_duty_in,
    set_escalation_chain,
    steps_no_longer_on_the_team,
)
from alongside.safety.actions.escalations import (
    CHECK_EVERY,
    acknowledge_escalation,
    check_due_escalations,
    email_duty_alert,
    message_from_alert,
    move_escalation_up,
    move_escalation_up_when_due,
    move_up_due_escalations,
    pending_escalation_checks,
    raise_escalation,
    record_post_viewed,
    schedule_escalation_check,
)
from alongside.safety.actions.held_posts import appeal_hold, redact_own_post
from alongside.safety.actions.incidents import record_incident, update_incident
from alongside.safety.actions.reports import report_post
from alongside.safety.phrase_actions import (
    create_phrase_rule,
    switch_phrase_rule,
    update_phrase_rule,
)

__all__ = [
    "CHECK_EVERY",
    "NEEDS_NOTE",
    "StepChoice",
    "acknowledge_escalation",
    "appeal_hold",
    "check_due_escalations",
    "create_phrase_rule",
    "decide_on_post",
    "email_duty_alert",
    "go_off_duty",
    "go_on_duty",
    "message_from_alert",
    "move_escalation_up",
    "move_escalation_up_when_due",
    "move_up_due_escalations",
    "on_duty_in",
    "pending_escalation_checks",
    "raise_escalation",
    "record_incident",
    "record_post_viewed",
    "redact_own_post",
    "reply_to_decision",
    "report_post",
    "schedule_escalation_check",
    "set_escalation_chain",
    "steps_no_longer_on_the_team",
    "switch_phrase_rule",
    "update_incident",
    "update_phrase_rule",
]
