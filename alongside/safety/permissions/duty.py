"""Being on duty, the escalation chain and alerts: who goes on duty, edits the chain,
reads, acknowledges and messages from an alert."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import Http404

from alongside.accounts.models import Person
from alongside.conversations.permissions import can_read_group_conversations
from alongside.organisations.models import STAFF_ROLES, Organisation, Role
from alongside.organisations.permissions import is_staff, role_in
from alongside.peergroups.models import GroupRole, Membership
from alongside.supporters.models import Gate
from alongside.supporters.permissions import check_trained_for, is_trained_for

from ..models import Escalation


def duty_organisations_of(person: Person) -> models.QuerySet[Organisation]:
    """Organisations where the person is staff, and so may go on duty."""
    if not person.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        roles__person=person, roles__role__in=STAFF_ROLES
    ).distinct()


def can_go_on_duty(person: Person, organisation: Organisation) -> bool:
    """Staff whose training allows duty: the modules the organisation marks as
    needed for going on duty (alongside.supporters)."""
    return is_staff(person, organisation) and is_trained_for(
        person, organisation, Gate.ON_DUTY
    )


def check_go_on_duty(person: Person, organisation: Organisation) -> None:
    """404 for anyone not staff; NotTrained (a 403 that says which training is
    missing, in plain words) for staff whose training does not allow it yet."""
    if not is_staff(person, organisation):
        raise Http404
    check_trained_for(person, organisation, Gate.ON_DUTY)


def can_go_off_duty(person: Person, organisation: Organisation) -> bool:
    """Staff may always go off duty, whatever their training."""
    return is_staff(person, organisation)


def check_go_off_duty(person: Person, organisation: Organisation) -> None:
    """Raises Http404 unless can_go_off_duty. No side effects."""
    if not can_go_off_duty(person, organisation):
        raise Http404


def can_edit_escalation_chain(person: Person, organisation: Organisation) -> bool:
    """Only the organisation's admins choose who an alert reaches
    next. Reads only."""
    return role_in(person, organisation) == Role.ADMIN


def check_edit_escalation_chain(person: Person, organisation: Organisation) -> None:
    """Raise Http404 unless can_edit_escalation_chain. No side
    effects."""
    if not can_edit_escalation_chain(person, organisation):
        raise Http404


def escalations_visible_to(person: Person) -> models.QuerySet[Escalation]:
    """Escalations that reached the person while staff, and those in groups they
    facilitate."""
    if not person.is_authenticated:
        return Escalation.objects.none()
    facilitated = Membership.objects.filter(
        person=person, role=GroupRole.FACILITATOR
    ).current()
    # An alert that reached someone stays theirs while they are staff there; once
    # they leave the team, it is the team's.
    return Escalation.objects.filter(
        Q(alerted=person, organisation__in=duty_organisations_of(person))
        | Q(group__in=facilitated.values("group"))
    ).distinct()


def get_escalation_for(person: Person, escalation_id: int) -> Escalation:
    """An escalation the person may see (escalations_visible_to); 404
    otherwise, also when missing."""
    try:
        return escalations_visible_to(person).get(pk=escalation_id)
    except Escalation.DoesNotExist:
        raise Http404 from None


def can_acknowledge(person: Person, escalation: Escalation) -> bool:
    """Someone the alert reached, or a facilitator of the group; never the person
    at risk, whose acknowledging would stop the alert reaching anyone else."""
    return (
        escalation.is_open
        and escalation.person_at_risk_id != person.pk
        and escalations_visible_to(person).filter(pk=escalation.pk).exists()
    )


def check_acknowledge(person: Person, escalation: Escalation) -> None:
    """Raise PermissionDenied unless can_acknowledge. No side effects."""
    if not can_acknowledge(person, escalation):
        raise PermissionDenied


def can_open_post_from_alert(person: Person, escalation: Escalation) -> bool:
    """Whether the alert links to the post in its place: only for someone who reads
    the group's conversations anyway, and only while the post is there."""
    post, group = escalation.post, escalation.group
    return (
        post is not None
        and group is not None
        and not post.is_deleted
        and can_read_group_conversations(person, group)
    )


def reads_post_only_through_alert(person: Person, escalation: Escalation) -> bool:
    """Whether the person reads the alert's post only because the alert reached
    them (a supervisor or admin, not in the group): that reading is logged on the
    alert ("viewed")."""
    group = escalation.group
    return (
        escalation.post is not None
        and group is not None
        and not can_read_group_conversations(person, group)
    )


def can_message_from_alert(person: Person, escalation: Escalation) -> bool:
    """Staff the alert reached (group members or not), and the group's facilitators
    who are staff, message the person privately, while the alert is open and after;
    never the person at risk themselves."""
    return (
        escalation.person_at_risk_id != person.pk
        and is_staff(person, escalation.organisation)
        and escalations_visible_to(person).filter(pk=escalation.pk).exists()
    )


def check_message_from_alert(person: Person, escalation: Escalation) -> None:
    """Raise PermissionDenied unless can_message_from_alert. No side effects."""
    if not can_message_from_alert(person, escalation):
        raise PermissionDenied
