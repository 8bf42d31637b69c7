"""Supervision: assigning a supervisor, sessions, notes, reflections, and telling
supervisors when supervision is overdue."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.actions import notify
from alongside.organisations.models import (
    SUPERVISING_ROLES,
    SUPPORTER_ROLES,
    Organisation,
    OrganisationRole,
)
from alongside.supporters.models import SessionStatus, Supervision, SupervisionSession
from alongside.supporters.permissions import (
    can_supervise,
    check_assign_supervisors,
    check_schedule_session,
    check_write_notes,
    check_write_reflection,
    is_supervision_overdue,
    is_supporter,
)


@transaction.atomic
def assign_supervisor(
    *,
    person: Person,
    organisation: Organisation,
    supporter: Person,
    supervisor: Person,
) -> Supervision:
    """Choose who supervises a supporter; any earlier supervision ends now. Both
    are told."""
    check_assign_supervisors(person, organisation)
    if not is_supporter(supporter, organisation):
        raise ValidationError({"supporter": "Choose one of the supporters here."})
    if not can_supervise(supervisor, organisation) or supervisor.pk == supporter.pk:
        raise ValidationError(
            {"supervisor": "Choose a supervisor or an admin, other than them."}
        )
    current = Supervision.objects.filter(
        organisation=organisation, supporter=supporter, ended_at__isnull=True
    ).first()
    if current is not None and current.supervisor_id == supervisor.pk:
        return current
    if current is not None:
        current.ended_at = timezone.now()
        current.save(update_fields=["ended_at"])
    link = Supervision.objects.create(
        organisation=organisation, supporter=supporter, supervisor=supervisor
    )
    mine = reverse("supporters:mine", kwargs={"slug": organisation.slug})
    notify(people=[supporter], message="You have a new supervisor.", link=mine)
    notify(
        people=[supervisor],
        message="Someone new is in your supervision.",
        link=reverse("supporters:team", kwargs={"slug": organisation.slug}),
    )
    return link


@transaction.atomic
def schedule_session(
    *,
    person: Person,
    organisation: Organisation,
    supervisee: Person,
    kind: str,
    scheduled_for: datetime,
    minutes: int,
) -> SupervisionSession:
    """A supervisor plans a session with someone they supervise. The same time
    sent twice gives back the first."""
    check_schedule_session(person, organisation, supervisee)
    if not 15 <= minutes <= 240:
        raise ValidationError({"minutes": "Please choose between 15 and 240 minutes."})
    existing = SupervisionSession.objects.filter(
        organisation=organisation,
        supervisor=person,
        supervisee=supervisee,
        scheduled_for=scheduled_for,
    ).first()
    if existing is not None:
        return existing
    session = SupervisionSession.objects.create(
        organisation=organisation,
        supervisor=person,
        supervisee=supervisee,
        kind=kind,
        scheduled_for=scheduled_for,
        minutes=minutes,
    )
    notify(
        people=[supervisee],
        message="A supervision session has been planned with you.",
        link=reverse("supporters:session-detail", kwargs={"session_id": session.pk}),
    )
    return session


@transaction.atomic
def write_session_notes(
    *, person: Person, session: SupervisionSession, notes: str, status: str
) -> SupervisionSession:
    """The supervisor writes the notes (sealed) and says whether it happened."""
    check_write_notes(person, session)
    if status not in SessionStatus.values:
        raise ValidationError({"status": "Please choose whether it happened."})
    session.notes = notes.strip()
    session.status = status
    session.save(update_fields=["notes", "status"])
    if status == SessionStatus.HAPPENED:
        # A new overdue stretch, if one comes, is told afresh.
        Supervision.objects.filter(
            organisation=session.organisation,
            supporter=session.supervisee,
            ended_at__isnull=True,
        ).update(overdue_told_at=None)
    return session


def tell_supervisors_of_overdue_supervision(*, now: datetime | None = None) -> int:
    """Tell each supervisor, once per overdue stretch, when no session has happened
    with someone they supervise for six weeks (new one-to-one matches for that
    person pause meanwhile). Only the supervisor is told, never the organisation.
    A system action for the daily check; returns how many were told."""
    now = now or timezone.now()
    told = 0
    for link in Supervision.objects.filter(
        ended_at__isnull=True, overdue_told_at__isnull=True
    ).select_related("organisation", "supporter", "supervisor"):
        if not is_supervision_overdue(link.supporter, link.organisation, now):
            continue
        with transaction.atomic():
            Supervision.objects.filter(pk=link.pk).update(overdue_told_at=now)
            notify(
                people=[link.supervisor],
                message="Supervision with someone you supervise is overdue. New "
                "one-to-one matches for them are paused until you meet.",
                link=reverse(
                    "supporters:session-create",
                    kwargs={"slug": link.organisation.slug},
                ),
            )
        told += 1
    return told


@transaction.atomic
def write_reflection(
    *, person: Person, session: SupervisionSession, reflection: str
) -> SupervisionSession:
    """The supervisee adds their own reflection (sealed)."""
    check_write_reflection(person, session)
    session.reflection = reflection.strip()
    session.save(update_fields=["reflection"])
    return session


def end_supervision_beyond_role(*, person_id: int, organisation_id: int) -> int:
    """A system action, run in the same transaction as a change of the person's
    role in the organisation (alongside.organisations.actions.change_role): if they
    no longer hold a supervising role there, the supervision they give ends now (each
    supporter then shows on the team page as needing a supervisor); if they are no
    longer a supporter there, the supervision they receive ends too. Past sessions
    and their notes are kept. Returns how many supervisions ended."""
    role = (
        OrganisationRole.objects.filter(
            person_id=person_id, organisation_id=organisation_id
        )
        .values_list("role", flat=True)
        .first()
    )
    open_here = Supervision.objects.filter(
        organisation_id=organisation_id, ended_at__isnull=True
    )
    ending = Supervision.objects.none()
    if role not in SUPERVISING_ROLES:
        ending = ending | open_here.filter(supervisor_id=person_id)
    if role not in SUPPORTER_ROLES:
        ending = ending | open_here.filter(supporter_id=person_id)
    return ending.update(ended_at=timezone.now())
