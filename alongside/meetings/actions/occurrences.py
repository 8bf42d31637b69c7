"""Adding meetings, moving or cancelling one occurrence, and the facilitators' head
count."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.meetings.actions.changes import tell_later
from alongside.meetings.actions.shared import DOUBLE_CLICK, Place, check_place
from alongside.meetings.models import Meeting, Occurrence, OnlinePlace
from alongside.meetings.permissions import check_manage_meetings
from alongside.meetings.recurrence import Schedule, slots_for, to_utc, to_utc_lenient
from alongside.peergroups.models import Format, PeerGroup


def create_meeting(
    *,
    person: Person,
    group: PeerGroup,
    schedule: Schedule,
    place: Place,
    is_shown_to_newcomers: bool = True,
    capacity: int | None = None,
    now: datetime | None = None,
) -> Meeting:
    """Create a one-off meeting or a series, with all its dates.

    Preconditions: the person facilitates the group (check_manage_meetings); the
    place is complete and its venue's checklist is current or waived; the series
    makes at least one and at most 500 dates, none at a time the clocks skip or
    repeat. Side effects: people who chose reminders for the group get a neutral
    note, from the worker, after the commit.
    """
    check_manage_meetings(person, group)
    now = now or timezone.now()
    check_place(group, place, timezone.localdate(now))
    if schedule.duration_minutes <= 0:
        raise ValidationError("A meeting has to end after it starts.")
    slots = slots_for(schedule)
    if not slots:
        raise ValidationError(
            "Those choices make no meetings at all (every date is a bank holiday, "
            "or the end comes before the start). Please check the dates."
        )
    if slots[0].starts_at <= now:
        raise ValidationError("The first meeting has to be in the future.")
    same = _same_series_just_made(person, group, schedule, place, now)
    if same is not None:
        return same  # a double click: the series is already there
    with transaction.atomic():
        meeting = Meeting.objects.create(
            group=group,
            venue=place.venue,
            format=place.format,
            online_place=place.online_place if place.format != Format.IN_PERSON else "",
            online_link=place.online_link
            if place.online_place == OnlinePlace.LINK
            else "",
            in_person_host=place.in_person_host,
            online_host=place.online_host,
            time_zone=schedule.time_zone,
            starts_on=schedule.starts_on,
            local_start_time=schedule.local_start_time,
            duration_minutes=schedule.duration_minutes,
            frequency=schedule.frequency,
            interval=schedule.interval,
            week_of_month=schedule.week_of_month,
            until=schedule.until,
            count=schedule.count,
            skips_bank_holidays=schedule.skips_bank_holidays,
            is_shown_to_newcomers=is_shown_to_newcomers,
            capacity=capacity,
            created_by=person,
        )
        Occurrence.objects.bulk_create(
            Occurrence(
                meeting=meeting,
                slot_at=slot.starts_at,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
            )
            for slot in slots
        )
        first = meeting.occurrences.order_by("starts_at").first()
        assert first is not None
        tell_later(first, "new")
    return meeting


def _same_series_just_made(
    person: Person,
    group: PeerGroup,
    schedule: Schedule,
    place: Place,
    now: datetime,
) -> Meeting | None:
    return Meeting.objects.filter(
        group=group,
        created_by=person,
        created_at__gte=now - DOUBLE_CLICK,
        starts_on=schedule.starts_on,
        local_start_time=schedule.local_start_time,
        duration_minutes=schedule.duration_minutes,
        frequency=schedule.frequency,
        interval=schedule.interval,
        week_of_month=schedule.week_of_month,
        until=schedule.until,
        count=schedule.count,
        format=place.format,
        venue=place.venue,
    ).first()


def move_occurrence(
    *,
    person: Person,
    occurrence: Occurrence,
    starts_on: date,
    local_start_time: time,
    duration_minutes: int,
    now: datetime | None = None,
) -> Occurrence:
    """Move one date of a series; the others stay as they are.

    Preconditions: the person facilitates the group; the meeting is not cancelled
    and not over; the new time is in the future and happens exactly once on the
    clock. Side effects: the calendar sequence rises; people who chose reminders,
    or said they would come, get a neutral note from the worker.
    """
    meeting = occurrence.meeting
    check_manage_meetings(person, meeting.group)
    now = now or timezone.now()
    if occurrence.is_cancelled:
        raise ValidationError("This meeting was cancelled, so it cannot be moved.")
    if occurrence.ends_at <= now:
        raise ValidationError("This meeting is over, so it cannot be moved.")
    if duration_minutes <= 0:
        raise ValidationError("A meeting has to end after it starts.")
    zone = ZoneInfo(meeting.time_zone)
    local = datetime.combine(starts_on, local_start_time)
    starts_at = to_utc(local, zone)
    if starts_at <= now:
        raise ValidationError("Please choose a time in the future.")
    ends_at = to_utc_lenient(local + timedelta(minutes=duration_minutes), zone)
    if (starts_at, ends_at) == (occurrence.starts_at, occurrence.ends_at):
        return occurrence  # the same time again (a double click): nothing changes
    with transaction.atomic():
        occurrence.starts_at = starts_at
        occurrence.ends_at = ends_at
        occurrence.is_moved = True
        occurrence.sequence += 1
        occurrence.save(update_fields=["starts_at", "ends_at", "is_moved", "sequence"])
        tell_later(occurrence, "moved")
    return occurrence


def cancel_occurrence(
    *, person: Person, occurrence: Occurrence, now: datetime | None = None
) -> Occurrence:
    """Cancel one date of a series; the others stay. Cancelling twice (a double
    click) changes nothing more.

    Preconditions: the person facilitates the group; the meeting is not over.
    Side effects: the calendar shows it as cancelled (sequence rises); people who
    chose reminders or said they would come get a neutral note from the worker,
    queued at once so it reaches them within minutes.
    """
    check_manage_meetings(person, occurrence.meeting.group)
    now = now or timezone.now()
    if occurrence.is_cancelled:
        return occurrence
    if occurrence.ends_at <= now:
        raise ValidationError("This meeting is over, so it cannot be cancelled.")
    with transaction.atomic():
        claimed = Occurrence.objects.filter(
            pk=occurrence.pk, is_cancelled=False
        ).update(is_cancelled=True, sequence=occurrence.sequence + 1, changed_at=now)
        occurrence.refresh_from_db()
        if claimed:
            tell_later(occurrence, "cancelled")
    return occurrence


def record_head_count(
    *,
    person: Person,
    occurrence: Occurrence,
    head_count: int | None,
    now: datetime | None = None,
) -> Occurrence:
    """Keep how many came, as a number only (for the organisation's figures).

    Preconditions: the person facilitates the group; the meeting has started and
    was not cancelled. No side effects; nobody is told.
    """
    check_manage_meetings(person, occurrence.meeting.group)
    now = now or timezone.now()
    if occurrence.is_cancelled or occurrence.starts_at > now:
        raise ValidationError("A head count can be added once the meeting has begun.")
    if head_count is not None and not 0 <= head_count <= 500:
        raise ValidationError("Please enter a number between 0 and 500.")
    occurrence.head_count = head_count
    occurrence.save(update_fields=["head_count"])
    return occurrence
