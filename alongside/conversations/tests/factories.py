"""Factories for conversation tests. Words in posts are neutral placeholders."""

from __future__ import annotations

import uuid
from itertools import count

import factory

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, OrganisationRole, Role
from alongside.peergroups.models import GroupRole, Membership, PeerGroup, Status

from ..models import LiveRoom, Post, Thread

_numbers = count(1)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    username = factory.Sequence(lambda n: f"person{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Service {n}")
    slug = factory.Sequence(lambda n: f"service-{n}")
    setting = "community"
    confidentiality_statement = "What is said here stays here."


class PeerGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PeerGroup

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Group {n}")
    slug = factory.Sequence(lambda n: f"group-{n}")
    shared_experience = "Something we share."


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
