"""Notes after meetings: the peer reads them by default; a note kept for
supervision only shows the peer that it exists and why; nobody else sees any."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.organisations.tests.factories import OrganisationFactory

from .. import actions
from ..models import MeetingNote
from ..permissions import can_read_note_words, notes_visible_to
from .factories import coordinator_of, matched, peer_of

pytestmark = pytest.mark.django_db


def client_for(person: object) -> Client:
    client = Client()
    client.force_login(person)  # type: ignore[arg-type]
    return client


@pytest.mark.parametrize(
    ("who", "supervision_only", "reads_words", "sees_it"),
    [
        ("supporter", False, True, True),
        ("supporter", True, True, True),
        ("peer", False, True, True),
        ("peer", True, False, True),
        ("coordinator", False, False, False),
        ("other peer", False, False, False),
    ],
)
def test_who_reads_a_note(
    who: str, supervision_only: bool, reads_words: bool, sees_it: bool
) -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    note = actions.write_meeting_note(
        person=match.supporter,
        match=match,
        met_on=timezone.localdate(),
        body="A placeholder note.",
        is_for_supervision_only=supervision_only,
        why_for_supervision="to think it through with my supervisor",
    )
    person = {
        "supporter": match.supporter,
        "peer": match.peer,
        "coordinator": coordinator_of(organisation),
        "other peer": peer_of(organisation),
    }[who]

    assert (note in notes_visible_to(person, match)) is sees_it
    assert can_read_note_words(person, note) is reads_words


def test_the_peer_sees_a_supervision_note_exists_and_why_but_not_its_words() -> None:
    organisation = OrganisationFactory.create()
    match = matched(organisation)
    supporter = client_for(match.supporter)
    url = reverse("buddying:note-create", args=[match.pk])

    kept = supporter.post(
        url,
        {
            "met_on": "2030-01-07",
            "body": "Words for supervision.",
            "is_for_supervision_only": "on",
        },
    )
    assert kept.status_code == 400
    assert b"Words for supervision." in kept.content
    supporter.post(
        url,
        {
            "met_on": "2030-01-07",
            "body": "Words for supervision.",
            "is_for_supervision_only": "on",
            "why_for_supervision": "to talk it over with my supervisor",
        },
    )
    supporter.post(url, {"met_on": "2030-01-08", "body": "Words for both."})

    page = client_for(match.peer).get(reverse("buddying:match-detail", args=[match.pk]))
    assert MeetingNote.objects.count() == 2
    assert b"Words for both." in page.content
    assert b"Words for supervision." not in page.content
    assert b"to talk it over with my supervisor" in page.content
    assert client_for(match.peer).get(url).status_code == 403
