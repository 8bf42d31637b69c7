"""The demo seed can be run again without duplicating anything."""

from __future__ import annotations

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
