"""The demo shows one-to-one support: sam and jo matched with an agreed agreement
and messages only they read, and alex's request waiting for fran, who sees jo
suggested with reasons."""

from __future__ import annotations

import pytest
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.demo.seed import seed
from alongside.privateconversations.permissions import can_read, messages_visible_to

from ..matching import shortlist
from ..models import Match, RequestStatus, SupportRequest
from ..permissions import can_answer_meeting_ask, get_request_to_match_for

pytestmark = pytest.mark.django_db


def test_sam_and_jo_are_matched_and_alex_waits_for_fran() -> None:
    seed()
    seed()

    match = Match.objects.active().get(peer__username="sam")
    assert match.supporter.username == "jo"
    assert match.agreement_versions.filter(
        peer_agreed_at__isnull=False, supporter_agreed_at__isnull=False
    ).exists()
    assert match.conversation is not None
    assert messages_visible_to(match.peer, match.conversation).count() >= 3
    assert match.meetings.filter(checked_out_at__isnull=False).count() == 1
    assert match.meetings.filter(cancelled_at__isnull=False).count() == 1
    # One time jo suggested waits for sam's yes.
    asked = list(match.meetings.waiting(timezone.now()))
    assert [m.planned_by for m in asked] == ["supporter"]
    assert can_answer_meeting_ask(match.peer, asked[0])
    assert match.notes.filter(is_for_supervision_only=False).count() == 1
    fran = Person.objects.get(username="fran")
    assert not can_read(fran, match.conversation)

    waiting = SupportRequest.objects.get(peer__username="alex")
    assert waiting.status == RequestStatus.WAITING
    assert get_request_to_match_for(fran, waiting.pk) == waiting
    suggestions = shortlist(waiting)
    assert [s.supporter.username for s in suggestions] == ["jo"]
    assert "shares: anxiety" in suggestions[0].reasons
