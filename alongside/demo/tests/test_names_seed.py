"""The demo's people are known by names that read naturally and are not their
sign-in names, on the team's pages and in one-to-one support alike."""

from __future__ import annotations

import pytest
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import give_second_factor
from alongside.buddying.models import Match, SupportRequest
from alongside.demo.names_seed import KNOWN_AS
from alongside.demo.seed import PEOPLE, seed
from conftest import client_for

pytestmark = pytest.mark.django_db


def test_every_demo_person_has_a_name_that_is_not_how_they_sign_in() -> None:
    seed()
    seed()

    for demo in PEOPLE:
        person = Person.objects.get(username=demo.username)
        assert person.shown_name == KNOWN_AS[demo.username]
        assert person.shown_name.casefold() != demo.username


def test_one_to_one_support_and_the_matching_page_use_those_names() -> None:
    seed()
    match = Match.objects.active().get(peer__username="sam")
    waiting = SupportRequest.objects.get(peer__username="alex")
    fran = Person.objects.get(username="fran")
    give_second_factor(fran)

    as_peer = client_for(match.peer).get(
        reverse("buddying:match-detail", args=[match.pk])
    )
    as_supporter = client_for(match.supporter).get(
        reverse("buddying:match-detail", args=[match.pk])
    )
    shortlist = client_for(fran).get(
        reverse("buddying:request-match", args=[waiting.pk])
    )

    assert "You and your supporter, Jo (peer supporter)" in as_peer.content.decode()
    assert "Supporting Sam R" in as_supporter.content.decode()
    assert "Offer to Jo (peer supporter)" in shortlist.content.decode()
    assert match.conversation is not None
    names = set(match.conversation.participants.values_list("display_name", flat=True))
    assert names == {"Sam R", "Jo (peer supporter)"}
