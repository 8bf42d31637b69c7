"""The end of one-to-one support and referrals on, for the confidentiality crawl
(alongside/core/tests/test_confidentiality.py). In the group's organisation, with
two people who are no actors:

- an ended match whose peer answered the ending survey in their own words (the
  organisation's coordinators read it; its supporter never would);
- a referral with the peer's say, its reason in the supporter's words (the two
  only), and one under the limits of confidentiality by a supporter with no
  supervisor (the organisation's supervisors and admins read its reason, to sign).
"""

from __future__ import annotations

from typing import Any

from alongside.supporters.models import Supervision

from .. import actions
from ..ending_models import Basis
from .ending_factories import agreed, service_of
from .factories import matched


def plant_one_to_one_ending(world: Any, name: str) -> None:
    organisation = world.groups[name].organisation
    match = agreed(matched(organisation))
    actions.end_support(person=match.peer, match=match)
    match.refresh_from_db()
    actions.answer_ending_survey(
        person=match.peer,
        match=match,
        helped=4,
        felt_respected=4,
        ending_felt_right=4,
        words=world.marker(name, "one-to-one-surveys"),
    )


def plant_referrals(world: Any, name: str) -> None:
    organisation = world.groups[name].organisation
    match = matched(organisation)
    Supervision.objects.filter(supporter=match.supporter).delete()
    service = service_of(organisation)
    actions.record_referral(
        person=match.supporter,
        match=match,
        service=service,
        basis=Basis.CONSENT,
        items=["name"],
        why=world.marker(name, "one-to-one-referrals"),
    )
    under_limits = actions.record_referral(
        person=match.supporter,
        match=match,
        service=service,
        basis=Basis.LIMITS,
        items=["safety"],
        why=world.marker(name, "one-to-one-referral-reasons"),
    )
    world.ids[name]["referral_id"] = under_limits.pk
