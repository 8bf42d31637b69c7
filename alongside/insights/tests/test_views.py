"""The insights pages: giving feedback (told who sees it, screened, nothing lost),
reading it only after the window and the threshold, felt safety after a meeting,
one's own scores, "you said, we did" and the dashboard."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.insights.models import Answer, Answered, Change
from alongside.meetings.models import Occurrence
from alongside.organisations.tests.factories import SupportServiceFactory
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.states import person_in_state
from alongside.safety.models import Incident

from .factories import AnswerFactory, a_day, closed_answers, past_meeting

RISK_TEXT = "I want to end my life tonight. I have written my goodbye letters."


def _client(person: Person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def test_the_feedback_form_says_who_will_see_it_when_and_after_how_many(
    member: Person, group: PeerGroup
) -> None:
    page = _client(member).get(reverse("insights:feedback-give", args=[group.pk]))

    text = page.content.decode()
    assert "Only the facilitators of" in text
    assert "three days after you send it at the earliest" in text
    assert "at least 4 other people" in text
    assert "I'd like someone to contact me" in text


def test_feedback_sent_from_the_page_is_kept_without_a_name(
    member: Person, group: PeerGroup
) -> None:
    response = _client(member).post(
        reverse("insights:feedback-give", args=[group.pk]),
        {"text": "The room was too cold."},
    )

    assert response.status_code == 302
    assert Answer.objects.get().text == "The room was too cold."


def test_identifying_details_are_pointed_out_and_the_words_kept(
    member: Person, group: PeerGroup
) -> None:
    client = _client(member)
    url = reverse("insights:feedback-give", args=[group.pk])

    response = client.post(url, {"text": "Ring me on 07700 900456 about it."})

    text = response.content.decode()
    assert "phone number" in text
    assert "07700 900456" in text  # still in the box
    assert not Answer.objects.exists()
    client.post(url, {"text": "Ring me about it.", "send_as_it_is": "True"})
    assert Answer.objects.get().text == "Ring me about it."


def test_words_of_risk_show_crisis_options_and_say_nobody_can_answer(
    member: Person, group: PeerGroup
) -> None:
    SupportServiceFactory.create(
        organisation=group.organisation, name="A made-up helpline", is_urgent=True
    )

    response = _client(member).post(
        reverse("insights:feedback-give", args=[group.pk]), {"text": RISK_TEXT}
    )

    text = response.content.decode()
    assert "A made-up helpline" in text
    assert "Anonymous feedback cannot be answered" in text
    assert not Answer.objects.exists()


def test_junk_and_hostile_text_gets_a_page_not_an_error(
    member: Person, group: PeerGroup
) -> None:
    client = _client(member)
    url = reverse("insights:feedback-give", args=[group.pk])

    for junk in ["<script>alert(1)</script>", "'; DROP TABLE x; --", "x" * 2500]:
        response = client.post(url, {"text": junk})
        assert response.status_code in {200, 302, 400}
    assert "&lt;script&gt;" not in Answer.objects.first().text  # type: ignore[union-attr]


def test_facilitators_see_nothing_until_five_answers_have_waited_three_days(
    facilitator: Person, group: PeerGroup
) -> None:
    client = _client(facilitator)
    url = reverse("insights:feedback-read", args=[group.pk])
    closed_answers(group, 4, text="A made-up answer.")
    AnswerFactory.create(group=group, answered_on=a_day(1), text="Too new.")

    assert "A made-up answer." not in client.get(url).content.decode()

    AnswerFactory.create(group=group, answered_on=a_day(4), text="A made-up answer.")
    text = client.get(url).content.decode()
    assert text.count("A made-up answer.") == 5
    assert "Too new." not in text


@pytest.mark.parametrize("state", ["active", "org admin", "supervisor"])
def test_nobody_but_facilitators_reads_the_answers(
    group: PeerGroup, state: str
) -> None:
    closed_answers(group, 5, text="A made-up answer.")

    response = _client(person_in_state(state, group)).get(
        reverse("insights:feedback-read", args=[group.pk])
    )

    assert response.status_code == 403
    assert b"A made-up answer." not in response.content


def test_the_group_page_asks_once_after_a_meeting_and_not_again_that_week(
    member: Person, group: PeerGroup
) -> None:
    client = _client(member)
    occurrence = past_meeting(group)
    group_url = reverse("peergroups:group-detail", args=[group.pk])
    answer_url = reverse("insights:felt-safety-answer", args=[group.pk, occurrence.pk])

    assert answer_url in client.get(group_url).content.decode()
    client.post(answer_url, {"felt_safe": "4", "could_say": "3"})
    past_meeting(group, hours_ago=2)

    assert (
        "How did the last meeting feel?" not in client.get(group_url).content.decode()
    )
    assert Answer.objects.get().felt_safe == 4
    own = client.get(reverse("insights:own-scores")).content.decode()
    assert "4.0" in own and "3.0" in own


def test_an_answer_without_a_choice_is_explained(
    member: Person, group: PeerGroup
) -> None:
    occurrence = past_meeting(group)

    response = _client(member).post(
        reverse("insights:felt-safety-answer", args=[group.pk, occurrence.pk]),
        {"felt_safe": "4"},
    )

    assert response.status_code == 400
    assert not Answered.objects.exists()


def test_you_said_we_did_shows_not_enough_answers_below_five(
    member: Person, facilitator: Person, group: PeerGroup
) -> None:
    closed_answers(group, 4)
    url = reverse("insights:you-said-we-did", args=[group.pk])
    _client(facilitator).post(
        url, {"you_said": "The room was cold.", "we_did": "We moved rooms."}
    )

    text = _client(member).get(url).content.decode()
    assert "Not enough answers yet" in text
    assert "We moved rooms." in text
    assert Change.objects.count() == 1

    closed_answers(group, 1)
    assert "Not enough answers yet" not in _client(member).get(url).content.decode()


def test_a_member_cannot_write_you_said_we_did(
    member: Person, group: PeerGroup
) -> None:
    response = _client(member).post(
        reverse("insights:you-said-we-did", args=[group.pk]),
        {"you_said": "Made up.", "we_did": "Made up."},
    )

    assert response.status_code == 403
    assert not Change.objects.exists()


def _quarter_of_meetings(group: PeerGroup, count: int) -> list[Occurrence]:
    """`count` meetings of the group, one a day, in the last quarter that ended,
    each with a head count of 6."""
    from alongside.insights.rates import last_quarters
    from alongside.meetings.tests.factories import MeetingFactory

    start, _ = last_quarters(1)[0].bounds()
    meeting = MeetingFactory.create(group=group)
    return [
        Occurrence.objects.create(
            meeting=meeting,
            slot_at=start + timedelta(days=day, hours=19),
            starts_at=start + timedelta(days=day, hours=19),
            ends_at=start + timedelta(days=day, hours=20),
            head_count=6,
        )
        for day in range(count)
    ]


def test_the_dashboard_shows_rates_with_charts_tables_and_summaries(
    group: PeerGroup,
) -> None:
    admin = person_in_state("org admin", group)
    occurrences = _quarter_of_meetings(group, 40)
    for occurrence in occurrences[:10]:
        Incident.objects.create(
            organisation=group.organisation,
            group=group,
            category="other",
            severity="low",
            what_happened="A made-up note.",
            occurred_at=occurrence.starts_at,
        )

    response = _client(admin).get(
        reverse("insights:dashboard", args=[group.organisation.slug])
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert "data:image/svg+xml;base64," in text
    assert "25.0 per 100 meetings" in text  # 10 incidents in 40 meetings
    assert "<caption>Incident rates by quarter" in text
    assert "A made-up note." not in text


def test_narrowing_to_a_group_that_would_reveal_a_small_number_is_refused(
    group: PeerGroup,
) -> None:
    from alongside.peergroups.tests.factories import PeerGroupFactory

    admin = person_in_state("org admin", group)
    other = PeerGroupFactory.create(organisation=group.organisation)
    occurrences = _quarter_of_meetings(group, 20) + _quarter_of_meetings(other, 3)
    for occurrence in occurrences:
        Incident.objects.create(
            organisation=group.organisation,
            group=occurrence.meeting.group,
            category="other",
            severity="low",
            what_happened="A made-up note.",
            occurred_at=occurrence.starts_at,
        )
    url = reverse("insights:dashboard", args=[group.organisation.slug])

    response = _client(admin).get(url, {"group": str(group.pk)})

    text = response.content.decode()
    assert (
        "We can&#x27;t show this combination" in text
        or "We can't show this combination" in text
    )
    assert "data:image/svg+xml" not in text


def test_a_group_of_another_organisation_in_the_filter_is_refused_plainly(
    group: PeerGroup,
) -> None:
    from alongside.peergroups.tests.factories import PeerGroupFactory

    admin = person_in_state("org admin", group)
    elsewhere = PeerGroupFactory.create()

    response = _client(admin).get(
        reverse("insights:dashboard", args=[group.organisation.slug]),
        {"group": str(elsewhere.pk)},
    )

    assert response.status_code == 400
    assert "Something needs a second look" in response.content.decode()


@pytest.mark.parametrize("state", ["facilitator", "active", "other organisation admin"])
def test_the_dashboard_is_for_admins_and_supervisors(
    group: PeerGroup, state: str
) -> None:
    response = _client(person_in_state(state, group)).get(
        reverse("insights:dashboard", args=[group.organisation.slug])
    )

    assert response.status_code == 404


def test_dismissing_from_the_page_stops_the_prompt(
    member: Person, group: PeerGroup
) -> None:
    past_meeting(group)
    client = _client(member)

    client.post(reverse("insights:prompt-dismiss"))

    page = client.get(reverse("peergroups:group-detail", args=[group.pk]))
    assert "How did the last meeting feel?" not in page.content.decode()


@pytest.mark.parametrize(
    ("state", "shown"),
    [
        ("org admin", True),
        ("supervisor", True),
        ("facilitator", False),
        ("active", False),
    ],
)
def test_the_organisation_page_links_to_the_dashboard_for_those_who_may_see_it(
    group: PeerGroup, state: str, shown: bool
) -> None:
    slug = group.organisation.slug
    page = _client(person_in_state(state, group)).get(
        reverse("organisations:organisation-detail", args=[slug])
    )

    assert (
        reverse("insights:dashboard", args=[slug]) in page.content.decode()
    ) is shown


def test_a_dashboard_with_no_data_at_all_says_so_without_an_error(
    group: PeerGroup,
) -> None:
    admin = person_in_state("org admin", group)

    response = _client(admin).get(
        reverse("insights:dashboard", args=[group.organisation.slug]),
        {"quarters": "8", "setting": "online"},
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert "not shown" in text
    assert "Not enough answers yet" in text
