"""The demo seed can be run again without duplicating anything."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Model

from alongside.accounts.models import Person
from alongside.organisations.models import (
    Invitation,
    Organisation,
    OrganisationRole,
    SupportService,
)
from alongside.peergroups.models import Membership, PeerGroup, Tag

pytestmark = pytest.mark.django_db

MODELS: list[type[Model]] = [
    Person,
    Organisation,
    OrganisationRole,
    SupportService,
    Invitation,
    PeerGroup,
    Tag,
    Membership,
]


def counts() -> dict[str, int]:
    return {model.__name__: model._default_manager.count() for model in MODELS}


def test_seeding_twice_creates_no_duplicates() -> None:
    call_command("seed_demo", stdout=StringIO())
    first = counts()

    output = StringIO()
    call_command("seed_demo", stdout=output)

    assert counts() == first
    assert all(number > 0 for number in first.values())
    assert "DEMO2-STAFF" in output.getvalue()


def test_demo_has_people_in_every_role_and_groups_of_each_kind() -> None:
    call_command("seed_demo", stdout=StringIO())

    roles = set(OrganisationRole.objects.values_list("role", flat=True))
    assert roles == {"peer", "peer_supporter", "facilitator", "supervisor", "admin"}
    assert PeerGroup.objects.filter(join_policy="request").exists()
    assert PeerGroup.objects.filter(is_listed=False).exists()
    assert set(PeerGroup.objects.values_list("format", flat=True)) == {
        "online",
        "in_person",
        "hybrid",
    }


@pytest.mark.django_db(transaction=True)
def test_demo_shows_one_staff_read_and_seeding_again_adds_none() -> None:
    from alongside.access.models import StaffRead
    from alongside.demo.seed import seed

    seed()
    seed()

    read = StaffRead.objects.get()
    assert read.author.username == "sam"


def test_the_ward_demo_is_a_secure_service_and_every_demo_has_limits() -> None:
    call_command("seed_demo", stdout=StringIO())
    ward = Invitation.objects.get(code="DEMO3-WARDS").organisation

    assert ward.allows_links is False
    assert ward.peers_can_message_team is False
    assert ward.requires_staff_facilitators is True
    assert sorted(Organisation.objects.values_list("setting", flat=True)) == [
        "community",
        "secure",
        "workplace",
    ]
    assert all(
        organisation.live_message_retention_days > 0
        and organisation.thread_retention_days > 0
        for organisation in Organisation.objects.all()
    )


def test_demo_posts_call_members_by_the_name_the_group_knows() -> None:
    """Nobody is called by their sign-in name in a group that knows them by another."""
    from alongside.demo.seed import DEMO_THREADS

    call_command("seed_demo", stdout=StringIO())
    slugs = {"loss": "living-with-loss", "evening": "evening-circle"}
    for group_key, _starter, _title, posts in DEMO_THREADS:
        members = Membership.objects.filter(group__slug=slugs[group_key])
        for member in members.select_related("person"):
            account_name = member.person.username.capitalize()
            if member.display_name.startswith(account_name):
                continue
            for post in posts:
                mentioned = re.search(rf"\b{account_name}\b", post.body)
                assert mentioned is None, (group_key, account_name)
