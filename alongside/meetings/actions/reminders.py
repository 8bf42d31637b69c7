"""Reminders before a meeting, sent by the background worker outside the person's quiet
hours. The check queues its own next run when it finishes
(`alongside.core.recurring`); `schedule_meeting_reminders` (run by scripts/serve.sh
at start-up) starts the chain if nothing is waiting."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import F
from django.utils import timezone
from django_tasks import task

from alongside.accounts.models import Person
from alongside.core import recurring
from alongside.meetings.actions.rsvps import forget_old_rsvps
from alongside.meetings.actions.shared import local_phrase, occurrence_link
from alongside.meetings.models import (
    DEFAULT_QUIET_FROM,
    DEFAULT_QUIET_UNTIL,
    CalendarFeed,
    MeetingChoice,
    Occurrence,
    Reminder,
    SentReminder,
)
from alongside.notifications.actions import notify
from alongside.peergroups.models import CURRENT_STATUSES


def is_quiet(moment: time, quiet_from: time, quiet_until: time) -> bool:
    """Whether a local time falls in the quiet hours (which may span midnight)."""
    if quiet_from == quiet_until:
        return False
    if quiet_from < quiet_until:
        return quiet_from <= moment < quiet_until
    return moment >= quiet_from or moment < quiet_until


REMINDER_WORDS = {
    Reminder.WEEK: "in a week",
    Reminder.DAY: "tomorrow",
    Reminder.THREE_HOURS: "in three hours",
    Reminder.HOUR: "in an hour",
    Reminder.QUARTER: "in fifteen minutes",
}


def send_due_reminders(*, now: datetime | None = None) -> int:
    """Send each reminder that is due, once, to people who chose it. A system
    action: the worker runs it every few minutes.

    A reminder waits out the person's quiet hours (in the meeting's time zone) and
    is dropped if the meeting would have begun by then. When several of a person's
    reminders are due at once (the worker was stopped, or a meeting was moved
    nearer), only the nearest is sent. Nobody is ever told they did not come.
    Returns how many notes were sent.
    """
    now = now or timezone.now()
    longest = timedelta(minutes=max(Reminder.values))
    choices = (
        MeetingChoice.objects.exclude(reminders="")
        .filter(
            person__memberships__group_id=F("group_id"),
            person__memberships__status__in=CURRENT_STATUSES,
        )
        .select_related("person")
    )
    quiet = {
        feed.person_id: feed
        for feed in CalendarFeed.objects.filter(
            person_id__in=[choice.person_id for choice in choices]
        )
    }
    sent = 0
    occurrences = list(
        Occurrence.objects.filter(
            is_cancelled=False, starts_at__gt=now, starts_at__lte=now + longest
        ).select_related("meeting")
    )
    by_group: dict[int, list[Occurrence]] = {}
    for occurrence in occurrences:
        by_group.setdefault(occurrence.meeting.group_id, []).append(occurrence)
    for choice in choices:
        feed = quiet.get(choice.person_id)
        for occurrence in by_group.get(choice.group_id, []):
            due = [
                minutes
                for minutes in choice.reminder_minutes
                if occurrence.starts_at - timedelta(minutes=minutes) <= now
            ]
            if not due:
                continue
            local_now = timezone.localtime(
                now, ZoneInfo(occurrence.meeting.time_zone)
            ).time()
            quiet_from, quiet_until = (
                (feed.quiet_from, feed.quiet_until)
                if feed is not None
                else (DEFAULT_QUIET_FROM, DEFAULT_QUIET_UNTIL)
            )
            if is_quiet(local_now, quiet_from, quiet_until):
                continue
            if _claim_reminders(choice.person, occurrence, due):
                nearest = REMINDER_WORDS[Reminder(min(due))]
                when = local_phrase(occurrence.starts_at, occurrence.meeting.time_zone)
                message = (
                    "Reminder: a meeting you chose reminders for starts "
                    f"{nearest}, at {when}."
                )
                notify(
                    people=[choice.person],
                    message=message,
                    link=occurrence_link(occurrence),
                )
                sent += 1
    return sent


def _claim_reminders(
    person: Person, occurrence: Occurrence, minutes: list[int]
) -> bool:
    """Record the due reminders as sent; False when they already were (another run
    got there first, or this start was reminded about already)."""
    claimed = False
    for value in minutes:
        _, created = SentReminder.objects.get_or_create(
            occurrence=occurrence,
            person=person,
            minutes_before=value,
            starts_at=occurrence.starts_at,
        )
        claimed = claimed or created
    return claimed


CHECK_EVERY = timedelta(minutes=5)


@task()
def check_reminders() -> int:
    """Send the reminders that are due and forget old RSVPs, then queue the next
    check."""
    try:
        now = timezone.now()
        forget_old_rsvps(now=now)
        return send_due_reminders(now=now)
    finally:
        schedule_reminder_check()


def schedule_reminder_check(*, run_after: datetime | None = None) -> bool:
    """Queue the next check unless one is already waiting. Returns whether it
    queued."""
    return recurring.queue_once(
        check_reminders, run_after=run_after or timezone.now() + CHECK_EVERY
    )
