"""Who may write and read the short debrief after a meeting someone facilitated:
its writer, and the supervisor it went to while they still supervise there. Nobody
else, admins included, gets more than the 404 for something that does not exist.
The only place that decides about debriefs."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from alongside.accounts.models import Person
from alongside.organisations.models import SUPERVISING_ROLES, OrganisationRole

from .facilitating_models import FacilitatedMeeting, MeetingDebrief


def facilitated_meetings_of(person: Person) -> QuerySet[FacilitatedMeeting]:
    """The meetings the person is recorded as having facilitated: theirs only."""
    if not person.is_authenticated:
        return FacilitatedMeeting.objects.none()
    return FacilitatedMeeting.objects.filter(person=person)


def get_facilitated_for(person: Person, facilitated_id: int) -> FacilitatedMeeting:
    """The person's own facilitated meeting, to write its debrief; 404 otherwise,
    also when missing."""
    try:
        return facilitated_meetings_of(person).get(pk=facilitated_id)
    except FacilitatedMeeting.DoesNotExist:
        raise Http404 from None


def can_write_debrief(person: Person, facilitated: FacilitatedMeeting) -> bool:
    """Only the facilitator it is about."""
    return person.is_authenticated and facilitated.person_id == person.pk


def debriefs_visible_to(person: Person) -> QuerySet[MeetingDebrief]:
    """Debriefs the person wrote, and those sent to them while they are still a
    supervisor or admin of that organisation."""
    if not person.is_authenticated:
        return MeetingDebrief.objects.none()
    supervising = OrganisationRole.objects.filter(
        person=person, role__in=SUPERVISING_ROLES
    ).values("organisation")
    return MeetingDebrief.objects.filter(
        Q(facilitated_meeting__person=person)
        | Q(supervisor=person, organisation__in=supervising)
    )


def get_debrief_for(person: Person, debrief_id: int) -> MeetingDebrief:
    """A debrief the person may read (debriefs_visible_to); 404 otherwise."""
    try:
        return (
            debriefs_visible_to(person)
            .select_related("facilitated_meeting", "organisation")
            .get(pk=debrief_id)
        )
    except MeetingDebrief.DoesNotExist:
        raise Http404 from None
