"""The demo shows the end of support and a referral on: sam's earlier support
with sky ended as planned, with sam's survey (fran reads it, sky never does), and
on sam's match with jo a referral sam agreed to, item by item."""

from __future__ import annotations

import pytest

from alongside.accounts.models import Person
from alongside.demo.seed import seed
from alongside.privateconversations.permissions import can_read, can_write

from ..ending_models import ReferralStatus
from ..models import Match, MatchStatus
from ..permissions import referrals_visible_to, surveys_visible_to

pytestmark = pytest.mark.django_db


def test_the_demo_shows_an_ended_match_its_survey_and_a_referral() -> None:
    seed()
    seed()
    sam, sky, fran, jo = (
        Person.objects.get(username=name) for name in ("sam", "sky", "fran", "jo")
    )

    ended = Match.objects.get(peer=sam, supporter=sky)
    assert ended.status == MatchStatus.ENDED
    assert ended.conversation is not None
    assert can_read(sam, ended.conversation)
    assert not can_write(sam, ended.conversation)
    riverside = ended.organisation
    assert list(surveys_visible_to(fran, riverside)) == [ended.ending_survey]
    assert not surveys_visible_to(sky, riverside).exists()

    (referral,) = referrals_visible_to(sam)
    assert referral.made_by == jo
    assert referral.status == ReferralStatus.CONSENTED
    assert referral.items_shared == ["name", "what_help"]
    assert referral.consented_at is not None
    assert not referrals_visible_to(fran).exists()
