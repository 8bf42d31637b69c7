"""The crisis card in a conversation with the team says the team was told only when
it was: words of risk to life with someone from the team in it. With nobody from
the team in it, it says the team has been asked to join; for a softer card, or the
team's own words, it says nothing about being told. The page and the live frame
the author receives say the same."""

from __future__ import annotations

import pytest

from alongside.organisations.models import Organisation, OrganisationRole, Role
from alongside.organisations.tests.factories import OrganisationFactory

from .. import actions, live
from ..models import Side
from .factories import conversation_between, member_of, page_for, say

pytestmark = pytest.mark.django_db

RISK = "I want to end my life tonight."
# Shows the crisis card without an alert: the worry is for someone else.
CONCERN = "My friend said she wants to kill herself"
TEAM_TOLD = "The team in this conversation has been told straight away."
TEAM_ASKED = "Someone from the team has been asked to join you here."


@pytest.fixture
def organisation() -> Organisation:
    return OrganisationFactory.create()


def test_words_of_risk_with_the_team_here_say_the_team_was_told(
    organisation: Organisation,
) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)

    sent = say(peer, conversation, RISK)

    assert TEAM_TOLD in page_for(peer, conversation)
    frame = live.render_message(sent, viewer_id=peer.pk, viewer_side=Side.PERSON)
    assert TEAM_TOLD in frame


def test_a_softer_card_says_nothing_about_being_told(
    organisation: Organisation,
) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)

    sent = say(peer, conversation, CONCERN)

    assert sent.shows_crisis_support
    assert not sent.raised_alert
    page = page_for(peer, conversation)
    assert 'class="crisis-card card"' in page
    assert "has been told" not in page
    assert "asked to join" not in page
    frame = live.render_message(sent, viewer_id=peer.pk, viewer_side=Side.PERSON)
    assert 'class="crisis-card card"' in frame
    assert "has been told" not in frame


def test_with_nobody_from_the_team_in_it_the_card_says_the_team_was_asked(
    organisation: Organisation,
) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)
    actions.leave_conversation(person=fran, conversation=conversation)

    sent = say(peer, conversation, RISK)

    conversation.refresh_from_db()
    assert conversation.needs_someone_since is not None
    page = page_for(peer, conversation)
    assert TEAM_ASKED in page
    assert TEAM_TOLD not in page
    frame = live.render_message(sent, viewer_id=peer.pk, viewer_side=Side.PERSON)
    assert TEAM_ASKED in frame
    assert TEAM_TOLD not in frame


def test_someone_here_who_has_left_the_team_does_not_count_as_the_team(
    organisation: Organisation,
) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)
    OrganisationRole.objects.filter(person=fran, organisation=organisation).update(
        role=Role.PEER
    )

    say(peer, conversation, RISK)

    page = page_for(peer, conversation)
    assert TEAM_ASKED in page
    assert TEAM_TOLD not in page


def test_the_teams_own_words_of_risk_promise_nothing_about_being_told(
    organisation: Organisation,
) -> None:
    peer, fran = member_of(organisation), member_of(organisation, Role.FACILITATOR)
    conversation = conversation_between(fran, peer, organisation)

    sent = say(fran, conversation, RISK)

    assert sent.shows_crisis_support
    page = page_for(fran, conversation)
    assert 'class="crisis-card card"' in page
    assert "has been told" not in page
    assert "asked to join" not in page
