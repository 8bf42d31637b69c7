"""What the meetings actions share: where a meeting happens, and who hears of a
change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.urls import reverse

from alongside.meetings.models import (
    MeetingChoice,
    Occurrence,
    OnlinePlace,
    Rsvp,
    Venue,
)
from alongside.meetings.permissions import is_secure_service
from alongside.peergroups.models import CURRENT_STATUSES, Format, PeerGroup

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


def occurrence_link(occurrence: Occurrence) -> str:
    """The address of one meeting's page, for notes."""
    return reverse(
        "meetings:occurrence-detail",
        args=[occurrence.meeting.group_id, occurrence.pk],
    )


def local_phrase(moment: datetime, zone_name: str) -> str:
    """A moment as people in the zone read it: "7:00pm on Tuesday 8 December"."""
    local = moment.astimezone(ZoneInfo(zone_name))
    clock = f"{local:%-I:%M}{'am' if local.hour < 12 else 'pm'}"
    return f"{clock} on {local:%A} {local.day} {local:%B}"


def check_place(group: PeerGroup, place: Place, today: date) -> None:
    """ValidationError, in plain words, unless the group may meet at this place then."""
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


def people_to_tell(occurrence: Occurrence) -> list[int]:
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
