"""Factories for conversation tests. Words in posts are neutral placeholders.

People, services and groups come from the one factory each that every app's tests
share (re-exported here), so that their made-up names never collide."""

from __future__ import annotations

import uuid
from itertools import count

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PersonFactory as PersonFactory
from alongside.organisations.models import OrganisationRole, Role
from alongside.organisations.tests.factories import (
    OrganisationFactory as OrganisationFactory,
)
from alongside.peergroups.models import GroupRole, Membership, PeerGroup, Status
from alongside.peergroups.tests.factories import PeerGroupFactory as PeerGroupFactory

from ..models import LiveRoom, Post, Thread

_numbers = count(1)


def person_in(
    group: PeerGroup,
    status: str | None = Status.ACTIVE,
    *,
    group_role: str = GroupRole.MEMBER,
    org_role: str = Role.PEER,
) -> Person:
    """A person in the group's organisation, with the given membership (or none)."""
    person = PersonFactory()
    OrganisationRole.objects.create(
        organisation=group.organisation, person=person, role=org_role
    )
    if status is not None:
        Membership.objects.create(
            group=group,
            person=person,
            display_name=f"Member {next(_numbers)}",
            status=status,
            role=group_role,
        )
    return person


def open_room(group: PeerGroup) -> LiveRoom:
    room, _ = LiveRoom.objects.get_or_create(group=group)
    room.is_always_open = True
    room.save()
    return room


def live_post(group: PeerGroup, author: Person, body: str = "hello", **fields) -> Post:  # type: ignore[no-untyped-def]
    return Post.objects.create(
        group=group,
        room=open_room(group),
        author=author,
        body=body,
        client_id=uuid.uuid4(),
        **fields,
    )


def thread_with_post(group: PeerGroup, author: Person, **fields) -> Thread:  # type: ignore[no-untyped-def]
    thread = Thread.objects.create(group=group, author=author, title="A title")
    Post.objects.create(
        group=group,
        thread=thread,
        author=author,
        kind="sharing",
        body="placeholder words",
        client_id=uuid.uuid4(),
        **fields,
    )
    return thread
