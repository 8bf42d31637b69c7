"""Reminders, sent by the worker only to people who chose them, once, outside their
quiet hours, in neutral words. The clock is moved by passing `now`."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from alongside.accounts.models import Person
from alongside.meetings import actions
from alongside.meetings.models import Occurrence, Reminder
from alongside.notifications.models import Notification
from alongside.peergroups import actions as group_actions
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.states import person_in_state

from .factories import occurrence_in

# Reminders are notes left once a change commits (notify), so these tests commit as
# the product does.
pytestmark = pytest.mark.django_db(transaction=True)

# Tuesday 8 December 2026, 7pm in London (GMT).
START = datetime(2026, 12, 8, 19, 0, tzinfo=UTC)


def notes(person: Person) -> list[str]:
    return [note.message for note in Notification.objects.filter(person=person)]


def choose(person: Person, group: PeerGroup, *minutes: int) -> None:
    actions.save_meeting_choice(
        person=person, group=group, reminders=minutes, calendar_names_group=False
    )


def test_an_hour_before_is_sent_once_and_only_to_people_who_chose_it(
    group: PeerGroup, member: Person
) -> None:
    occurrence_in(group, starts_at=START)
    other = person_in_state("active", group)
    choose(member, group, Reminder.HOUR)

    early = actions.send_due_reminders(now=START - timedelta(minutes=61))
    due = actions.send_due_reminders(now=START - timedelta(minutes=59))
    again = actions.send_due_reminders(now=START - timedelta(minutes=30))

    assert (early, due, again) == (0, 1, 0)
    assert notes(member) == [
        "Reminder: a meeting you chose reminders for starts in an hour, at "
        "7:00pm on Tuesday 8 December."
    ]
    assert notes(other) == []


def test_the_reminder_never_names_the_group(group: PeerGroup, member: Person) -> None:
    occurrence_in(group, starts_at=START)
    choose(member, group, Reminder.QUARTER)

    actions.send_due_reminders(now=START - timedelta(minutes=10))

    (note,) = notes(member)
    assert group.name not in note


def test_quiet_hours_hold_a_reminder_until_they_end(
    group: PeerGroup, member: Person
) -> None:
    # A 9am meeting; a three-hour reminder falls at 6am, inside 21:00-08:00.
    morning = datetime(2026, 12, 9, 9, 0, tzinfo=UTC)
    occurrence_in(group, starts_at=morning)
    choose(member, group, Reminder.THREE_HOURS)

    at_six = actions.send_due_reminders(now=morning - timedelta(hours=3))
    at_eight = actions.send_due_reminders(now=morning - timedelta(hours=1))

    assert (at_six, at_eight) == (0, 1)


def test_a_person_may_change_their_quiet_hours(
    group: PeerGroup, member: Person
) -> None:
    morning = datetime(2026, 12, 9, 9, 0, tzinfo=UTC)
    occurrence_in(group, starts_at=morning)
    choose(member, group, Reminder.THREE_HOURS)
    actions.save_quiet_hours(
        person=member, quiet_from=time(23, 0), quiet_until=time(5, 0)
    )

    assert actions.send_due_reminders(now=morning - timedelta(hours=3)) == 1


def test_only_the_nearest_of_several_due_reminders_is_sent(
    group: PeerGroup, member: Person
) -> None:
    occurrence_in(group, starts_at=START)
    choose(member, group, Reminder.DAY, Reminder.HOUR, Reminder.QUARTER)

    actions.send_due_reminders(now=START - timedelta(minutes=50))
    actions.send_due_reminders(now=START - timedelta(minutes=14))

    assert [note.split(" starts ")[1].split(",")[0] for note in notes(member)] == [
        "in fifteen minutes",
        "in an hour",
    ]


def test_a_moved_meeting_is_reminded_about_at_its_new_time(
    group: PeerGroup, facilitator: Person, member: Person
) -> None:
    occurrence = occurrence_in(group, starts_at=START)
    choose(member, group, Reminder.HOUR)
    actions.send_due_reminders(now=START - timedelta(minutes=59))

    actions.move_occurrence(
        person=facilitator,
        occurrence=occurrence,
        starts_on=START.date() + timedelta(days=1),
        local_start_time=time(19, 0),
        duration_minutes=90,
        now=START - timedelta(minutes=50),
    )
    later = START + timedelta(days=1)
    sent = actions.send_due_reminders(now=later - timedelta(minutes=59))

    assert sent == 1


def test_cancelled_meetings_and_former_members_are_not_reminded(
    group: PeerGroup, member: Person
) -> None:
    cancelled = occurrence_in(group, starts_at=START)
    Occurrence.objects.filter(pk=cancelled.pk).update(is_cancelled=True)
    later = occurrence_in(group, starts_at=START + timedelta(days=1))
    choose(member, group, Reminder.HOUR)

    assert actions.send_due_reminders(now=START - timedelta(minutes=30)) == 0
    group_actions.leave_group(person=member, group=group)
    assert actions.send_due_reminders(now=later.starts_at - timedelta(minutes=30)) == 0


def test_the_worker_task_sends_reminders_and_forgets_old_rsvps(
    group: PeerGroup, member: Person
) -> None:
    from django.utils import timezone

    soon = timezone.now().replace(microsecond=0) + timedelta(minutes=10)
    occurrence_in(group, starts_at=soon)
    past = occurrence_in(group, starts_at=timezone.now() - timedelta(days=10))
    past.rsvps.create(person=member)
    choose(member, group, Reminder.QUARTER)
    actions.save_quiet_hours(
        person=member, quiet_from=time(0, 0), quiet_until=time(0, 0)
    )

    sent = actions.check_reminders.call()

    assert sent == 1
    assert not past.rsvps.exists()
