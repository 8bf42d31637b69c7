"""Who may see or do what with meetings and venues. The only place that decides.

The policy, by the person's place in the group (tests/test_permissions.py holds it
as a table):

- Not signed in, or in another organisation: nothing (404).
- In the organisation but not in the group (people thinking of joining, and staff
  who are not in it): the day, time, format and the venue's access facts of the
  meetings the group chooses to show; never an address, a link or a name.
- Current member (active or taking a break): every meeting, with its joining
  details (an in-person address; an online link from 15 minutes before the start),
  says they will come or not, downloads it to a calendar, chooses reminders.
- Active facilitator: as a member, and creates, moves and cancels meetings, enters
  a head count, and sees how many said they will come, as a rounded count
  (`disclosure.py`), never who.
- Nobody, ever, sees who said they will come, or who came.

A secure service (its organisation's setting) shows a ward or room name only: no
address, no online links and no calendars.

Venues belong to the organisation: its staff (facilitators, supervisors, admins)
read and keep them; only its admins publish a meeting at a venue whose checklist is
overdue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import (
    STAFF_ROLES,
    Organisation,
    Role,
    Setting,
)
from alongside.organisations.permissions import role_in
from alongside.peergroups.models import (
    CURRENT_STATUSES,
    GroupRole,
    Membership,
    PeerGroup,
    Status,
)
from alongside.peergroups.permissions import groups_visible_to, membership_of

from .models import (
    Occurrence,
    OccurrenceQuerySet,
    Venue,
    VenueCheckTurn,
    VenueQuerySet,
)

LINK_RELEASED_BEFORE = timedelta(minutes=15)


def _in_organisation(person: Person, group: PeerGroup) -> bool:
    return groups_visible_to(person).filter(pk=group.pk).exists()


def is_current_member(person: Person, group: PeerGroup) -> bool:
    """Active or taking a break. Reads only."""
    membership = membership_of(person, group)
    return membership is not None and membership.status in CURRENT_STATUSES


def is_secure_service(organisation: Organisation) -> bool:
    """A secure service shows room names only: no addresses, links or calendars."""
    return organisation.setting == Setting.SECURE


# --- Seeing meetings --------------------------------------------------------------


@dataclass(frozen=True)
class Standing:
    """The person's place towards a group's meetings, read once for a whole page.
    Each answer is the same as the rule function of the same name below."""

    in_organisation: bool
    is_member: bool
    is_active_facilitator: bool
    is_secure: bool

    @property
    def can_see_meetings(self) -> bool:
        return self.in_organisation

    @property
    def can_see_joining_details(self) -> bool:
        return self.is_member

    @property
    def can_see_address(self) -> bool:
        return self.is_member and not self.is_secure

    @property
    def can_manage_meetings(self) -> bool:
        return self.is_active_facilitator

    @property
    def can_see_rsvp_count(self) -> bool:
        return self.is_active_facilitator


def standing_towards(
    person: Person, group: PeerGroup, *, membership: Membership | None = None
) -> Standing:
    """Read the person's membership once (and, outside the group, their place in
    the organisation) for the pages that ask many questions at once. `membership`
    is the person's row in the group when the caller has just read it. Reads
    only."""
    if membership is None or membership.person_id != person.pk:
        membership = membership_of(person, group)
    is_member = membership is not None and membership.status in CURRENT_STATUSES
    return Standing(
        in_organisation=is_member or _in_organisation(person, group),
        is_member=is_member,
        is_active_facilitator=membership is not None
        and membership.status == Status.ACTIVE
        and membership.role == GroupRole.FACILITATOR,
        is_secure=is_secure_service(group.organisation),
    )


def occurrences_for_standing(
    standing: Standing, group: PeerGroup
) -> OccurrenceQuerySet:
    """As meetings_visible_to, for a standing already read."""
    occurrences = Occurrence.objects.of_group(group)
    if standing.is_member:
        return occurrences
    if standing.in_organisation:
        return occurrences.filter(meeting__is_shown_to_newcomers=True)
    return Occurrence.objects.none()


def can_see_meetings(person: Person, group: PeerGroup) -> bool:
    """Anyone in the organisation may see the meetings the group chooses to show;
    members see them all."""
    return _in_organisation(person, group)


def check_see_meetings(person: Person, group: PeerGroup) -> None:
    """404 outside the organisation. No side effects."""
    if not can_see_meetings(person, group):
        raise Http404


def meetings_visible_to(person: Person, group: PeerGroup) -> OccurrenceQuerySet:
    """The group's occurrences the person may see: all for current members; for
    others in the organisation, those of series shown to newcomers; none otherwise."""
    return occurrences_for_standing(standing_towards(person, group), group)


def get_occurrence_for(
    person: Person, group: PeerGroup, occurrence_id: int
) -> Occurrence:
    """The occurrence, if the person may see it; 404 otherwise, also when missing."""
    try:
        return (
            meetings_visible_to(person, group)
            .select_related("meeting", "meeting__venue", "meeting__group")
            .get(pk=occurrence_id)
        )
    except Occurrence.DoesNotExist:
        raise Http404 from None


def can_see_joining_details(person: Person, group: PeerGroup) -> bool:
    """Current members see where to go: the address, the room, the way in online."""
    return is_current_member(person, group)


def can_see_address(person: Person, group: PeerGroup) -> bool:
    """A venue's address: current members, never in a secure service."""
    return can_see_joining_details(person, group) and not is_secure_service(
        group.organisation
    )


def online_link_is_released(
    occurrence: Occurrence, now: datetime | None = None
) -> bool:
    """An external online link shows from 15 minutes before the start until the end,
    so it is not passed on days ahead."""
    now = now or timezone.now()
    return (
        not occurrence.is_cancelled
        and occurrence.starts_at - LINK_RELEASED_BEFORE <= now < occurrence.ends_at
    )


def can_see_online_link(
    person: Person, occurrence: Occurrence, now: datetime | None = None
) -> bool:
    """Current members, from 15 minutes before; never in a secure service."""
    group = occurrence.meeting.group
    return (
        can_see_joining_details(person, group)
        and not is_secure_service(group.organisation)
        and online_link_is_released(occurrence, now)
    )


# --- Facilitating -----------------------------------------------------------------


def is_active_facilitator(person: Person, group: PeerGroup) -> bool:
    """A facilitator of the group who is not taking a break. Reads only."""
    membership = membership_of(person, group)
    return (
        membership is not None
        and membership.status == Status.ACTIVE
        and membership.role == GroupRole.FACILITATOR
    )


def can_manage_meetings(person: Person, group: PeerGroup) -> bool:
    """Active facilitators create, move and cancel meetings and enter head counts."""
    return is_active_facilitator(person, group)


def check_manage_meetings(person: Person, group: PeerGroup) -> None:
    """404 outside the organisation; PermissionDenied unless can_manage_meetings."""
    check_see_meetings(person, group)
    if not can_manage_meetings(person, group):
        raise PermissionDenied


def can_see_rsvp_count(person: Person, group: PeerGroup) -> bool:
    """Active facilitators see a rounded count (never names); members see none."""
    return is_active_facilitator(person, group)


# --- Taking part ------------------------------------------------------------------


def can_rsvp(
    person: Person, occurrence: Occurrence, now: datetime | None = None
) -> bool:
    """Current members may say they will come (or no longer) to a meeting that is
    not cancelled and has not started."""
    now = now or timezone.now()
    return (
        is_current_member(person, occurrence.meeting.group)
        and not occurrence.is_cancelled
        and occurrence.starts_at > now
    )


def check_rsvp(person: Person, occurrence: Occurrence) -> None:
    """404 unless the person may see the meeting; PermissionDenied unless they are a
    current member. A cancelled or past meeting is a kind message from the action."""
    group = occurrence.meeting.group
    if not meetings_visible_to(person, group).filter(pk=occurrence.pk).exists():
        raise Http404
    if not is_current_member(person, group):
        raise PermissionDenied


def can_choose_reminders(person: Person, group: PeerGroup) -> bool:
    """Current members choose reminders and how their calendar names the group."""
    return is_current_member(person, group)


def check_choose_reminders(person: Person, group: PeerGroup) -> None:
    """404 outside the organisation; PermissionDenied unless a current member."""
    check_see_meetings(person, group)
    if not can_choose_reminders(person, group):
        raise PermissionDenied


def can_download_calendar(person: Person, group: PeerGroup) -> bool:
    """Current members, except in a secure service, which has no calendars."""
    return is_current_member(person, group) and not is_secure_service(
        group.organisation
    )


def check_download_calendar(person: Person, group: PeerGroup) -> None:
    """404 outside the organisation; PermissionDenied unless can_download_calendar."""
    check_see_meetings(person, group)
    if not can_download_calendar(person, group):
        raise PermissionDenied


def feed_occurrences_for(person: Person) -> OccurrenceQuerySet:
    """What a person's private calendar feed holds: the meetings of every group they
    are in now (a former member's feed drops the group at once), never a secure
    service's."""
    groups = Membership.objects.filter(
        person=person, status__in=CURRENT_STATUSES
    ).values("group_id")
    return Occurrence.objects.filter(meeting__group_id__in=groups).exclude(
        meeting__group__organisation__setting=Setting.SECURE
    )


def venue_check_blocker(
    person: Person, occurrence: Occurrence, today: date | None = None
) -> str:
    """Why the person cannot answer the three questions about this meeting's venue
    yet, in plain words; empty when they can. They can once a meeting there that
    they could have come to (since they joined) is over, and again three months
    after answering."""
    meeting = occurrence.meeting
    membership = membership_of(person, meeting.group)
    if membership is None or membership.status not in CURRENT_STATUSES:
        return "Only members of the group are asked about its venues."
    if meeting.venue_id is None or not meeting.is_in_person:
        return "This meeting has no venue to ask about."
    if occurrence.is_cancelled or occurrence.ends_at > timezone.now():
        return "You can tell us how the place felt once the meeting is over."
    joined_at = membership.joined_at or membership.created_at
    if occurrence.starts_at < joined_at:
        return "You can tell us after a meeting there since you joined."
    today = today or timezone.localdate()
    turn = VenueCheckTurn.objects.filter(
        person=person, venue_id=meeting.venue_id
    ).first()
    if turn is not None and today < turn.next_from:
        return (
            "Thank you, you told us about this place recently. We ask at most once "
            "every three months."
        )
    return ""


def can_answer_venue_check(person: Person, occurrence: Occurrence) -> bool:
    """A current member, after a meeting at the venue, when their turn has come."""
    return not venue_check_blocker(person, occurrence)


def check_answer_venue_check(person: Person, occurrence: Occurrence) -> None:
    """404 unless the person may see the meeting; PermissionDenied unless they are a
    current member. Timing is a kind message from the action."""
    group = occurrence.meeting.group
    if not meetings_visible_to(person, group).filter(pk=occurrence.pk).exists():
        raise Http404
    if not is_current_member(person, group):
        raise PermissionDenied


# --- Venues -----------------------------------------------------------------------


def can_manage_venues(person: Person, organisation: Organisation) -> bool:
    """The organisation's staff (facilitators, supervisors, admins) keep its venues."""
    return role_in(person, organisation) in STAFF_ROLES


def check_manage_venues(person: Person, organisation: Organisation) -> None:
    """404 unless can_manage_venues, so nobody learns where groups meet."""
    if not can_manage_venues(person, organisation):
        raise Http404


def venues_visible_to(person: Person, organisation: Organisation) -> VenueQuerySet:
    """The organisation's venues in use, for its staff; none for anyone else."""
    if not can_manage_venues(person, organisation):
        return Venue.objects.none()
    return Venue.objects.in_use().filter(organisation=organisation)


def get_venue_for(
    person: Person,
    organisation: Organisation,
    venue_id: int,
    *,
    include_removed: bool = False,
) -> Venue:
    """The venue, for the organisation's staff; 404 otherwise, also when missing.
    A removed venue is found only when asked for (removing it twice)."""
    if not can_manage_venues(person, organisation):
        raise Http404
    venues = Venue.objects.filter(organisation=organisation)
    if not include_removed:
        venues = venues.in_use()
    try:
        return venues.get(pk=venue_id)
    except Venue.DoesNotExist:
        raise Http404 from None


def can_waive_checklist(person: Person, organisation: Organisation) -> bool:
    """Only an admin lets meetings be published at a venue whose checklist is
    overdue, for a short while; who and when are kept on the venue."""
    return role_in(person, organisation) == Role.ADMIN


def check_waive_checklist(person: Person, organisation: Organisation) -> None:
    """404 for anyone outside the staff; PermissionDenied for staff who are not
    admins. No side effects."""
    check_manage_venues(person, organisation)
    if not can_waive_checklist(person, organisation):
        raise PermissionDenied
