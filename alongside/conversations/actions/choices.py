"""A person's own choices: responses to a post, which topics they fold away, and
their participation in a group."""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction

from alongside.accounts.models import Person
from alongside.conversations import live
from alongside.conversations.models import (
    FilterChoice,
    Participation,
    Post,
    Response,
    ResponseKind,
    Topic,
    TopicFilter,
)
from alongside.conversations.permissions import (
    check_read_group_conversations,
    check_respond_to,
    responses_offered_for,
)
from alongside.peergroups.models import PeerGroup


@transaction.atomic
def toggle_response(*, person: Person, post: Post, kind: str) -> bool:
    """Say "I hear you", "thank you" or "me too" to a post, or take it back.
    Only the responses offered for the post (`responses_offered_for`) may be given.
    Returns whether the response is now given."""
    check_respond_to(person, post)
    if kind not in ResponseKind.values:
        raise ValidationError("Please choose one of the responses.")
    deleted, _ = Response.objects.filter(post=post, person=person, kind=kind).delete()
    if deleted:
        return False
    if kind not in responses_offered_for(post):
        # Taking a response back is always possible; giving one needs it offered.
        raise ValidationError("Please choose one of the responses.")
    Response.objects.create(post=post, person=person, kind=kind)
    return True


@transaction.atomic
def set_topic_filters(*, person: Person, choices: Mapping[str, str]) -> None:
    """Keep the person's private choices: fold away (the default) or hide, per topic.
    Their open live sockets pick up the change at once."""
    for topic, choice in choices.items():
        if topic not in Topic.values or choice not in FilterChoice.values:
            raise ValidationError("Please choose for each topic.")
        TopicFilter.objects.update_or_create(
            person=person, topic=topic, defaults={"choice": choice}
        )
    person_id = person.pk
    transaction.on_commit(lambda: live.filters_changed(person_id))


@transaction.atomic
def update_participation(
    *,
    person: Person,
    group: PeerGroup,
    is_just_listening: bool,
    is_named_when_here: bool,
) -> Participation:
    """How the person takes part in this group. Nobody else is told."""
    check_read_group_conversations(person, group)
    participation, _ = Participation.objects.update_or_create(
        person=person,
        group=group,
        defaults={
            "is_just_listening": is_just_listening,
            "is_named_when_here": is_named_when_here,
        },
    )
    return participation
