"""What a person's data download holds from meetings: their calendar choices,
reminders, answers about coming, meetings they added and venue decisions (never the
private calendar address). Used by alongside.privacy.registry."""

from __future__ import annotations

from alongside.accounts.models import Person
from alongside.core.exports import Row, when
from alongside.peergroups.exports import group_names_of

from .models import CalendarFeed, Meeting, MeetingChoice, Rsvp, Venue, VenueCheckTurn


def export_calendar_feed(person: Person) -> list[Row]:
    # Never the private address itself: a download may be kept somewhere less safe.
    return [
        {
            "address_made_at": when(feed.token_created_at),
            "quiet_from": feed.quiet_from.isoformat(),
            "quiet_until": feed.quiet_until.isoformat(),
        }
        for feed in CalendarFeed.objects.filter(person=person)
    ]


def export_meeting_choices(person: Person) -> list[Row]:
    names = group_names_of(person)
    return [
        {
            "group": names.get(choice.group_id, "a group you have left"),
            "reminder_minutes_before": choice.reminder_minutes,
            "calendar_names_group": choice.calendar_names_group,
        }
        for choice in MeetingChoice.objects.filter(person=person)
    ]


def export_rsvps(person: Person) -> list[Row]:
    names = group_names_of(person)
    return [
        {
            "group": names.get(rsvp.occurrence.meeting.group_id, "a group"),
            "meeting_starts_at": when(rsvp.occurrence.starts_at),
            "on_waiting_list": rsvp.is_waiting,
            "said_at": when(rsvp.created_at),
        }
        for rsvp in Rsvp.objects.filter(person=person).select_related(
            "occurrence__meeting"
        )
    ]


def export_meetings_created(person: Person) -> list[Row]:
    names = group_names_of(person)
    return [
        {
            "group": names.get(meeting.group_id, "a group"),
            "first_date": when(meeting.starts_on),
            "how_often": meeting.get_frequency_display(),
            "created_at": when(meeting.created_at),
        }
        for meeting in Meeting.objects.filter(created_by=person)
    ]


def export_venue_check_turns(person: Person) -> list[Row]:
    # Only when they may be asked again: their answers carry no link to them.
    return [
        {"venue": turn.venue.name, "may_be_asked_again_from": when(turn.next_from)}
        for turn in VenueCheckTurn.objects.filter(person=person).select_related("venue")
    ]


def export_checklists_waived(person: Person) -> list[Row]:
    return [
        {
            "venue": venue.name,
            "decided_at": when(venue.checklist_waived_at),
            "until": when(venue.checklist_waived_until),
        }
        for venue in Venue.objects.filter(checklist_waived_by=person)
    ]
