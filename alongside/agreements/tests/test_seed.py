"""The demo's agreements: seeded once, however often the seed runs."""

from __future__ import annotations

from alongside.agreements.models import Agreement, AgreementVersion, Proposal, Response
from alongside.agreements.permissions import agreement_of
from alongside.demo.seed import seed
from alongside.peergroups.models import PeerGroup


def test_seed_twice_makes_no_duplicates(db: None) -> None:
    seed()
    counts = (
        Agreement.objects.count(),
        AgreementVersion.objects.count(),
        Proposal.objects.count(),
        Response.objects.count(),
    )
    seed()
    assert counts == (
        Agreement.objects.count(),
        AgreementVersion.objects.count(),
        Proposal.objects.count(),
        Response.objects.count(),
    )


def test_living_with_loss_has_an_agreement_an_open_proposal_and_a_review_soon(
    db: None,
) -> None:
    seed()
    loss = PeerGroup.objects.get(slug="living-with-loss")
    agreement = agreement_of(loss)
    assert agreement is not None
    assert agreement.current_version is not None
    assert agreement.current_version.number == 1
    assert agreement.proposals.open().get().responses.count() >= 2
    assert agreement.review_reminder_on is not None
    evening = PeerGroup.objects.get(slug="evening-circle")
    assert agreement_of(evening) is None
