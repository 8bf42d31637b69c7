"""Shared set-up for the meetings tests: a group with a facilitator and a member."""

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
