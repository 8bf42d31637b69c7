"""What the conversation pages share: how much history a page shows, the group
looked up through the reading rule, the person's hidden topics and way of taking
part, and a fresh id for each form so that a resend never posts twice."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import PermissionDenied

from alongside.core.requests import AuthenticatedRequest
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.permissions import get_group_for

from ..models import Participation, TopicFilter
from ..permissions import check_read_group_conversations

LIVE_HISTORY_SHOWN = 100
# Enough to read back a while, small enough that a long conversation opens at once
# (forums that people find easy to follow show a screenful or two at a time).
REPLIES_PER_PAGE = 30
# The newest page takes in a few left over rather than open on one or two replies.
REPLY_ORPHANS = 10


def _readable_group(request: AuthenticatedRequest, group_id: int) -> PeerGroup:
    group = get_group_for(request.user, group_id)
    check_read_group_conversations(request.user, group)
    return group


def _hidden_topics(request: AuthenticatedRequest) -> set[str]:
    return TopicFilter.objects.topics_hidden_by(request.user)


def _participation(request: AuthenticatedRequest, group: PeerGroup) -> Participation:
    found = Participation.objects.filter(person=request.user, group=group).first()
    return found or Participation(person=request.user, group=group)


def _new_client_id() -> dict[str, Any]:
    return {"client_id": uuid.uuid4()}


def _why_refused(error: PermissionDenied) -> str:
    """Something changed while the person wrote (a break, a pause, a new agreement
    to read): their words come back with the reason."""
    return str(error) or "You cannot write here just now."


def _send_again_with_new_client_id(form: Any) -> None:
    """After a refused send the words stay in the form, under a fresh client id, so
    that sending again makes a new post."""
    data = form.data.copy()
    data["client_id"] = str(uuid.uuid4())
    form.data = data
