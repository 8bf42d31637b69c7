"""The demo shows insights: Riverside's dashboard draws charts from two quarters of
meetings, answers and incidents, Carers' cuppa has too few answers to show, Living
with loss's facilitator has feedback and a batch of parting notes to read, and
seeding again adds nothing."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from alongside.insights.dashboard import build_dashboard
from alongside.insights.models import Answer, Change, Kind
from alongside.insights.permissions import answers_released
from alongside.insights.rates import Filters
from alongside.insights.shown_back import group_distribution
from alongside.organisations.models import Organisation
from alongside.peergroups.models import PeerGroup
from alongside.safety.models import Incident

pytestmark = pytest.mark.django_db


def test_the_demo_has_figures_to_chart_and_a_group_below_the_threshold() -> None:
    call_command("seed_demo", stdout=StringIO())
    counts = (Answer.objects.count(), Incident.objects.count(), Change.objects.count())

    call_command("seed_demo", stdout=StringIO())

    riverside = Organisation.objects.get(slug="riverside")
    dashboard = build_dashboard(organisation=riverside, filters=Filters())
    assert set(dashboard.charts) == {"rates", "categories", "felt"}
    assert [row.per_100_meetings is not None for row in dashboard.incidents.rates][
        -2:
    ] == [True, True]
    carers = PeerGroup.objects.get(slug="carers-cuppa")
    carers_view = build_dashboard(
        organisation=riverside, filters=Filters(group_id=carers.pk)
    )
    assert not any(d.is_enough for _, d in carers_view.felt_safety)
    loss = PeerGroup.objects.get(slug="living-with-loss")
    assert len(answers_released(loss)) >= 5
    # Parting notes: one batch of five to read, two still waiting.
    released = [a for a in answers_released(loss) if a.kind == Kind.PARTING]
    assert len(released) == 5
    assert Answer.objects.filter(group=loss, kind=Kind.PARTING).count() == 7
    assert group_distribution(PeerGroup.objects.get(slug="evening-circle")).is_enough
    assert (
        Answer.objects.count(),
        Incident.objects.count(),
        Change.objects.count(),
    ) == counts
