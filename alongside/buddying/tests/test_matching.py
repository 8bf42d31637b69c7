"""The shortlist as the database builds it: the same rules as before, read from
JSON lists in the database, in a number of queries that does not grow."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from alongside.organisations.tests.factories import OrganisationFactory

from ..matching import reasons_for, shortlist
from ..models import SupportProfile
from .factories import (
    coordinator_of,
    offered,
    peer_of,
    ready_supporter,
    request_from,
)

pytestmark = pytest.mark.django_db


def test_a_language_matches_whatever_its_case() -> None:
    organisation = OrganisationFactory.create()
    shouting = ready_supporter(organisation, languages=("WELSH", "English"))
    lower = ready_supporter(organisation, languages=("welsh",))
    ready_supporter(organisation, languages=("Welshpool",))

    suggestions = shortlist(
        request_from(peer_of(organisation), organisation, language="Welsh")
    )

    assert {s.supporter for s in suggestions} == {shouting, lower}
    assert all("speaks Welsh" in s.reasons for s in suggestions)


def test_no_one_shares_a_language_nobody_speaks() -> None:
    organisation = OrganisationFactory.create()
    ready_supporter(organisation, languages=("English",))

    request = request_from(peer_of(organisation), organisation, language="Somali")

    assert shortlist(request) == []


def test_one_shared_time_is_enough_and_none_rules_out() -> None:
    organisation = OrganisationFactory.create()
    evenings = ready_supporter(organisation, windows=("weekends", "weekday_evenings"))
    ready_supporter(organisation, windows=("weekday_mornings",))
    peer = peer_of(organisation)

    suggestions = shortlist(
        request_from(
            peer, organisation, windows=("weekday_evenings", "weekday_afternoons")
        )
    )

    assert [s.supporter for s in suggestions] == [evenings]
    assert suggestions[0].reasons[-1] == "free on weekday evenings"


def test_most_shared_experiences_first_then_most_free_places() -> None:
    organisation = OrganisationFactory.create()
    one_roomy = ready_supporter(organisation, experiences=("loss",), max_matches=3)
    two = ready_supporter(organisation, experiences=("carers", "loss", "work"))
    one_tight = ready_supporter(organisation, experiences=("loss",), max_matches=1)
    ready_supporter(organisation, experiences=("work",))
    peer = peer_of(organisation)

    suggestions = shortlist(
        request_from(peer, organisation, experiences=("loss", "carers"))
    )

    assert [s.supporter for s in suggestions] == [two, one_roomy, one_tight]
    assert [(s.shared, s.free_places) for s in suggestions] == [(2, 2), (1, 3), (1, 1)]
    assert suggestions[0].reasons[0] == "shares: loss, carers"


def test_an_open_offer_uses_a_free_place_and_moves_a_supporter_down() -> None:
    organisation = OrganisationFactory.create()
    coordinator = coordinator_of(organisation)
    busy = ready_supporter(organisation, max_matches=2)
    free = ready_supporter(organisation, max_matches=2)
    offered(request_from(peer_of(organisation), organisation), busy, coordinator)

    suggestions = shortlist(request_from(peer_of(organisation), organisation))

    assert [(s.supporter, s.free_places) for s in suggestions] == [
        (free, 2),
        (busy, 1),
    ]


def test_reasons_for_agrees_with_the_shortlist() -> None:
    organisation = OrganisationFactory.create()
    suggested = ready_supporter(organisation, experiences=("loss",))
    other_language = ready_supporter(organisation, languages=("Polish",))
    request = request_from(peer_of(organisation), organisation)

    assert reasons_for(request, suggested) == shortlist(request)[0].reasons
    assert reasons_for(request, other_language) is None


def test_a_supporter_without_matching_facts_is_never_suggested() -> None:
    organisation = OrganisationFactory.create()
    supporter = ready_supporter(organisation)
    SupportProfile.objects.filter(person=supporter).delete()

    assert shortlist(request_from(peer_of(organisation), organisation)) == []


def test_the_number_of_queries_does_not_grow_with_the_supporters() -> None:
    organisation = OrganisationFactory.create()
    ready_supporter(organisation)
    first = request_from(peer_of(organisation), organisation)
    with CaptureQueriesContext(connection) as few:
        shortlist(first)
    for _ in range(6):
        ready_supporter(organisation)
    second = request_from(peer_of(organisation), organisation)

    with CaptureQueriesContext(connection) as many:
        suggestions = shortlist(second)

    assert len(suggestions) == 3
    assert len(many) == len(few)
