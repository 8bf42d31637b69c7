"""What a group's meetings list shows a person: the next dates they may see, which
of them they said they will come to, and, for facilitators, rounded counts. Shared by
the meetings page and the group page. Reads only; every rule is asked of
permissions.py."""

from __future__ import annotations

from typing import Any

from django.db.models import Count

from alongside.accounts.models import Person
from alongside.peergroups.models import Membership, PeerGroup

from .disclosure import count_phrase
from .models import ACCESS_FACTS, Occurrence, Rsvp
from .permissions import occurrences_for_standing, standing_towards

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


def meeting_context(
    person: Person, group: PeerGroup, *, membership: Membership | None = None
) -> dict[str, Any]:
    """What the meetings list and the group page show the person, in a few queries:
    their standing, the next dates, their own RSVPs, and counts for facilitators.
    `membership` is the person's row in the group if the caller has it."""
    standing = standing_towards(person, group, membership=membership)
    occurrences = list(
        occurrences_for_standing(standing, group)
        .upcoming()
        .select_related("meeting", "meeting__venue")[:UPCOMING_SHOWN]
    )
    mine = (
        set(
            Rsvp.objects.filter(person=person, occurrence__in=occurrences).values_list(
                "occurrence_id", flat=True
            )
        )
        if standing.is_member and occurrences
        else set()
    )
    return {
        "group": group,
        "visible": standing.can_see_meetings,
        "occurrences": occurrences,
        "coming": mine,
        "is_member": standing.can_see_joining_details,
        "can_see_address": standing.can_see_address,
        "can_manage": standing.can_manage_meetings,
        "counts": _rsvp_counts(occurrences)
        if standing.can_see_rsvp_count and occurrences
        else {},
        "is_secure": standing.is_secure,
        "access_facts": ACCESS_FACTS,
    }
