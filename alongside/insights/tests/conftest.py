"""Shared set-up for the insights tests: a group with a facilitator and members."""

from __future__ import annotations

import pytest

from alongside.accounts.models import Person
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.factories import PeerGroupFactory
from alongside.peergroups.tests.states import person_in_state


@pytest.fixture
def group(db: None) -> PeerGroup:
    return PeerGroupFactory.create()


@pytest.fixture
def facilitator(group: PeerGroup) -> Person:
    return person_in_state("facilitator", group)


@pytest.fixture
def member(group: PeerGroup) -> Person:
    return person_in_state("active", group)


@pytest.fixture(autouse=True)
def no_rate_limits(settings: pytest.FixtureRequest) -> None:
    settings.ALONGSIDE_RATE_LIMITS = {}  # type: ignore[attr-defined]
