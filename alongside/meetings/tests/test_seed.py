"""The demo shows meetings: a fortnightly in-person group at a venue with a complete
checklist, a weekly online one, a venue whose overdue checklist blocks meetings,
and seeding again adds nothing."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from alongside.meetings.models import Meeting, Occurrence, Rsvp, Venue

pytestmark = pytest.mark.django_db


def test_the_demo_has_meetings_and_a_venue_that_needs_its_review() -> None:
    call_command("seed_demo", stdout=StringIO())
    counts = (Meeting.objects.count(), Occurrence.objects.count(), Rsvp.objects.count())

    call_command("seed_demo", stdout=StringIO())

    today = timezone.localdate()
    # The upcoming series (insights' demo adds past ones for its figures).
    upcoming = Meeting.objects.filter(starts_on__gte=today)
    loss = upcoming.get(group__slug="living-with-loss")
    evening = upcoming.get(group__slug="evening-circle")
    hall = Venue.objects.get(name="St Mark's church hall")
    assert (loss.format, loss.interval, loss.venue is not None) == (
        "in_person",
        2,
        True,
    )
    assert loss.venue is not None and loss.venue.checklist_is_current(today)
    assert (evening.format, evening.online_place) == ("online", "live_room")
    assert not hall.may_host_meetings(today)
    assert (
        Meeting.objects.count(),
        Occurrence.objects.count(),
        Rsvp.objects.count(),
    ) == counts
