"""Who may see or do what with peer groups and memberships. The only place that decides.

Groups are visible to the people of their organisation; everyone else gets 404 so
that nobody learns a group exists. Membership rules follow the person's own state:
requested, active, paused, left or declined.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from alongside.accounts.models import Person
from alongside.organisations.models import Role
from alongside.organisations.permissions import role_in

from .models import Membership, PeerGroup, PeerGroupQuerySet, Status


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
    if not person.is_authenticated:
        return None
    return Membership.objects.filter(group=group, person=person).first()


def _status(person: Person, group: PeerGroup) -> str | None:
    membership = membership_of(person, group)
    return membership.status if membership else None


def can_join(person: Person, group: PeerGroup) -> bool:
    """Anyone in the organisation who is not already in (or waiting for) the group.

    Someone who left, or whose request was not accepted, may ask again at any time.
    """
    if role_in(person, group.organisation) is None:
        return False
    return _status(person, group) in {None, Status.LEFT, Status.DECLINED}


def check_join(person: Person, group: PeerGroup) -> None:
    if not can_join(person, group):
        raise PermissionDenied


def can_pause(person: Person, group: PeerGroup) -> bool:
    return _status(person, group) == Status.ACTIVE


def check_pause(person: Person, group: PeerGroup) -> None:
    if not can_pause(person, group):
        raise PermissionDenied


def can_return(person: Person, group: PeerGroup) -> bool:
    """A paused member comes back; so does someone who left, with no new request,
    because they were welcomed once already."""
    return _status(person, group) in {Status.PAUSED, Status.LEFT}


def check_return(person: Person, group: PeerGroup) -> None:
    if not can_return(person, group):
        raise PermissionDenied


def can_leave(person: Person, group: PeerGroup) -> bool:
    """Members leave; someone waiting for an answer may withdraw their request."""
    return _status(person, group) in {Status.ACTIVE, Status.PAUSED, Status.REQUESTED}


def check_leave(person: Person, group: PeerGroup) -> None:
    if not can_leave(person, group):
        raise PermissionDenied


def can_rename_self(person: Person, group: PeerGroup) -> bool:
    return _status(person, group) in {Status.ACTIVE, Status.PAUSED}


def check_rename_self(person: Person, group: PeerGroup) -> None:
    if not can_rename_self(person, group):
        raise PermissionDenied


def can_see_members(person: Person, group: PeerGroup) -> bool:
    """Only people in the group see who else is in it."""
    return _status(person, group) in {Status.ACTIVE, Status.PAUSED}


def is_facilitator_of(person: Person, group: PeerGroup) -> bool:
    membership = membership_of(person, group)
    return membership is not None and membership.is_facilitator


def can_manage_requests(person: Person, group: PeerGroup) -> bool:
    """The group's facilitators, and the organisation's admins, answer join requests."""
    if is_facilitator_of(person, group):
        return True
    return role_in(person, group.organisation) == Role.ADMIN


def check_manage_requests(person: Person, group: PeerGroup) -> None:
    if not can_manage_requests(person, group):
        raise PermissionDenied


def can_leave_feedback(person: Person, group: PeerGroup) -> bool:
    """Only someone who has just left may leave a parting note."""
    return _status(person, group) == Status.LEFT


def check_leave_feedback(person: Person, group: PeerGroup) -> None:
    if not can_leave_feedback(person, group):
        raise PermissionDenied
