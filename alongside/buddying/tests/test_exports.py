"""What a one-to-one match puts in each of its two people's data download."""

from __future__ import annotations

import pytest

from alongside.organisations.tests.factories import OrganisationFactory

from .. import actions
from ..exports import export_matches
from ..starter import STARTER
from .factories import matched

pytestmark = pytest.mark.django_db


def test_a_supporters_download_holds_their_own_versions_never_the_peers_words() -> None:
    match = matched(OrganisationFactory.create())
    actions.propose_agreement(
        person=match.peer,
        match=match,
        fields={**STARTER, "who_else_knows": "Words the peer wrote"},
    )
    actions.propose_agreement(
        person=match.supporter,
        match=match,
        fields={**STARTER, "boundaries": "Words the supporter wrote"},
    )

    supporters = str(export_matches(match.supporter))
    peers = str(export_matches(match.peer))

    assert "Words the peer wrote" not in supporters
    assert "Words the supporter wrote" in supporters
    assert "Words the peer wrote" in peers and "Words the supporter wrote" in peers
    versions = export_matches(match.supporter)[0]["agreement_versions"]
    assert [version["number"] for version in versions] == [1, 2, 3]
