"""The demo shows My plan: sam's partly filled plan, shared with jo."""

from __future__ import annotations

import pytest

from alongside.demo.seed import seed

from .. import actions
from ..models import PlanShare, PlanVersion, SafetyPlan
from ..permissions import get_share_for, shares_visible_to
from ..sections import starting_services

pytestmark = pytest.mark.django_db


def test_sam_has_a_partly_filled_plan_shared_with_jo() -> None:
    seed()
    seed()

    plan = SafetyPlan.objects.get(owner__username="sam")
    content = actions.current_content(plan)
    assert content.text("on-my-own") and content.people
    assert not content.text("safer")
    share = PlanShare.objects.get(plan=plan)
    jo = share.recipient
    assert jo is not None and jo.username == "jo"
    assert get_share_for(jo, share.pk) == share
    assert list(shares_visible_to(plan.owner)) == []
    assert PlanVersion.objects.filter(plan=plan).count() == 4
    names = [service.name for service in starting_services(plan.owner)]
    assert "Riverside evening line" in names and "Samaritans" in names
