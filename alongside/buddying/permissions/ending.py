"""Who may do what at the end of one-to-one support.

- The peer answers the ending survey once, after the support has ended.
- Only the organisation's coordinators read the surveys there, never the
  supporter (even a supporter who also coordinates, for a pair they were in).
- After the end, the peer deletes the conversation, once, unless a message in it
  is still waiting for a quick check.

Anything a person may not see is 404, as is anything missing.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation
from alongside.privateconversations.models import MessageStatus

from ..ending_models import EndingSurvey
from ..models import Match
from .matches import side_in
from .requests import is_coordinator


def can_answer_survey(person: Person, match: Match) -> bool:
    """The peer answers the ending survey once, after the support has ended."""
    return (
        not match.is_active
        and side_in(person, match) == "peer"
        and not EndingSurvey.objects.filter(match=match).exists()
    )


def check_answer_survey(person: Person, match: Match) -> None:
    """Raise PermissionDenied unless can_answer_survey."""
    if not can_answer_survey(person, match):
        raise PermissionDenied(
            "This survey is for after the support ends, and is answered once. "
            "Thank you."
        )


def can_read_surveys(person: Person, organisation: Organisation) -> bool:
    """The organisation's coordinators read its ending surveys."""
    return person.is_authenticated and is_coordinator(person, organisation)


def surveys_visible_to(
    person: Person, organisation: Organisation
) -> QuerySet[EndingSurvey]:
    """The organisation's ending surveys for its coordinators, never one about a
    match the person supported (nor their own)."""
    if not can_read_surveys(person, organisation):
        return EndingSurvey.objects.none()
    return EndingSurvey.objects.filter(organisation=organisation).exclude(
        Q(match__supporter=person) | Q(peer=person)
    )


def can_delete_conversation(person: Person, match: Match) -> bool:
    """The peer deletes the conversation after the end, while it still exists and
    nothing in it waits for a quick check."""
    return (
        not match.is_active
        and side_in(person, match) == "peer"
        and match.conversation_id is not None
        and not match.conversation.messages.filter(  # type: ignore[union-attr]
            status=MessageStatus.HELD
        ).exists()
    )


def check_delete_conversation(person: Person, match: Match) -> None:
    """Raise PermissionDenied, with the reason, unless can_delete_conversation."""
    if side_in(person, match) != "peer":
        raise PermissionDenied(
            "Only the person who was supported can delete the conversation."
        )
    if match.is_active:
        raise PermissionDenied(
            "The conversation can be deleted once the support has ended."
        )
    if match.conversation_id is None:
        raise PermissionDenied("The conversation has already been deleted.")
    if not can_delete_conversation(person, match):
        raise PermissionDenied(
            "A message in the conversation is still waiting for a quick check. "
            "You can delete it once that is done."
        )
