"""Felt safety after one-to-one meetings on the dashboard and in the report: a
chart, a table and a sentence, through the same disclosure control as every other
figure, for the whole organisation only (one-to-one support belongs to no group),
and one tidy CSV table that shows nothing below the stricter floor of a report
that leaves the organisation."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.buddying.actions import meeting_checks, working_together
from alongside.buddying.models import Match, SupportCheck
from alongside.buddying.tests.factories import agreed_before, matched
from alongside.insights.one_to_one import (
    QUESTION,
    one_to_one_felt_safety,
    one_to_one_felt_safety_by_quarter,
)
from alongside.insights.rates import last_quarters
from alongside.insights.report import build_csv, gather
from alongside.organisations.models import Organisation
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.states import person_in_state

TABLE = "felt safety, one-to-one"


def _answered_last_quarter(organisation: Organisation, scores: list[int]) -> None:
    """One pair for each score; its peer answers the check after a meeting, dated
    in the last quarter that ended (the only quarters the figures show)."""
    for score in scores:
        match: Match = matched(organisation)
        meeting = agreed_before(
            working_together.plan_meeting(
                person=match.supporter,
                match=match,
                starts_at=timezone.now() - timedelta(hours=2),
                minutes=60,
                format="phone",
            )
        )
        meeting_checks.answer_meeting_check(
            person=match.peer, meeting=meeting, helpful=4, felt_safe=score
        )
    start, _ = last_quarters(1)[0].bounds()
    SupportCheck.objects.filter(match__organisation=organisation).update(
        created_at=start + timedelta(days=10)
    )


def _dashboard(admin: Person, organisation: Organisation, **query: str) -> str:
    client = Client()
    client.force_login(admin)
    response = client.get(
        reverse("insights:dashboard", args=[organisation.slug]), query
    )
    assert response.status_code == 200
    return response.content.decode()


def _one_to_one_section(page: str) -> str:
    start = page.index('<section aria-labelledby="one-to-one">')
    return page[start : page.index("</section>", start)]


def test_the_dashboard_draws_felt_safety_after_one_to_one_meetings(
    group: PeerGroup,
) -> None:
    organisation = group.organisation
    admin = person_in_state("org admin", group)
    _answered_last_quarter(organisation, [5] * 12 + [4] * 8)

    section = _one_to_one_section(_dashboard(admin, organisation))

    label = last_quarters(1)[0].label
    assert "data:image/svg+xml;base64," in section
    # The sentence read out in place of the chart, and shown under it.
    assert "<figcaption>Felt safety after one-to-one meetings. " in section
    assert (
        f"{label}: 100% answered 4 or 5 to &quot;{QUESTION}&quot; "
        "(about 20 people answering)."
    ) in section
    # The table beside it: counts of people rounded, shares from exact numbers.
    assert f'"{QUESTION}": answers from about 20 people' in section
    assert '<th scope="row">4</th><td>about 10</td><td>40%</td>' in section
    assert '<th scope="row">5</th><td>about 10</td><td>60%</td>' in section


def test_too_few_people_read_not_enough_and_a_group_shows_no_one_to_one_figures(
    group: PeerGroup,
) -> None:
    organisation = group.organisation
    admin = person_in_state("org admin", group)
    _answered_last_quarter(organisation, [5, 5, 4, 4])

    whole = _one_to_one_section(_dashboard(admin, organisation))
    narrowed = _one_to_one_section(
        _dashboard(admin, organisation, group=str(group.pk), quarters="4")
    )

    assert "data:image/svg+xml" not in whole
    assert whole.count("Not enough answers yet.") == 4
    assert "for the whole organisation only" in narrowed
    assert "Not enough answers yet" not in narrowed


def test_the_report_has_one_tidy_table_of_it_above_its_stricter_floor(
    group: PeerGroup,
) -> None:
    organisation = group.organisation
    # Nine people would show inside the organisation, never in a report.
    _answered_last_quarter(organisation, [5] * 9)

    rows = list(csv.DictReader(io.StringIO(build_csv(gather(organisation, 4)))))

    one_to_one = [row for row in rows if row["table"] == TABLE]
    assert len(one_to_one) == 4
    assert {row["value"] for row in one_to_one} == {"not enough answers"}

    _answered_last_quarter(organisation, [4])
    rows = list(csv.DictReader(io.StringIO(build_csv(gather(organisation, 4)))))

    label = last_quarters(1)[0].label
    shown = {
        row["measure"]: (row["value"], row["denominator"])
        for row in rows
        if row["table"] == TABLE and row["quarter"] == label
    }
    assert shown == {
        f"{QUESTION}: 1": ("0%", "about 10"),
        f"{QUESTION}: 2": ("0%", "about 10"),
        f"{QUESTION}: 3": ("0%", "about 10"),
        f"{QUESTION}: 4": ("hidden", "about 10"),
        # One person's 4 is hidden, and so the 5s too: 100% less the rest would
        # give it away.
        f"{QUESTION}: 5": ("hidden", "about 10"),
    }


def test_counting_every_quarter_at_once_gives_each_quarters_own_figures(
    group: PeerGroup,
) -> None:
    organisation = group.organisation
    _answered_last_quarter(organisation, [5] * 6 + [3] * 3)
    quarters = last_quarters(3)
    # Three of the answers belong to the quarter before.
    earlier, _ = quarters[1].bounds()
    SupportCheck.objects.filter(felt_safe=3).update(created_at=earlier)

    together = one_to_one_felt_safety_by_quarter(organisation, quarters)

    assert together == [
        (quarter, one_to_one_felt_safety(organisation, quarter)) for quarter in quarters
    ]
    assert [distribution.is_enough for _, distribution in together] == [
        False,
        False,
        True,
    ]
