"""Every change to meetings, RSVPs, calendar choices and venues. Each action checks
permission, keeps the invariants, writes, and only then tells anyone: notes about a
change are written by the background worker (`tasks.py`) after the commit, never in
the request, and only to people who chose reminders for the group (and people who
said they would come).

Notes are always neutral: they never name the group, its topic or the place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import partial
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from alongside.accounts.models import Person
from alongside.core import recurring
from alongside.notifications.actions import notify
from alongside.organisations.models import Organisation
from alongside.organisations.permissions import role_in
from alongside.peergroups.models import CURRENT_STATUSES, Format, PeerGroup

from .models import (
    ACCESS_FACTS,
    CHECKLIST,
    DEFAULT_QUIET_FROM,
    DEFAULT_QUIET_UNTIL,
    VENUE_CHECK_EVERY,
    VENUE_QUESTIONS,
    CalendarFeed,
    Felt,
    Meeting,
    MeetingChoice,
    Occurrence,
    OnlinePlace,
    Reminder,
    Rsvp,
    SentReminder,
    Venue,
    VenueCheck,
    VenueCheckTurn,
    new_feed_token,
)
from .permissions import (
    check_answer_venue_check,
    check_choose_reminders,
    check_manage_meetings,
    check_manage_venues,
    check_rsvp,
    check_waive_checklist,
    is_secure_service,
    venue_check_blocker,
)
from .recurrence import Schedule, slots_for, to_utc, to_utc_lenient

RSVP_KEPT_FOR = timedelta(days=7)
# The same thing asked again this soon, by the same person, is a double click.
DOUBLE_CLICK = timedelta(minutes=2)
LONGEST_WAIVER_DAYS = 30


@dataclass(frozen=True)
class Place:
    """Where a meeting happens, as parsed from a form."""

    format: str
    venue: Venue | None = None
    online_place: str = ""
    online_link: str = ""
    in_person_host: str = ""
    online_host: str = ""


# --- helpers ----------------------------------------------------------------------


def _occurrence_link(occurrence: Occurrence) -> str:
    return reverse(
        "meetings:occurrence-detail",
        args=[occurrence.meeting.group_id, occurrence.pk],
    )


def local_phrase(moment: datetime, zone_name: str) -> str:
    """A moment as people in the zone read it: "7:00pm on Tuesday 8 December"."""
    local = moment.astimezone(ZoneInfo(zone_name))
    clock = f"{local:%-I:%M}{'am' if local.hour < 12 else 'pm'}"
    return f"{clock} on {local:%A} {local.day} {local:%B}"


def _check_place(group: PeerGroup, place: Place, today: date) -> None:
    organisation = group.organisation
    if place.format not in Format.values:
        raise ValidationError("Please choose in person, online, or both.")
    if place.format in {Format.IN_PERSON, Format.HYBRID}:
        venue = place.venue
        if venue is None:
            raise ValidationError("Please choose where the group meets in person.")
        if venue.organisation_id != organisation.pk or venue.removed_at is not None:
            raise ValidationError("That venue is no longer available.")
        if not venue.may_host_meetings(today):
            raise ValidationError(
                "The venue's being-safe checklist needs completing (or its yearly "
                "review) before meetings can be held there. Staff can complete it "
                "from the venue's page; an organisation admin can allow meetings "
                "there for a short while."
            )
    elif place.venue is not None:
        raise ValidationError("An online meeting has no venue.")
    if place.format in {Format.ONLINE, Format.HYBRID}:
        if place.online_place not in OnlinePlace.values:
            raise ValidationError("Please choose where the group meets online.")
        if place.online_place == OnlinePlace.LINK:
            if is_secure_service(organisation) or not organisation.allows_links:
                raise ValidationError(
                    "This service does not allow links to other sites; please use "
                    "the group's live room."
                )
            if not place.online_link:
                raise ValidationError("Please add the link people use to join.")


def _people_to_tell(occurrence: Occurrence) -> list[int]:
    """Current members who chose reminders for the group, and anyone who said they
    would come. Ids only."""
    group_id = occurrence.meeting.group_id
    chose = MeetingChoice.objects.filter(
        group_id=group_id,
        person__memberships__group_id=group_id,
        person__memberships__status__in=CURRENT_STATUSES,
    ).exclude(reminders="")
    coming = Rsvp.objects.filter(occurrence=occurrence)
    return sorted(
        set(chose.values_list("person_id", flat=True))
        | set(coming.values_list("person_id", flat=True))
    )


def _tell_later(occurrence: Occurrence, what: str) -> None:
    transaction.on_commit(partial(tell_about_change_task.enqueue, occurrence.pk, what))


# --- meetings ---------------------------------------------------------------------


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
    _check_place(group, place, timezone.localdate(now))
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
        _tell_later(first, "new")
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
        _tell_later(occurrence, "moved")
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
            _tell_later(occurrence, "cancelled")
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


# --- RSVPs ------------------------------------------------------------------------


def say_coming(
    *, person: Person, occurrence: Occurrence, now: datetime | None = None
) -> Rsvp:
    """Say you will come. Optional; nobody else learns who. Saying it twice (a
    double click) keeps the first.

    Preconditions: a current member of the group; the meeting is neither cancelled
    nor begun. When the meeting has a capacity and it is full, the person joins the
    waiting list, first come first served. No one is told.
    """
    check_rsvp(person, occurrence)
    now = now or timezone.now()
    if occurrence.is_cancelled:
        raise ValidationError(
            "This meeting has been cancelled, so there is nothing to say yes to."
        )
    if occurrence.starts_at <= now:
        raise ValidationError("This meeting has already started or finished.")
    existing = Rsvp.objects.filter(occurrence=occurrence, person=person).first()
    if existing is not None:
        return existing
    capacity = occurrence.meeting.capacity
    with transaction.atomic():
        # Lock the occurrence so two people cannot take the last place at once.
        Occurrence.objects.select_for_update().filter(pk=occurrence.pk).first()
        full = (
            capacity is not None
            and Rsvp.objects.filter(occurrence=occurrence).coming().count() >= capacity
        )
        try:
            with transaction.atomic():
                return Rsvp.objects.create(
                    occurrence=occurrence, person=person, is_waiting=full
                )
        except IntegrityError:
            return Rsvp.objects.get(occurrence=occurrence, person=person)


def withdraw_coming(*, person: Person, occurrence: Occurrence) -> bool:
    """Take back "I will come". Nobody notices or minds; nothing is recorded.

    Side effects: if this frees a place, the first person on the waiting list gets
    it and is told privately (a note only to them). Returns whether there was one.
    """
    check_rsvp(person, occurrence)
    with transaction.atomic():
        Occurrence.objects.select_for_update().filter(pk=occurrence.pk).first()
        rsvp = Rsvp.objects.filter(occurrence=occurrence, person=person).first()
        if rsvp is None:
            return False
        was_coming = not rsvp.is_waiting
        rsvp.delete()
        if was_coming:
            _offer_place(occurrence)
    return True


def _offer_place(occurrence: Occurrence) -> None:
    capacity = occurrence.meeting.capacity
    if capacity is None:
        return
    if Rsvp.objects.filter(occurrence=occurrence).coming().count() >= capacity:
        return
    first = Rsvp.objects.filter(occurrence=occurrence).waiting().first()
    if first is None:
        return
    first.is_waiting = False
    first.save(update_fields=["is_waiting"])
    message = (
        "A place has come up for a meeting you hoped to come to, at "
        f"{local_phrase(occurrence.starts_at, occurrence.meeting.time_zone)}. "
        "It is yours if you want it."
    )
    transaction.on_commit(
        partial(
            notify,
            people=[first.person],
            message=message,
            link=_occurrence_link(occurrence),
        )
    )


def forget_old_rsvps(*, now: datetime | None = None) -> int:
    """Delete every RSVP a week after its meeting ended (cancelled ones too). A
    system action: the worker runs it. Returns how many went."""
    now = now or timezone.now()
    deleted, _ = Rsvp.objects.filter(
        occurrence__ends_at__lt=now - RSVP_KEPT_FOR
    ).delete()
    return deleted


# --- choices and calendars --------------------------------------------------------


def save_meeting_choice(
    *,
    person: Person,
    group: PeerGroup,
    reminders: Iterable[int],
    calendar_names_group: bool,
) -> MeetingChoice:
    """Keep a person's reminder times for a group's meetings and whether their
    calendar names the group. Preconditions: a current member. No side effects."""
    check_choose_reminders(person, group)
    minutes = sorted({int(value) for value in reminders}, reverse=True)
    if any(value not in Reminder.values for value in minutes):
        raise ValidationError("Please choose from the reminder times offered.")
    choice, _ = MeetingChoice.objects.update_or_create(
        person=person,
        group=group,
        defaults={
            "reminders": ",".join(str(value) for value in minutes),
            "calendar_names_group": calendar_names_group,
        },
    )
    return choice


def calendar_feed_for(*, person: Person) -> CalendarFeed:
    """The person's own calendar settings, made the first time they are needed.
    Touches nobody else's."""
    if not person.is_authenticated:
        raise PermissionDenied
    feed, _ = CalendarFeed.objects.get_or_create(person=person)
    return feed


def replace_feed_token(*, person: Person) -> CalendarFeed:
    """Give the person a new private calendar address; the old one stops working at
    once. No side effects."""
    feed = calendar_feed_for(person=person)
    feed.token = new_feed_token()
    feed.token_created_at = timezone.now()
    feed.save(update_fields=["token", "token_created_at"])
    return feed


def save_quiet_hours(
    *, person: Person, quiet_from: time, quiet_until: time
) -> CalendarFeed:
    """Keep when the person would rather not be reminded. Equal times mean no quiet
    hours. No side effects."""
    feed = calendar_feed_for(person=person)
    feed.quiet_from = quiet_from
    feed.quiet_until = quiet_until
    feed.save(update_fields=["quiet_from", "quiet_until"])
    return feed


# --- reminders (run by the worker) ------------------------------------------------


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
                    link=_occurrence_link(occurrence),
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


CHANGE_WORDS = {
    "new": "A new meeting has been added to one of your groups, starting {when}.",
    "moved": "A meeting in one of your groups has moved. It now starts {when}.",
    "cancelled": "A meeting in one of your groups, due {when}, has been cancelled.",
}


def tell_about_change(*, occurrence_id: int, what: str) -> int:
    """Leave a neutral note about a new, moved or cancelled meeting for each person
    who chose reminders for the group, or said they would come. A system action:
    the worker runs it. Returns how many were told."""
    occurrence = (
        Occurrence.objects.filter(pk=occurrence_id).select_related("meeting").first()
    )
    if occurrence is None or what not in CHANGE_WORDS:
        return 0
    people = list(Person.objects.filter(pk__in=_people_to_tell(occurrence)))
    when = local_phrase(occurrence.starts_at, occurrence.meeting.time_zone)
    notify(
        people=people,
        message=CHANGE_WORDS[what].format(when=when),
        link=_occurrence_link(occurrence),
    )
    return len(people)


# --- the members' view of a venue -------------------------------------------------


def answer_venue_check(
    *,
    person: Person,
    occurrence: Occurrence,
    answers: dict[str, str],
    today: date | None = None,
) -> VenueCheck:
    """Keep a member's three answers about the venue of a meeting they could have
    come to, with no link to them: no person, and only the day.

    Preconditions: a current member; the meeting at the venue is over; they have
    not answered about this venue in the last three months (venue_check_blocker).
    Side effects: their next turn is kept by month only, apart from the answers.
    """
    check_answer_venue_check(person, occurrence)
    blocker = venue_check_blocker(person, occurrence, today)
    if blocker:
        raise ValidationError(blocker)
    if set(answers) != {name for name, _ in VENUE_QUESTIONS} or any(
        value not in Felt.values for value in answers.values()
    ):
        raise ValidationError("Please choose an answer for each question.")
    today = today or timezone.localdate()
    venue_id = occurrence.meeting.venue_id
    assert venue_id is not None
    after = today + VENUE_CHECK_EVERY
    next_from = (after.replace(day=1) + timedelta(days=32)).replace(day=1)
    with transaction.atomic():
        check = VenueCheck.objects.create(
            venue_id=venue_id, answered_on=today, **answers
        )
        VenueCheckTurn.objects.update_or_create(
            person=person, venue_id=venue_id, defaults={"next_from": next_from}
        )
    return check


# --- venues -----------------------------------------------------------------------


def save_venue(
    *,
    person: Person,
    organisation: Organisation,
    venue: Venue | None,
    fields: dict[str, object],
    today: date | None = None,
) -> Venue:
    """Add a venue, or change its facts. When any access fact changes, they are
    marked as checked today by the person's role.

    Preconditions: the person is staff of the organisation; the venue (if any)
    is the organisation's. No side effects.
    """
    check_manage_venues(person, organisation)
    if venue is not None and venue.organisation_id != organisation.pk:
        raise PermissionDenied
    today = today or timezone.localdate()
    if venue is None:
        # A double click on "Add the venue" adds it once.
        venue = Venue.objects.in_use().filter(
            organisation=organisation,
            name=fields.get("name", ""),
            created_at__gte=timezone.now() - DOUBLE_CLICK,
        ).first() or Venue(organisation=organisation)
    access_names = {"step_free", *(name for name, _ in ACCESS_FACTS)}
    access_changed = venue.pk is None or any(
        getattr(venue, name) != fields[name] for name in access_names if name in fields
    )
    for name, value in fields.items():
        setattr(venue, name, value)
    if access_changed:
        venue.access_checked_on = today
        venue.access_checked_by_role = role_in(person, organisation) or ""
    venue.save()
    return venue


def complete_checklist(
    *,
    person: Person,
    venue: Venue,
    ticked: Iterable[str],
    today: date | None = None,
) -> Venue:
    """Record the being-safe checklist as complete today, by the person's role.

    Preconditions: staff of the venue's organisation; every item ticked (an
    unticked item is a kind message, and what was ticked stays). No side effects.
    """
    check_manage_venues(person, venue.organisation)
    ticked = set(ticked)
    missing = [label for name, label in CHECKLIST if name not in ticked]
    if missing:
        raise ValidationError(
            "Every item needs a tick before the checklist is complete. Still to "
            "check: " + " ".join(missing)
        )
    today = today or timezone.localdate()
    for name, _ in CHECKLIST:
        setattr(venue, name, True)
    venue.checklist_completed_on = today
    venue.checklist_completed_by_role = role_in(person, venue.organisation) or ""
    venue.save()
    return venue


def waive_checklist(
    *, person: Person, venue: Venue, days: int, now: datetime | None = None
) -> Venue:
    """Let meetings be published at a venue whose checklist is overdue, for up to
    30 days. Preconditions: an admin of the organisation. The decision is kept on
    the venue (who, when, until when) and shown on its page."""
    check_waive_checklist(person, venue.organisation)
    if not 1 <= days <= LONGEST_WAIVER_DAYS:
        raise ValidationError(
            f"Please choose between 1 and {LONGEST_WAIVER_DAYS} days."
        )
    now = now or timezone.now()
    venue.checklist_waived_by = person
    venue.checklist_waived_at = now
    venue.checklist_waived_until = timezone.localdate(now) + timedelta(days=days)
    venue.save(
        update_fields=[
            "checklist_waived_by",
            "checklist_waived_at",
            "checklist_waived_until",
        ]
    )
    return venue


def remove_venue(*, person: Person, venue: Venue, now: datetime | None = None) -> Venue:
    """Take a venue out of use. Refused, kindly, while meetings still to come are
    held there; past meetings keep it. Removing it twice changes nothing."""
    check_manage_venues(person, venue.organisation)
    now = now or timezone.now()
    if venue.removed_at is not None:
        return venue
    still_used = Occurrence.objects.filter(
        meeting__venue=venue, is_cancelled=False, ends_at__gt=now
    ).count()
    if still_used:
        raise ValidationError(
            f"{still_used} meeting{'s' if still_used != 1 else ''} still to come "
            f"{'are' if still_used != 1 else 'is'} held here. Please move or cancel "
            "them first, or choose another venue for them."
        )
    venue.removed_at = now
    venue.save(update_fields=["removed_at"])
    return venue


# --- background work ----------------------------------------------------------------
#
# The tasks sit beside the actions they run, so that neither module imports the other.
# Like the agreements' review check, the reminder check queues its own next run when
# it finishes (`alongside.core.recurring`); `schedule_meeting_reminders` (run by
# scripts/serve.sh at start-up) starts the chain if nothing is waiting.

CHECK_EVERY = timedelta(minutes=5)


@task()
def tell_about_change_task(occurrence_id: int, what: str) -> int:
    """Tell the people who chose reminders that a meeting is new, moved or
    cancelled."""
    return tell_about_change(occurrence_id=occurrence_id, what=what)


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
