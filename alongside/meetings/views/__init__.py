"""Meeting pages: a group's meetings, one meeting, saying you will come, calendars,
reminders, and the facilitators' and staff's pages for meetings and venues. Views
translate; actions decide and write."""

from __future__ import annotations

from alongside.meetings.views.calendar import (
    calendar_feed,
    calendar_settings,
    feed_path,
)
from alongside.meetings.views.facilitators import (
    head_count_save,
    meeting_create,
    occurrence_cancel,
    occurrence_move,
)
from alongside.meetings.views.pages import (
    describe_meeting,
    meeting_list,
    occurrence_detail,
)
from alongside.meetings.views.taking_part import (
    choices_edit,
    occurrence_ics,
    rsvp_save,
    venue_check,
)
from alongside.meetings.views.venues import (
    venue_checklist,
    venue_edit,
    venue_list,
    venue_remove,
    venue_restore,
    venue_waive,
)

__all__ = [
    "calendar_feed",
    "calendar_settings",
    "choices_edit",
    "describe_meeting",
    "feed_path",
    "head_count_save",
    "meeting_create",
    "meeting_list",
    "occurrence_cancel",
    "occurrence_detail",
    "occurrence_ics",
    "occurrence_move",
    "rsvp_save",
    "venue_check",
    "venue_checklist",
    "venue_edit",
    "venue_list",
    "venue_remove",
    "venue_restore",
    "venue_waive",
]
