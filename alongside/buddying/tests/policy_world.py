"""One-to-one support objects for the URL x role policy test.

A request from another peer waits (its coordinators are the organisation's staff;
no supporter and no other peer finds it), and an offer of it is open to a supporter
who is not an actor (nobody else finds that). For the pages of a match, each actor
in the organisation is the peer of an agreed match of their own; actors outside it
(and anonymous) are probed with a match of two other people.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation
from alongside.organisations.permissions import role_in
from alongside.peergroups.models import PeerGroup
from alongside.supporters.models import Supervision

from .. import actions
from ..ending_models import Basis, Referral
from ..models import Match
from ..starter import STARTER
from .ending_factories import service_of
from .factories import (
    agreed_before,
    coordinator_of,
    matched,
    peer_of,
    ready_supporter,
    request_from,
)

POST_DATA: dict[str, dict[str, str]] = {
    "buddying:request-create": {
        "words": "A placeholder sentence.",
        "language": "English",
    },
    "buddying:agreement-propose": {
        **STARTER,
        "length_weeks": "12",
        "review_week": "6",
    },
    "buddying:agreement-agree": {"number": "1"},
    "buddying:meeting-create": {
        # A meeting still to come, whenever the tests run.
        "starts_on": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "start_time": "18:00",
        "minutes": "60",
        "format": "in_person",
    },
    "buddying:check-answer": {"helpful": "4", "felt_safe": "5"},
    "buddying:meeting-check": {"helpful": "4", "felt_safe": "5"},
    "buddying:pair-settings": {"teams": "A placeholder team"},
    "buddying:note-create": {"met_on": "2030-01-07", "body": "A placeholder note."},
    "buddying:profile-edit": {"languages": "English", "windows": "weekends"},
    "buddying:survey-answer": {
        "helped": "4",
        "felt_respected": "5",
        "ending_felt_right": "4",
    },
    "buddying:referral-consent": {"items": "name"},
    "buddying:referral-countersign": {"answer": "sign"},
}
MATCH_PAGES = frozenset(
    {
        "buddying:match-detail",
        "buddying:match-change",
        "buddying:note-create",
        "buddying:meeting-create",
        "buddying:meeting-cancel",
        "buddying:meeting-agree",
        "buddying:meeting-decline",
        "buddying:meeting-withdraw",
        "buddying:meeting-check-in",
        "buddying:meeting-check-out",
        "buddying:check-answer",
        "buddying:meeting-check",
        "buddying:match-end",
        "buddying:agreement",
        "buddying:agreement-propose",
        "buddying:agreement-agree",
        "buddying:agreement-print",
        "buddying:agreement-download",
        "buddying:survey-answer",
        "buddying:conversation-delete",
        "buddying:referral-create",
    }
)


def referral_under_limits(organisation: Organisation) -> Referral:
    """A referral under the limits of confidentiality, waiting for a signature,
    about a peer by a supporter with no supervisor (so the organisation's
    supervisors and admins may sign it); neither of the two is an actor."""
    match = matched(organisation)
    Supervision.objects.filter(supporter=match.supporter).delete()
    return actions.record_referral(
        person=match.supporter,
        match=match,
        service=service_of(organisation),
        basis=Basis.LIMITS,
        items=["name", "safety"],
        why="A placeholder reason.",
    )


def buddying_objects(
    group: PeerGroup, actor: Person | None, name: str
) -> dict[str, object]:
    organisation = group.organisation
    coordinator = coordinator_of(organisation)
    offered_to = ready_supporter(organisation)
    waiting = request_from(peer_of(organisation), organisation)
    offered = request_from(peer_of(organisation), organisation)
    offer = actions.offer_request(
        person=coordinator, support_request=offered, supporter=offered_to
    )
    made: dict[str, object] = {
        "organisation_slug": organisation.slug,
        "request_id": waiting.pk,
        "offer_id": offer.pk,
        "referral_id": referral_under_limits(organisation).pk,
    }
    if name not in MATCH_PAGES:
        return made
    in_organisation = actor is not None and role_in(actor, organisation) is not None
    peer = actor if in_organisation and actor is not None else peer_of(organisation)
    # A walk that reuses one world for many pages finds the actor's match made.
    earlier = Match.objects.filter(organisation=organisation, peer=peer).first()
    if earlier is not None:
        made["match_id"] = earlier.pk
        made["meeting_id"] = earlier.meetings.values_list("pk", flat=True).first()
        return made
    supporter = ready_supporter(organisation)
    match_offer = actions.offer_request(
        person=coordinator,
        support_request=request_from(peer, organisation),
        supporter=supporter,
    )
    match = actions.accept_offer(person=supporter, offer=match_offer)
    version = match.agreement_versions.get()
    actions.agree_to_agreement(person=supporter, version=version)
    actions.agree_to_agreement(person=peer, version=version)
    made["match_id"] = match.pk
    made["meeting_id"] = agreed_before(
        actions.plan_meeting(
            person=supporter,
            match=match,
            # Ended an hour ago, so that the check after it can be answered.
            starts_at=timezone.now() - timedelta(hours=2),
            minutes=60,
            format="in_person",
        )
    ).pk
    return made
