"""The end of one-to-one support and referrals on, in the demo (`make demo`):

- sam was supported by sky last winter for twelve weeks; it ended as planned three
  weeks ago, the conversation is read-only, and sam answered the ending survey,
  which fran and ade (coordinators) read and sky, who supported sam, never sees;
- on sam's match with jo, jo suggested another service from Riverside's directory
  and sam agreed, item by item, to share two things.

Called from `demo.py`; seeding twice adds nothing."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, SupportService
from alongside.privateconversations import actions as private_actions
from alongside.privateconversations.pairs import open_support_conversation

from . import actions
from .ending_models import Basis, Referral
from .models import AgreementVersion, Match, RequestStatus, SupportRequest
from .starter import STARTER

EARLIER_MESSAGES = [
    ("sky", "It has been good to meet every week. How are you feeling about ending?"),
    ("sam", "A bit wobbly, but ready. Thank you for all of it."),
]


def seed_ended_support(people: dict[str, Person], *, riverside: Organisation) -> None:
    """Before sam asks again: sam and sky's earlier support, ended as planned.
    Its request and match are history, written as they stood when it ended."""
    sam, sky = people["sam"], people["sky"]
    started = timezone.now() - timedelta(weeks=15)
    earlier = SupportRequest.objects.create(
        organisation=riverside,
        peer=sam,
        words="I would like someone to talk to through the first months.",
        experiences=["bereavement"],
        status=RequestStatus.MATCHED,
        created_at=started - timedelta(days=3),
    )
    conversation = open_support_conversation(
        organisation=riverside,
        peer=sam,
        supporter=sky,
        peer_name=sam.shown_name,
        supporter_name=sky.shown_name,
    )
    match = Match.objects.create(
        organisation=riverside,
        request=earlier,
        peer=sam,
        supporter=sky,
        conversation=conversation,
        started_at=started,
    )
    AgreementVersion.objects.create(
        match=match,
        number=1,
        proposed_by=sky,
        peer_agreed_at=started,
        supporter_agreed_at=started,
        **STARTER,
    )
    for number, (who, body) in enumerate(EARLIER_MESSAGES):
        private_actions.send_message(
            person=people[who],
            conversation=conversation,
            body=body,
            client_id=uuid.uuid5(
                uuid.NAMESPACE_URL, f"alongside-demo:buddying:ended-{number}"
            ),
        )
    actions.end_support(person=sky, match=match)
    Match.objects.filter(pk=match.pk).update(
        ended_at=timezone.now() - timedelta(weeks=3)
    )
    match.refresh_from_db()
    actions.answer_ending_survey(
        person=sam,
        match=match,
        helped=5,
        felt_respected=5,
        ending_felt_right=4,
        words="Knowing the end date early made it easier. I would have liked one "
        "more meeting.",
    )


def seed_referral(people: dict[str, Person], *, riverside: Organisation) -> None:
    """On sam's match with jo: a referral with sam's consent to two items."""
    sam, jo = people["sam"], people["jo"]
    match = Match.objects.active().get(organisation=riverside, peer=sam)
    if Referral.objects.filter(match=match).exists():
        return
    service = (
        SupportService.objects.filter(organisation=riverside, is_urgent=False)
        .order_by("name")
        .first()
    )
    if service is None:
        return
    referral = actions.record_referral(
        person=jo,
        match=match,
        service=service,
        basis=Basis.CONSENT,
        items=["name", "what_help", "contact"],
        why="They can help with the practical side of things after a death, "
        "which is beyond what we do together.",
    )
    actions.give_consent(person=sam, referral=referral, items=["name", "what_help"])
