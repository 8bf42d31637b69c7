"""What a group's meetings list shows a person: the next dates they may see, which
of them they said they will come to, and, for facilitators, rounded counts. Shared by
the meetings page and the group page. Reads only; every rule is asked of
permissions.py."""

from __future__ import annotations

from typing import Any

from django.db.models import Count

from alongside.accounts.models import Person
from alongside.peergroups.models import PeerGroup

from .disclosure import count_phrase
from .models import ACCESS_FACTS, Occurrence, Rsvp
from .permissions import (
    can_manage_meetings,
    can_see_address,
    can_see_joining_details,
    can_see_rsvp_count,
    is_secure_service,
    meetings_visible_to,
)

UPCOMING_SHOWN = 12


def _rsvp_counts(occurrences: list[Occurrence]) -> dict[int, str]:
    """Occurrence id -> the disclosure-controlled count of people coming."""
    counts = dict(
        Rsvp.objects.filter(occurrence__in=occurrences, is_waiting=False)
        .values("occurrence_id")
        .annotate(n=Count("pk"))
        .values_list("occurrence_id", "n")
    )
    return {o.pk: count_phrase(counts.get(o.pk, 0)) for o in occurrences}


def upcoming_for(person: Person, group: PeerGroup) -> list[Occurrence]:
    """The next meetings the person may see, soonest first."""
    return list(
        meetings_visible_to(person, group)
        .upcoming()
        .select_related("meeting", "meeting__venue")[:UPCOMING_SHOWN]
    )


def meeting_context(person: Person, group: PeerGroup) -> dict[str, Any]:
    """What the meetings list and the group page show the person."""
    occurrences = upcoming_for(person, group)
    mine = set(
        Rsvp.objects.filter(person=person, occurrence__in=occurrences).values_list(
            "occurrence_id", flat=True
        )
    )
    return {
        "group": group,
        "occurrences": occurrences,
        "coming": mine,
        "is_member": can_see_joining_details(person, group),
        "can_see_address": can_see_address(person, group),
        "can_manage": can_manage_meetings(person, group),
        "counts": _rsvp_counts(occurrences)
        if can_see_rsvp_count(person, group)
        else {},
        "is_secure": is_secure_service(group.organisation),
        "access_facts": ACCESS_FACTS,
    }
