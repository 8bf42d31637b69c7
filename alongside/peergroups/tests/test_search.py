"""Finding a group from a person's own words: stems, related words and the
organisation's own words."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from alongside.organisations.models import Organisation
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.search import (
    matching_groups,
    parse_search_words,
    query_stems,
)

from .factories import PeerGroupFactory, TagFactory

pytestmark = pytest.mark.django_db


def group_about(organisation: Organisation, name: str, *tags: str) -> PeerGroup:
    group = PeerGroupFactory.create(
        organisation=organisation, name=name, shared_experience="A calm group."
    )
    for tag in tags:
        group.tags.add(TagFactory.create(name=tag, slug=tag.replace(" ", "-")))
    return group


@pytest.fixture
def groups(organisation: Organisation) -> dict[str, PeerGroup]:
    return {
        "loss": group_about(organisation, "Living with loss", "bereavement", "grief"),
        "worry": group_about(organisation, "Evening circle", "anxiety", "panic"),
        "carers": group_about(organisation, "Carers' cuppa", "caring"),
        "drink": group_about(organisation, "One day at a time", "alcohol"),
    }


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("my dad died", ["loss"]),
        ("My Mum passed away last year", ["loss"]),
        ("grieving", ["loss"]),
        ("I get so anxious at night", ["worry"]),
        ("panicking", ["worry"]),
        ("I look after my brother, I'm his carer", ["carers"]),
        ("stopping drinking", ["drink"]),
        ("cuppa", ["carers"]),
        ("the", []),
        ("zzzz", []),
    ],
)
def test_a_search_in_a_persons_own_words_finds_the_group(
    groups: dict[str, PeerGroup], typed: str, found: list[str]
) -> None:
    result = matching_groups(PeerGroup.objects.prefetch_related("tags"), typed)

    assert result == [groups[key] for key in found]


def test_the_organisations_own_words_widen_a_search(
    groups: dict[str, PeerGroup], organisation: Organisation
) -> None:
    Organisation.objects.filter(pk=organisation.pk).update(
        search_words="nan: bereavement, grandmother\nbrew: cuppa"
    )

    assert matching_groups(PeerGroup.objects.all(), "my nan") == [groups["loss"]]
    assert matching_groups(PeerGroup.objects.all(), "brew") == [groups["carers"]]


def test_one_organisations_words_do_not_widen_anothers_search(
    groups: dict[str, PeerGroup],
) -> None:
    other = OrganisationFactory.create(search_words="nan: bereavement")
    elsewhere = group_about(other, "Elsewhere loss", "bereavement")

    assert matching_groups(PeerGroup.objects.all(), "nan") == [elsewhere]


def test_words_that_say_nothing_are_left_out() -> None:
    assert query_stems("my the and of") == set()


def test_lines_of_related_words_are_read_kindly() -> None:
    assert parse_search_words("Nan: grandmother, Gran\nno colon here\nx:") == {
        "nan": ("grandmother", "gran")
    }


def test_the_group_list_finds_a_group_from_everyday_words(
    peer_client: Client, groups: dict[str, PeerGroup]
) -> None:
    response = peer_client.get(reverse("peergroups:group-list"), {"q": "my dad died"})

    assert [shown for shown, _ in response.context["groups"]] == [groups["loss"]]
