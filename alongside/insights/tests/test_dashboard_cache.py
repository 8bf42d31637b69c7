"""The dashboard kept for a few minutes, the answer counts of ended quarters kept
for a day, and charts drawn once for the same numbers: never mixed between
filters, and never showing a number the small-number rules would hide."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from alongside.insights.charts import _rate_chart, rate_chart
from alongside.insights.dashboard import answer_counts
from alongside.insights.dashboard_cache import cached_dashboard
from alongside.insights.rates import Filters, last_quarters
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.factories import PeerGroupFactory

from .factories import AnswerFactory

pytestmark = pytest.mark.django_db


def _answers_last_quarter(group: PeerGroup, count: int) -> None:
    start = last_quarters(1)[0].start
    for number in range(count):
        AnswerFactory.create(group=group, answered_on=start + timedelta(days=number))


def test_a_group_is_never_shown_the_whole_organisations_kept_figures(
    group: PeerGroup,
) -> None:
    other = PeerGroupFactory.create(organisation=group.organisation)
    _answers_last_quarter(group, 10)
    _answers_last_quarter(other, 30)
    organisation = group.organisation

    whole = cached_dashboard(organisation=organisation, filters=Filters())
    one_group = cached_dashboard(
        organisation=organisation, filters=Filters(group_id=group.pk)
    )

    assert whole.answers_given[-1][1] == "about 40"
    assert one_group.answers_given[-1][1] == "about 10"


def test_a_kept_dashboard_comes_back_without_counting_again(
    group: PeerGroup, django_assert_num_queries: pytest.FixtureRequest
) -> None:
    _answers_last_quarter(group, 12)
    first = cached_dashboard(organisation=group.organisation, filters=Filters())

    with django_assert_num_queries(0):  # type: ignore[operator]
        again = cached_dashboard(organisation=group.organisation, filters=Filters())

    assert again == first


def test_a_kept_dashboard_still_hides_a_small_number(group: PeerGroup) -> None:
    _answers_last_quarter(group, 3)
    filters = Filters(group_id=group.pk)

    first = cached_dashboard(organisation=group.organisation, filters=filters)
    kept = cached_dashboard(organisation=group.organisation, filters=filters)

    assert first.answers_given[-1][1] == kept.answers_given[-1][1] == "hidden"
    assert not kept.felt_safety[-1][1].is_enough


def test_an_answer_given_today_never_changes_the_ended_quarters_kept(
    group: PeerGroup,
) -> None:
    """What keeping the counts for a day rests on: today is never in them."""
    _answers_last_quarter(group, 9)
    quarters = last_quarters(4)
    before = answer_counts(group.organisation, Filters(), quarters)
    AnswerFactory.create(group=group, answered_on=timezone.localdate())
    cache.clear()

    after = answer_counts(group.organisation, Filters(), quarters)

    assert sorted(after) == sorted(before)
    assert sum(row[-1] for row in after) == 9


def test_a_chart_with_the_same_numbers_is_drawn_once() -> None:
    labels, values, intervals = ["2025 Q1"], [12.5], [(10.0, 15.0)]
    first = rate_chart("A made-up chart", labels, values, intervals)
    hits = _rate_chart.cache_info().hits

    again = rate_chart("A made-up chart", labels, values, intervals)
    changed = rate_chart("A made-up chart", labels, [13.0], intervals)

    assert again == first
    assert _rate_chart.cache_info().hits == hits + 1
    assert changed != first
