"""Set forms of the safety rules across all of a person's groups at once, for the
staff Today page. tests/test_permissions.py checks that each answers exactly as its
rule does, in every state."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from alongside.accounts.models import Person
from alongside.organisations.models import OrganisationRole, Role
from alongside.peergroups.models import Membership, PeerGroup

from ..models import Escalation, EscalationStatus, Incident
from .duty import escalations_visible_to

# ---- Across all of a person's groups at once (the staff Today page) ----------------
#
# Set forms of the rules above, for a page that gathers a person's work from every
# group in a few queries however many groups they have. tests/test_permissions.py
# checks that each answers exactly as its rule does, in every state.


def queue_groups_visible_to(person: Person) -> models.QuerySet[PeerGroup]:
    """The groups whose moderation queue the person may see (`can_see_queue`): those
    they facilitate, and every group of an organisation they are an admin of."""
    if not person.is_authenticated:
        return PeerGroup.objects.none()
    facilitated = Membership.objects.facilitating().filter(person=person)
    admin_of = OrganisationRole.objects.filter(person=person, role=Role.ADMIN)
    return PeerGroup.objects.filter(
        Q(pk__in=facilitated.values("group"))
        | Q(organisation__in=admin_of.values("organisation"))
    )


def incidents_visible_anywhere_to(person: Person) -> models.QuerySet[Incident]:
    """`incidents_visible_to` across every organisation the person is in."""
    if not person.is_authenticated:
        return Incident.objects.none()
    roles = OrganisationRole.objects.filter(person=person)
    oversees = roles.filter(role__in=(Role.ADMIN, Role.SUPERVISOR))
    facilitates = roles.filter(role=Role.FACILITATOR)
    facilitated = Membership.objects.facilitating().filter(person=person)
    return Incident.objects.filter(
        Q(organisation__in=oversees.values("organisation"))
        | (
            Q(organisation__in=facilitates.values("organisation"))
            & (Q(recorded_by=person) | Q(group__in=facilitated.values("group")))
        )
    )


def escalations_to_acknowledge_by(person: Person) -> models.QuerySet[Escalation]:
    """Open alerts the person may acknowledge (`can_acknowledge`): those visible to
    them, still waiting, and not about themselves."""
    if not person.is_authenticated:
        return Escalation.objects.none()
    return (
        escalations_visible_to(person)
        .filter(status=EscalationStatus.ALERTING)
        .exclude(person_at_risk=person)
    )
