"""The escalation tasks live beside the actions they run, in
`actions/escalations.py`. These names stay importable from here so that older
imports keep working, and so that tasks queued under these paths before an upgrade
still find their function and run.
"""

from .actions import (
    CHECK_EVERY,
    check_due_escalations,
    email_duty_alert,
    pending_escalation_checks,
    schedule_escalation_check,
)
from .actions import move_escalation_up_when_due as move_escalation_up

__all__ = [
    "CHECK_EVERY",
    "check_due_escalations",
    "email_duty_alert",
    "move_escalation_up",
    "pending_escalation_checks",
    "schedule_escalation_check",
]
