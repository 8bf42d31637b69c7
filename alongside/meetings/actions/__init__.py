"""Every change to meetings, RSVPs, calendar choices and venues. Each action checks
permission, keeps the invariants, writes, and only then tells anyone: notes about a
change are written by the background worker (`changes.py`) after the commit, never in
the request, and only to people who chose reminders for the group (and people who
said they would come).

Notes are always neutral: they never name the group, its topic or the place."""

from __future__ import annotations

from alongside.meetings.actions.calendars import (
    calendar_feed_for,
    replace_feed_token,
    save_meeting_choice,
    save_quiet_hours,
)
from alongside.meetings.actions.changes import (
    CHANGE_WORDS,
    tell_about_change,
    tell_about_change_task,
)
from alongside.meetings.actions.occurrences import (
    cancel_occurrence,
    create_meeting,
    move_occurrence,
    record_head_count,
)
from alongside.meetings.actions.reminders import (
    CHECK_EVERY,
    REMINDER_WORDS,
    check_reminders,
    is_quiet,
    schedule_reminder_check,
    send_due_reminders,
)
from alongside.meetings.actions.rsvps import (
    forget_old_rsvps,
    say_coming,
    withdraw_coming,
)
from alongside.meetings.actions.shared import (
    DOUBLE_CLICK,
    LONGEST_WAIVER_DAYS,
    RSVP_KEPT_FOR,
    Place,
    local_phrase,
)
from alongside.meetings.actions.venues import (
    answer_venue_check,
    complete_checklist,
    remove_venue,
    restore_venue,
    save_venue,
    waive_checklist,
)

__all__ = [
    "CHANGE_WORDS",
    "CHECK_EVERY",
    "DOUBLE_CLICK",
    "LONGEST_WAIVER_DAYS",
    "REMINDER_WORDS",
    "RSVP_KEPT_FOR",
    "Place",
    "answer_venue_check",
    "calendar_feed_for",
    "cancel_occurrence",
    "check_reminders",
    "complete_checklist",
    "create_meeting",
    "forget_old_rsvps",
    "is_quiet",
    "local_phrase",
    "move_occurrence",
    "record_head_count",
    "remove_venue",
    "replace_feed_token",
    "restore_venue",
    "save_meeting_choice",
    "save_quiet_hours",
    "save_venue",
    "say_coming",
    "schedule_reminder_check",
    "send_due_reminders",
    "tell_about_change",
    "tell_about_change_task",
    "waive_checklist",
    "withdraw_coming",
]
