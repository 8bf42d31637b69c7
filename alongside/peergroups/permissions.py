"""Who may see or do what with peer groups and memberships. The only place that decides.

Groups are visible to the people of their organisation; everyone else gets 404 so
that nobody learns a group exists. Membership rules follow the person's own state:
requested, active, paused, left or declined.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from alongside.accounts.models import Person
from alongside.organisations.models import OrganisationRole, Role
from alongside.organisations.permissions import role_in

from .models import (
    Membership,
    MembershipQuerySet,
    PeerGroup,
    PeerGroupQuerySet,
    Status,
)


def groups_visible_to(person: Person) -> PeerGroupQuerySet:
    """Groups the person may read about: every group of their organisations, listed or
    not (unlisted groups are reachable only by link)."""
    if not person.is_authenticated:
        return PeerGroup.objects.none()
    return PeerGroup.objects.in_organisations_of(person).distinct()


def get_group_for(person: Person, group_id: int) -> PeerGroup:
    """The group, if the person may see it; 404 otherwise, also when it is missing."""
    try:
        return groups_visible_to(person).select_related("organisation").get(pk=group_id)
    except PeerGroup.DoesNotExist:
        raise Http404 from None


def membership_of(person: Person, group: PeerGroup) -> Membership | None:
    """The person's membership row in the group, whatever its state; None if they have
    none or are not signed in. Reads only."""
    if not person.is_authenticated:
        return None
    return Membership.objects.filter(group=group, person=person).first()


def membership_status(person: Person, group: PeerGroup) -> str | None:
    """The person's membership status in the group (requested, active, paused, left,
    declined), or None if they have no membership. Reads only."""
    membership = membership_of(person, group)
    return membership.status if membership else None


def can_join(person: Person, group: PeerGroup) -> bool:
    """Anyone in the organisation who is not already in (or waiting for) the group.

    Someone whose request was not accepted may ask again at any time. Someone who
    left a group that asks first asks again too; someone who left an open group
    comes back instead (can_return), so they see one button, not two.
    """
    if role_in(person, group.organisation) is None:
        return False
    status = membership_status(person, group)
    if status == Status.LEFT:
        return group.asks_before_joining
    return status in {None, Status.DECLINED}


def check_join(person: Person, group: PeerGroup) -> None:
    """Raises PermissionDenied unless can_join. No side effects."""
    if not can_join(person, group):
        raise PermissionDenied


def can_pause(person: Person, group: PeerGroup) -> bool:
    """Only an active member may take a break."""
    return membership_status(person, group) == Status.ACTIVE


def check_pause(person: Person, group: PeerGroup) -> None:
    """Raises PermissionDenied unless can_pause. No side effects."""
    if not can_pause(person, group):
        raise PermissionDenied


def can_return(person: Person, group: PeerGroup) -> bool:
    """A paused member comes back. Someone who left an open group comes back with no
    new request; someone who left a group that asks first asks again (can_join), so
    that the facilitators still decide who is in."""
    status = membership_status(person, group)
    if status == Status.LEFT:
        return not group.asks_before_joining
    return status == Status.PAUSED


def check_return(person: Person, group: PeerGroup) -> None:
    """Raises PermissionDenied unless can_return. No side effects."""
    if not can_return(person, group):
        raise PermissionDenied


def can_leave(person: Person, group: PeerGroup) -> bool:
    """Members leave; someone waiting for an answer may withdraw their request."""
    return membership_status(person, group) in {
        Status.ACTIVE,
        Status.PAUSED,
        Status.REQUESTED,
    }


def check_leave(person: Person, group: PeerGroup) -> None:
    """Raises PermissionDenied unless can_leave. No side effects."""
    if not can_leave(person, group):
        raise PermissionDenied


def can_rename_self(person: Person, group: PeerGroup) -> bool:
    """Members, active or taking a break, may change their own name in the group."""
    return membership_status(person, group) in {Status.ACTIVE, Status.PAUSED}


def check_rename_self(person: Person, group: PeerGroup) -> None:
    """Raises PermissionDenied unless can_rename_self. No side effects."""
    if not can_rename_self(person, group):
        raise PermissionDenied


def can_see_members(person: Person, group: PeerGroup) -> bool:
    """Only people in the group see who else is in it."""
    return membership_status(person, group) in {Status.ACTIVE, Status.PAUSED}


def is_facilitator_of(person: Person, group: PeerGroup) -> bool:
    """The person holds the facilitator role in the group, active or taking a break
    (not after leaving)."""
    membership = membership_of(person, group)
    return membership is not None and membership.is_facilitator


def can_manage_requests(person: Person, group: PeerGroup) -> bool:
    """The group's facilitators, and the organisation's admins, answer join requests."""
    if is_facilitator_of(person, group):
        return True
    return role_in(person, group.organisation) == Role.ADMIN


def check_manage_requests(person: Person, group: PeerGroup) -> None:
    """Raises PermissionDenied unless can_manage_requests. No side effects."""
    if not can_manage_requests(person, group):
        raise PermissionDenied


def can_delete_group(person: Person, group: PeerGroup) -> bool:
    """Only the organisation's admins delete a group, with everything written in it."""
    return role_in(person, group.organisation) == Role.ADMIN


def check_delete_group(person: Person, group: PeerGroup) -> None:
    """Raises PermissionDenied unless can_delete_group. No side effects."""
    if not can_delete_group(person, group):
        raise PermissionDenied


def join_requests_visible_to(person: Person) -> MembershipQuerySet:
    """Requests waiting in every group whose requests the person answers
    (`can_manage_requests`, as a set: for a page that gathers them from all the
    person's groups in one query)."""
    if not person.is_authenticated:
        return Membership.objects.none()
    facilitated = Membership.objects.facilitating().filter(person=person)
    admin_of = OrganisationRole.objects.filter(person=person, role=Role.ADMIN)
    return Membership.objects.requested().filter(
        Q(group__in=facilitated.values("group"))
        | Q(group__organisation__in=admin_of.values("organisation"))
    )
