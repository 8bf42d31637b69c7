"""A one-to-one supporter's own words of risk to life: the person they support is
never put in charge of their supporter's crisis. The team is asked in, the
supporter's supervisor (or, without one, a coordinator) is told, and the person
they support hears only that they replied. The supporter's crisis card says who
was really told."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from alongside.organisations.models import Organisation, Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.supporters.tests.factories import SupervisionFactory

from .. import live
from ..models import MessageStatus, Side
from .factories import member_of, notes_for, page_for, pair_with_a_facilitator, say

pytestmark = pytest.mark.django_db

# Invented words: screening holds the first (method detail) and alerts on both.
RISK_AND_METHOD = "I have 40 tablets saved up and I want to overdose tonight"
RISK = "I want to end my life tonight."
SUPERVISOR_TOLD = (
    "Your supervisor has been told, and someone from the team has been asked to "
    "join you here."
)


@pytest.fixture
def organisation() -> Organisation:
    return OrganisationFactory.create()


def supervised_pair(organisation: Organisation) -> tuple[Any, ...]:
    """A pair whose supporter has a supervisor, and the facilitator of the peer's
    group."""
    conversation, peer, supporter, fran = pair_with_a_facilitator(
        organisation, supporter_role=Role.PEER_SUPPORTER
    )
    sam = member_of(organisation, Role.SUPERVISOR)
    SupervisionFactory.create(
        organisation=organisation, supporter=supporter, supervisor=sam
    )
    return conversation, peer, supporter, fran, sam


def test_a_supporters_words_of_risk_reach_their_supervisor_not_the_person_supported(
    organisation: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
    conversation, peer, supporter, fran, sam = supervised_pair(organisation)

    with django_capture_on_commit_callbacks(execute=True):
        sent = say(supporter, conversation, RISK)

    assert sent.status == MessageStatus.PUBLISHED
    assert notes_for(peer) == ["Supporter has replied to you privately."]
    assert notes_for(sam) == [
        "Supporter, a supporter you supervise, may need support now. Please get in "
        "touch with them soon."
    ]
    assert notes_for(supporter) == []
    # The team is asked in, as for any words of risk in a pair.
    conversation.refresh_from_db()
    assert conversation.needs_someone_since is not None
    assert notes_for(fran)


def test_the_supervisors_notice_leads_to_their_supervision_page(
    organisation: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
    conversation, _, supporter, _, sam = supervised_pair(organisation)

    with django_capture_on_commit_callbacks(execute=True):
        say(supporter, conversation, RISK)

    notice = sam.notifications.get()
    assert notice.link == reverse("supporters:team", kwargs={"slug": organisation.slug})
    # Never the supporter's words.
    assert "end my life" not in notice.message


def test_a_supporters_held_words_of_risk_tell_the_person_supported_nothing(
    organisation: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
    conversation, peer, supporter, fran, sam = supervised_pair(organisation)

    with django_capture_on_commit_callbacks(execute=True):
        held = say(supporter, conversation, RISK_AND_METHOD)

    assert held.status == MessageStatus.HELD
    assert notes_for(peer) == []
    assert len(notes_for(sam)) == 1
    assert notes_for(fran)


def test_the_supporters_crisis_card_says_their_supervisor_was_told(
    organisation: Organisation,
) -> None:
    conversation, _, supporter, _, _ = supervised_pair(organisation)

    sent = say(supporter, conversation, RISK)

    page = page_for(supporter, conversation)
    assert SUPERVISOR_TOLD in page
    assert "The person you support" not in page
    frame = live.render_message(
        sent, viewer_id=supporter.pk, viewer_side=Side.SUPPORTER
    )
    assert SUPERVISOR_TOLD in frame
    assert "The person you support" not in frame


def test_the_person_supported_sees_no_crisis_card_for_their_supporter(
    organisation: Organisation,
) -> None:
    conversation, peer, supporter, _, _ = supervised_pair(organisation)

    say(supporter, conversation, RISK)

    page = page_for(peer, conversation)
    assert 'class="crisis-card card"' not in page
    assert "may need support" not in page


def test_without_a_supervisor_a_coordinator_is_told_and_the_card_says_so(
    organisation: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
    conversation, peer, supporter, _ = pair_with_a_facilitator(
        organisation, supporter_role=Role.PEER_SUPPORTER
    )
    sky = member_of(organisation, Role.SUPERVISOR)

    with django_capture_on_commit_callbacks(execute=True):
        say(supporter, conversation, RISK)

    assert (
        "Supporter, a one-to-one supporter, may need support now. Please make sure "
        "someone gets in touch with them soon."
    ) in notes_for(sky)
    assert notes_for(peer) == ["Supporter has replied to you privately."]
    page = page_for(supporter, conversation)
    assert (
        "A coordinator has been told, and someone from the team has been asked to "
        "join you here."
    ) in page


def test_the_person_supported_is_never_told_even_when_they_supervise_there(
    organisation: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
    conversation, peer, supporter, _ = pair_with_a_facilitator(
        organisation, supporter_role=Role.PEER_SUPPORTER
    )
    peer.roles.filter(organisation=organisation).update(role=Role.SUPERVISOR)
    ada = member_of(organisation, Role.ADMIN)

    with django_capture_on_commit_callbacks(execute=True):
        say(supporter, conversation, RISK)

    assert notes_for(peer) == ["Supporter has replied to you privately."]
    assert any("may need support now" in note for note in notes_for(ada))


def test_with_nobody_to_supervise_them_the_card_says_only_the_team_was_asked(
    organisation: Organisation,
) -> None:
    conversation, _, supporter, _ = pair_with_a_facilitator(
        organisation, supporter_role=Role.PEER_SUPPORTER
    )

    say(supporter, conversation, RISK)

    page = page_for(supporter, conversation)
    assert "Someone from the team has been asked to join you here." in page
    assert "has been told" not in page
