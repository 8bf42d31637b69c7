"""Review reminders, sent when an agreement's review falls due."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from alongside.notifications.actions import notify

from ..models import Agreement
from .proposals import active_facilitators


def send_review_reminders(*, now: datetime | None = None) -> int:
    """Remind the active facilitators of each agreement whose review is due within
    two weeks. Sent once per review date, however often this runs: the date is
    claimed with a conditional update before anyone is told.

    Returns how many agreements were reminded about.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    reminded = 0
    candidates = Agreement.objects.filter(review_due_on__isnull=False).select_related(
        "group"
    )
    for agreement in candidates:
        due = agreement.review_due_on
        reminder_on = agreement.review_reminder_on
        if due is None or reminder_on is None or today < reminder_on:
            continue
        if agreement.review_reminder_sent_for == due:
            continue
        with transaction.atomic():
            claimed = (
                Agreement.objects.filter(pk=agreement.pk)
                .exclude(review_reminder_sent_for=due)
                .update(review_reminder_sent_for=due)
            )
            if not claimed:
                continue
            group = agreement.group
            facilitators = active_facilitators(group)
            link = reverse("agreements:review-start", args=[group.pk])
            message = (
                f"{group.name}'s group agreement is due for its review on "
                f"{due.day} {due:%B %Y}. When the group is ready, you can start a "
                "review."
            )
            transaction.on_commit(
                partial(notify, people=facilitators, message=message, link=link)
            )
            reminded += 1
    return reminded
