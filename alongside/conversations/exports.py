"""What a person's data download holds from conversations: the conversations they
started, their responses, topic filters and how they take part. Their posts are
exported by alongside.safety.exports, with the notes safety keeps beside them. Used
by alongside.privacy.registry."""

from __future__ import annotations

from alongside.accounts.models import Person
from alongside.core.exports import Row, when
from alongside.peergroups.exports import group_names_of

from .models import Participation, Thread, TopicFilter
from .models import Response as PostResponse


def export_threads(person: Person) -> list[Row]:
    names = group_names_of(person)
    return [
        {
            "thread": t.pk,
            "group": names.get(t.group_id, ""),
            "title": t.title,
            "status": t.get_status_display(),
            "created_at": when(t.created_at),
        }
        for t in Thread.objects.filter(author=person)
    ]


def export_post_responses(person: Person) -> list[Row]:
    return [
        {
            "to_post": r.post_id,
            "response": r.get_kind_display(),
            "created_at": when(r.created_at),
        }
        for r in PostResponse.objects.filter(person=person)
    ]


def export_topic_filters(person: Person) -> list[Row]:
    return [
        {"topic": f.get_topic_display(), "choice": f.get_choice_display()}
        for f in TopicFilter.objects.filter(person=person)
    ]


def export_participation(person: Person) -> list[Row]:
    names = group_names_of(person)
    return [
        {
            "group": names.get(p.group_id, ""),
            "just_listening": p.is_just_listening,
            "name_shown_in_live_room": p.is_named_when_here,
            "posting_paused_until": when(p.posting_paused_until),
        }
        for p in Participation.objects.filter(person=person)
    ]
