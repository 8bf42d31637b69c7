"""Supervision: who chooses supervisors, schedules sessions, and reads notes and
reflections (only the session's supervisor and supervisee)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from alongside.accounts.models import Person
from alongside.organisations.models import (
    SUPERVISING_ROLES,
    Organisation,
    OrganisationRole,
    Role,
)
from alongside.organisations.permissions import role_in
from alongside.supporters.models import SupervisionSession
from alongside.supporters.permissions.people import current_supervisor_of


def can_assign_supervisors(person: Person, organisation: Organisation) -> bool:
    """Admins choose who supervises whom."""
    return role_in(person, organisation) == Role.ADMIN


def check_assign_supervisors(person: Person, organisation: Organisation) -> None:
    """Raises Http404 unless can_assign_supervisors. No side effects."""
    if not can_assign_supervisors(person, organisation):
        raise Http404


def can_supervise(person: Person, organisation: Organisation) -> bool:
    """Who may be chosen as a supervisor: supervisors and admins."""
    return role_in(person, organisation) in SUPERVISING_ROLES


def can_set_registration(person: Person, organisation: Organisation) -> bool:
    """Supervisors (and admins, who may supervise) give their own registration."""
    return can_supervise(person, organisation)


def check_set_registration(person: Person, organisation: Organisation) -> None:
    """Raises Http404 unless can_set_registration. No side effects."""
    if not can_set_registration(person, organisation):
        raise Http404


def can_see_team(person: Person, organisation: Organisation) -> bool:
    """Supervisors and admins see the team page (training, who supervises whom,
    sessions by date and length only)."""
    return role_in(person, organisation) in SUPERVISING_ROLES


def check_see_team(person: Person, organisation: Organisation) -> None:
    """Raises Http404 unless can_see_team. No side effects."""
    if not can_see_team(person, organisation):
        raise Http404


def can_schedule_session(
    person: Person, organisation: Organisation, supervisee: Person
) -> bool:
    """A supervisor schedules sessions with the people they supervise now."""
    return current_supervisor_of(supervisee, organisation) == person


def check_schedule_session(
    person: Person, organisation: Organisation, supervisee: Person
) -> None:
    """Raises PermissionDenied unless can_schedule_session. No side effects."""
    if not can_schedule_session(person, organisation, supervisee):
        raise PermissionDenied


def _still_supervising_in(person: Person) -> QuerySet[Organisation]:
    """The organisations where the person is a supervisor or admin now."""
    return Organisation.objects.filter(
        pk__in=OrganisationRole.objects.filter(
            person=person, role__in=SUPERVISING_ROLES
        ).values("organisation")
    )


def sessions_visible_to(person: Person) -> QuerySet[SupervisionSession]:
    """Sessions the person was in: as supervisee always, as supervisor only while
    they still supervise in that organisation (as for debriefs), so that someone
    who has stepped down or left no longer reads the supervisee's reflection."""
    if not person.is_authenticated:
        return SupervisionSession.objects.none()
    return SupervisionSession.objects.filter(
        Q(supervisor=person, organisation__in=_still_supervising_in(person))
        | Q(supervisee=person)
    )


def get_session_for(person: Person, session_id: int) -> SupervisionSession:
    """The session, if the person was in it; 404 for everyone else (admins
    included), and when missing."""
    try:
        return (
            sessions_visible_to(person)
            .select_related("organisation")
            .get(pk=session_id)
        )
    except SupervisionSession.DoesNotExist:
        raise Http404 from None


def session_dates_visible_to(
    person: Person, organisation: Organisation
) -> QuerySet[SupervisionSession]:
    """Sessions an admin may count: callers read only the date, the length and the
    status, never the notes."""
    if role_in(person, organisation) != Role.ADMIN:
        return SupervisionSession.objects.none()
    return SupervisionSession.objects.filter(organisation=organisation).only(
        "pk", "scheduled_for", "minutes", "status", "kind", "supervisee_id"
    )


def can_write_notes(person: Person, session: SupervisionSession) -> bool:
    """The session's supervisor writes its notes and says whether it happened,
    while they still supervise in its organisation."""
    return session.supervisor_id == person.pk and can_supervise(
        person, session.organisation
    )


def check_write_notes(person: Person, session: SupervisionSession) -> None:
    """Raises PermissionDenied unless can_write_notes. No side effects."""
    if not can_write_notes(person, session):
        raise PermissionDenied


def can_write_reflection(person: Person, session: SupervisionSession) -> bool:
    """The supervisee adds their own reflection."""
    return session.supervisee_id == person.pk


def check_write_reflection(person: Person, session: SupervisionSession) -> None:
    """Raises PermissionDenied unless can_write_reflection. No side effects."""
    if not can_write_reflection(person, session):
        raise PermissionDenied
