"""The meeting pages: what members, facilitators and people thinking of joining
see; RSVPs that name nobody; and kind answers to bad input that keep what was
typed."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.meetings.models import Meeting, Rsvp
from alongside.peergroups.models import Membership, PeerGroup
from alongside.peergroups.tests.states import person_in_state
from conftest import client_for

from .factories import VenueFactory, occurrence_in


def detail_url(group: PeerGroup, occurrence_id: int) -> str:
    return reverse("meetings:occurrence-detail", args=[group.pk, occurrence_id])


def name_of(person: Person, group: PeerGroup) -> str:
    return Membership.objects.get(person=person, group=group).display_name


def test_a_member_says_they_will_come_and_nobody_else_sees_who(
    group: PeerGroup, facilitator: Person, member: Person
) -> None:
    occurrence = occurrence_in(group)
    other = person_in_state("active", group)

    response = client_for(member).post(
        reverse("meetings:rsvp-save", args=[group.pk, occurrence.pk]),
        {"choice": "coming"},
        follow=True,
    )
    facilitator_page = client_for(facilitator).get(detail_url(group, occurrence.pk))
    other_page = client_for(other).get(detail_url(group, occurrence.pk))
    list_page = client_for(facilitator).get(
        reverse("meetings:meeting-list", args=[group.pk])
    )

    assert "You said you will come." in response.content.decode()
    assert Rsvp.objects.filter(person=member).count() == 1
    for page in (facilitator_page, other_page, list_page):
        assert name_of(member, group) not in page.content.decode()
    assert "fewer than 8" in facilitator_page.content.decode()
    assert "fewer than 8" not in other_page.content.decode()
    assert "People who said they will come" not in other_page.content.decode()


def test_the_facilitator_sees_a_rounded_count(
    group: PeerGroup, facilitator: Person
) -> None:
    occurrence = occurrence_in(group)
    for _ in range(12):
        Rsvp.objects.create(
            occurrence=occurrence, person=person_in_state("active", group)
        )

    page = client_for(facilitator).get(detail_url(group, occurrence.pk))

    assert "<strong>about 10</strong>" in page.content.decode()


def test_a_newcomer_sees_when_and_access_facts_but_no_address(
    group: PeerGroup, member: Person
) -> None:
    venue = VenueFactory.create(
        organisation=group.organisation,
        address="12 Secret Lane",
        lift="A lift to every floor",
    )
    occurrence = occurrence_in(group, format="in_person", venue=venue)
    newcomer = person_in_state("none", group)

    seen = client_for(newcomer).get(detail_url(group, occurrence.pk)).content.decode()
    member_sees = client_for(member).get(detail_url(group, occurrence.pk))

    assert "A lift to every floor" in seen
    assert "12 Secret Lane" not in seen
    assert venue.name not in seen
    assert "12 Secret Lane" in member_sees.content.decode()


def test_the_online_link_shows_only_from_fifteen_minutes_before(
    group: PeerGroup, member: Person
) -> None:
    later = occurrence_in(
        group,
        starts_at=timezone.now() + timedelta(minutes=20),
        online_place="link",
        online_link="https://meet.example.org/a-room",
    )
    soon = occurrence_in(
        group,
        starts_at=timezone.now() + timedelta(minutes=14),
        online_place="link",
        online_link="https://meet.example.org/a-room",
    )
    client = client_for(member)

    assert (
        "meet.example.org"
        not in client.get(detail_url(group, later.pk)).content.decode()
    )
    assert "meet.example.org" in client.get(detail_url(group, soon.pk)).content.decode()


def test_people_outside_the_organisation_get_404(group: PeerGroup) -> None:
    occurrence = occurrence_in(group)
    outsider = person_in_state("other organisation", group)

    response = client_for(outsider).get(detail_url(group, occurrence.pk))

    assert response.status_code == 404


def test_a_time_the_clocks_skip_is_a_kind_message_that_keeps_the_form(
    group: PeerGroup, facilitator: Person
) -> None:
    response = client_for(facilitator).post(
        reverse("meetings:meeting-create", args=[group.pk]),
        {
            "starts_on": "2036-03-30",
            "local_start_time": "01:30",
            "duration_minutes": "75",
            "frequency": "once",
            "ends": "count",
            "format": "online",
            "online_place": "live_room",
        },
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "does not happen" in page
    assert 'value="75"' in page
    assert 'value="2036-03-30"' in page
    assert not Meeting.objects.exists()


def test_a_series_of_more_than_500_is_a_kind_message(
    group: PeerGroup, facilitator: Person
) -> None:
    start = timezone.localdate() + timedelta(days=3)
    response = client_for(facilitator).post(
        reverse("meetings:meeting-create", args=[group.pk]),
        {
            "starts_on": start.isoformat(),
            "local_start_time": "19:00",
            "duration_minutes": "90",
            "frequency": "weekly",
            "interval": "1",
            "ends": "until",
            "until": date(start.year + 15, 1, 1).isoformat(),
            "format": "online",
            "online_place": "live_room",
        },
    )

    assert response.status_code == 400
    assert "more than 500" in response.content.decode()


def test_an_overdue_checklist_blocks_the_meeting_with_a_message(
    group: PeerGroup, facilitator: Person
) -> None:
    venue = VenueFactory.create(
        organisation=group.organisation,
        checklist_completed_on=timezone.localdate() - timedelta(days=400),
    )
    response = client_for(facilitator).post(
        reverse("meetings:meeting-create", args=[group.pk]),
        {
            "starts_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
            "local_start_time": "19:00",
            "duration_minutes": "90",
            "frequency": "once",
            "ends": "count",
            "format": "in_person",
            "venue": str(venue.pk),
        },
    )

    assert response.status_code == 400
    assert "checklist needs completing" in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_double_click_on_cancel_is_harmless(
    group: PeerGroup, facilitator: Person
) -> None:
    occurrence = occurrence_in(group)
    client = client_for(facilitator)
    url = reverse("meetings:occurrence-cancel", args=[group.pk, occurrence.pk])

    first = client.post(url)
    second = client.post(url)

    occurrence.refresh_from_db()
    assert (first.status_code, second.status_code) == (302, 302)
    assert occurrence.sequence == 1


def test_an_rsvp_to_a_cancelled_meeting_is_a_kind_message(
    group: PeerGroup, facilitator: Person, member: Person
) -> None:
    occurrence = occurrence_in(group)
    client_for(facilitator).post(
        reverse("meetings:occurrence-cancel", args=[group.pk, occurrence.pk])
    )

    response = client_for(member).post(
        reverse("meetings:rsvp-save", args=[group.pk, occurrence.pk]),
        {"choice": "coming"},
        follow=True,
    )

    assert response.status_code == 200
    assert "This meeting is cancelled." in response.content.decode()
    assert not Rsvp.objects.exists()


def test_the_group_page_shows_the_next_meetings(
    group: PeerGroup, member: Person
) -> None:
    occurrence_in(group)

    page = client_for(member).get(reverse("peergroups:group-detail", args=[group.pk]))

    assert 'id="group-meetings"' in page.content.decode()


def test_the_meetings_page_needs_sign_in(group: PeerGroup) -> None:
    response = Client().get(reverse("meetings:meeting-list", args=[group.pk]))

    assert response.status_code == 302


def test_the_meetings_page_takes_few_queries_however_many_meetings(
    group: PeerGroup, facilitator: Person, django_assert_max_num_queries: Any
) -> None:
    venue = VenueFactory.create(organisation=group.organisation)
    for days in range(1, 20):
        occurrence_in(
            group,
            starts_at=timezone.now() + timedelta(days=days),
            format="in_person",
            venue=venue,
        )
    client = client_for(facilitator)
    url = reverse("meetings:meeting-list", args=[group.pk])
    client.get(url)

    with django_assert_max_num_queries(20):
        response = client.get(url)

    assert response.content.decode().count('class="card meeting') == 12


def test_a_double_click_on_add_the_meeting_adds_one_series(
    group: PeerGroup, facilitator: Person
) -> None:
    client = client_for(facilitator)
    form = {
        "starts_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
        "local_start_time": "19:00",
        "duration_minutes": "90",
        "frequency": "weekly",
        "interval": "2",
        "ends": "count",
        "count": "4",
        "format": "online",
        "online_place": "live_room",
    }
    url = reverse("meetings:meeting-create", args=[group.pk])

    statuses = [client.post(url, form).status_code for _ in range(2)]

    assert statuses == [302, 302]
    assert Meeting.objects.count() == 1


def test_removing_a_venue_twice_is_harmless(group: PeerGroup) -> None:
    venue = VenueFactory.create(organisation=group.organisation)
    client = client_for(person_in_state("supervisor", group))
    url = reverse("meetings:venue-remove", args=[group.organisation.slug, venue.pk])

    statuses = [client.post(url).status_code for _ in range(2)]

    assert statuses == [302, 302]


def test_removing_a_venue_asks_first_and_can_be_undone(group: PeerGroup) -> None:
    venue = VenueFactory.create(organisation=group.organisation, name="Oak Hall")
    client = client_for(person_in_state("supervisor", group))
    slug = group.organisation.slug
    remove = reverse("meetings:venue-remove", args=[slug, venue.pk])
    venues = reverse("meetings:venue-list", args=[slug])

    asked = client.get(remove)
    assert asked.status_code == 200
    assert "Remove Oak Hall?" in asked.text
    venue.refresh_from_db()
    assert venue.removed_at is None

    client.post(remove)
    venue.refresh_from_db()
    assert venue.removed_at is not None
    assert "Removed a moment ago" in client.get(venues).text

    client.post(reverse("meetings:venue-restore", args=[slug, venue.pk]))
    venue.refresh_from_db()
    assert venue.removed_at is None
    assert "Removed a moment ago" not in client.get(venues).text


def test_a_date_thousands_of_years_away_is_a_kind_message_that_keeps_the_form(
    group: PeerGroup, facilitator: Person
) -> None:
    occurrence = occurrence_in(group)
    client = client_for(facilitator)
    far = {"starts_on": "9999-12-31", "local_start_time": "23:30"}

    created = client.post(
        reverse("meetings:meeting-create", args=[group.pk]),
        {
            **far,
            "duration_minutes": "90",
            "frequency": "once",
            "ends": "count",
            "format": "online",
            "online_place": "live_room",
        },
    )
    moved = client.post(
        reverse("meetings:occurrence-move", args=[group.pk, occurrence.pk]),
        {**far, "duration_minutes": "60"},
    )

    for response in (created, moved):
        page = response.content.decode()
        assert response.status_code == 400
        assert "within the next twenty years" in page
        assert 'value="9999-12-31"' in page
    assert Meeting.objects.count() == 1
