"""One-to-one support in the demo (`make demo`): at Riverside, jo (a trained peer
supporter) says what they share for matching; sam and jo are matched, with an
agreed support agreement and a few messages; alex's request waits for a
coordinator (fran). Sam and jo met in person last week (jo checked in and out, and
wrote a note sam reads) and meet again next week; a meeting the week after was
cancelled when sam's plans changed. Seeding twice adds nothing."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation
from alongside.privateconversations import actions as private_actions

from . import actions
from .ending_demo import seed_ended_support, seed_referral
from .models import PairMeeting, SupportRequest
from .starter import STARTER

MESSAGES = [
    ("jo", "Hello, I'm glad we're matched. How has your week been?"),
    ("sam", "Up and down, honestly. Thursday evenings are the hardest."),
    ("jo", "That makes sense. Shall we start with Thursdays when we meet?"),
]


def _client_id(label: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"alongside-demo:buddying:{label}")


def agreed_back_then(meeting: PairMeeting) -> PairMeeting:
    """A meeting in the demo's past, asked and agreed before it began: a yes is
    only taken before the start (`agree_to_meeting`), so the history is written
    as it would have been."""
    PairMeeting.objects.filter(pk=meeting.pk).update(agreed_at=meeting.created_at)
    meeting.refresh_from_db()
    return meeting


def seed_buddying(people: dict[str, Person], *, riverside: Organisation) -> None:
    sam, jo, alex, fran = people["sam"], people["jo"], people["alex"], people["fran"]
    if SupportRequest.objects.filter(organisation=riverside, peer=sam).exists():
        return
    # sam's earlier support with sky, ended as planned (ending_demo.py).
    seed_ended_support(people, riverside=riverside)
    actions.save_support_profile(
        person=jo,
        organisation=riverside,
        experiences=["bereavement", "loss of a parent", "anxiety"],
        languages=["English", "Welsh"],
        windows=["weekday_evenings", "weekends"],
        gender="",
    )
    asked = actions.ask_for_support(
        person=sam,
        organisation=riverside,
        words="I would like to talk one to one with someone who has lost a parent too.",
        experiences=["bereavement", "loss of a parent"],
        language="English",
        gender_preference="",
        formats=["chat", "in_person"],
        windows=["weekday_evenings"],
        access_needs="",
    )
    offer = actions.offer_request(person=fran, support_request=asked, supporter=jo)
    match = actions.accept_offer(person=jo, offer=offer)
    version = actions.propose_agreement(
        person=sam,
        match=match,
        fields={
            **STARTER,
            "hopes": "To find a way through Thursday evenings, and to feel less "
            "alone with the grief.",
            "meeting": "Writing here, and once a fortnight in person at the "
            "Riverside centre, for about an hour.",
            "length_weeks": 12,
            "review_week": 6,
        },
    )
    actions.agree_to_agreement(person=jo, version=version)
    assert match.conversation is not None
    for number, (who, body) in enumerate(MESSAGES):
        private_actions.send_message(
            person=people[who],
            conversation=match.conversation,
            body=body,
            client_id=_client_id(f"message-{number}"),
        )
    last_week = timezone.localtime().replace(
        hour=18, minute=0, second=0, microsecond=0
    ) - timedelta(days=7)
    meeting = agreed_back_then(
        actions.plan_meeting(
            person=jo, match=match, starts_at=last_week, minutes=60, format="in_person"
        )
    )
    actions.check_in(person=jo, meeting=meeting)
    actions.check_out(person=jo, meeting=meeting)
    actions.write_meeting_note(
        person=jo,
        match=match,
        met_on=last_week.date(),
        body="We talked about Thursday evenings and planned a short walk before "
        "the next one.",
        is_for_supervision_only=False,
        why_for_supervision="",
    )
    next_week = actions.plan_meeting(
        person=sam,
        match=match,
        starts_at=last_week + timedelta(days=14),
        minutes=60,
        format="in_person",
    )
    actions.agree_to_meeting(person=jo, meeting=next_week)
    plans_changed = actions.plan_meeting(
        person=jo,
        match=match,
        starts_at=last_week + timedelta(days=21),
        minutes=60,
        format="in_person",
    )
    actions.agree_to_meeting(person=sam, meeting=plans_changed)
    actions.cancel_meeting(person=sam, meeting=plans_changed)
    # A time jo suggested, waiting for sam's yes on the pair's page.
    actions.plan_meeting(
        person=jo,
        match=match,
        starts_at=last_week + timedelta(days=28),
        minutes=60,
        format="in_person",
    )
    actions.ask_for_support(
        person=alex,
        organisation=riverside,
        words="Caring for my dad is wearing me down and I would like someone to "
        "talk to.",
        experiences=["carers", "anxiety"],
        language="English",
        gender_preference="",
        formats=["chat", "phone"],
        windows=["weekends"],
        access_needs="",
    )
    # A referral on with sam's consent (ending_demo.py).
    seed_referral(people, riverside=riverside)
