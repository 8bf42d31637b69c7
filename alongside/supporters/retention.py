"""How long supporters' own words and records are kept, and clearing them once
past it: a system action for the nightly retention run (alongside.retention).

- Supervision notes and the supervisee's reflection: two years after the session.
  The session stays (its date, length and whether it happened), without words.
- Debriefs after meetings: one year after they were written. The record that the
  person facilitated the meeting stays (it holds no words, and counts towards
  leading alone).
- Self-care check-ins: one year.
- Follow-ups after a crisis: 90 days after they were sent.

Counts only are returned; nothing anyone wrote is read or logged.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.db import transaction

from .facilitating_models import MeetingDebrief
from .followup_models import FollowUp
from .models import CheckIn, SupervisionSession

logger = logging.getLogger(__name__)

SUPERVISION_WORDS_KEPT = timedelta(days=730)
DEBRIEFS_KEPT = timedelta(days=365)
CHECK_INS_KEPT = timedelta(days=365)
FOLLOW_UPS_KEPT = timedelta(days=90)


@transaction.atomic
def clear_old_supporter_records(*, now: datetime) -> dict[str, int]:
    """Clear supervision words past two years, and delete debriefs and check-ins
    past a year and sent follow-ups past 90 days. No permission check: run by the
    retention task only, never from a view."""
    counts = {
        "supervision_sessions_cleared": SupervisionSession.objects.filter(
            scheduled_for__lt=now - SUPERVISION_WORDS_KEPT
        )
        .exclude(notes="", reflection="")
        .update(notes="", reflection=""),
        "debriefs": MeetingDebrief.objects.filter(
            created_at__lt=now - DEBRIEFS_KEPT
        ).delete()[0],
        "check_ins": CheckIn.objects.filter(
            created_at__lt=now - CHECK_INS_KEPT
        ).delete()[0],
        "follow_ups": FollowUp.objects.filter(
            sent_at__lt=now - FOLLOW_UPS_KEPT
        ).delete()[0],
    }
    logger.info(
        "Retention for supporters: cleared the words of %d supervision sessions; "
        "deleted %d debriefs, %d check-ins and %d follow-ups.",
        counts["supervision_sessions_cleared"],
        counts["debriefs"],
        counts["check_ins"],
        counts["follow_ups"],
    )
    return counts
