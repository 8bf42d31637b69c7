"""The demo's safety work: held posts, reports, an alert and its escalation, a
staff read that the person can see, the Today page's sections, and screening
urgency. Written here, in our own words."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from alongside.accounts.models import Person
from alongside.conversations import actions as conversation_actions
from alongside.conversations.models import Post
from alongside.demo.ids import demo_id
from alongside.organisations.models import Organisation
from alongside.peergroups.models import PeerGroup


def _staff_read(facilitator: Person, group: PeerGroup) -> None:
    """Fran, facilitating Living with loss, checked Sam's held post: Sam sees it in
    "Who else has seen my words"."""
    from alongside.access.actions import Seen, record_staff_reads
    from alongside.access.models import Item, Reason, StaffRead
    from alongside.conversations.models import Post

    held = Post.objects.filter(client_id=demo_id("held-details")).first()
    if held is None or held.author_id is None:
        return
    if StaffRead.objects.filter(post=held).exists():
        return
    record_staff_reads(
        reader=facilitator,
        group=group,
        seen=[
            Seen(
                author_id=held.author_id,
                item=Item.POST,
                object_id=held.pk,
                reason=Reason.HELD_POST,
                post_id=held.pk,
            )
        ],
    )


def seed_safety(
    people: dict[str, Person],
    *,
    riverside: Organisation,
    loss: PeerGroup,
    evening: PeerGroup,
) -> None:
    """Fran on duty for Riverside; a chain fran → sky → ade; a held post and a
    report waiting in Living with loss's queue; one incident. Written here, in our
    own words, non-graphic."""
    from alongside.safety import actions as safety_actions
    from alongside.safety.models import EscalationChain, Incident, Report

    fran, sky, ade, sam = people["fran"], people["sky"], people["ade"], people["sam"]
    safety_actions.go_on_duty(person=fran, organisation=riverside)
    if not EscalationChain.objects.filter(organisation=riverside).exists():
        safety_actions.set_escalation_chain(
            person=ade,
            organisation=riverside,
            minutes_before_moving_up=10,
            steps=[
                safety_actions.StepChoice(person=fran),
                safety_actions.StepChoice(person=sky),
                safety_actions.StepChoice(person=ade),
            ],
        )
    opening = Post.objects.filter(
        group=loss, client_id=demo_id("Things that helped this week:0")
    ).first()
    if (
        opening is not None
        and opening.thread is not None
        and not Post.objects.filter(client_id=demo_id("held-details")).exists()
    ):
        conversation_actions.reply_to_thread(
            person=sam,
            thread=opening.thread,
            kind="offering",
            body="If anyone wants to talk, my number is 07700 900461.",
            content_warning="",
            content_warning_text="",
            client_id=demo_id("held-details"),
        )
    reported = Post.objects.filter(client_id=demo_id("Things that helped this week:1"))
    if reported.exists() and not Report.objects.filter(post=reported.get()).exists():
        Report.objects.create(
            post=reported.get(),
            group=loss,
            reporter=fran,
            reason="agreement",
            agreement_item_reference="2",
            note="Demo report: please check this against our agreement.",
        )
    _staff_read(fran, loss)
    if not Incident.objects.filter(organisation=riverside).exists():
        safety_actions.record_incident(
            person=ade,
            organisation=riverside,
            group=evening,
            category="confidentiality",
            severity="low",
            what_happened="A member shared a phone number in the live room. It was "
            "held by screening and removed by the member with one click.",
            actions_taken="Reminded the group of the agreement on contact details.",
            outcome="Resolved the same evening.",
        )


def seed_today(
    people: dict[str, Person],
    *,
    riverside: Organisation,
    loss: PeerGroup,
    evening: PeerGroup,
) -> None:
    """Real items for the staff Today pages of fran, sky and ade (beside the held
    post, the report, alex's request and the review coming up): an alert about a
    post in Evening circle that nobody acknowledged and that moved up the chain to
    sky and then ade, and an incident still waiting for its outcome. Written here,
    in our own words, non-graphic."""
    from alongside.safety import actions as safety_actions
    from alongside.safety.models import Incident

    client_id = demo_id("today-alert")
    if not Post.objects.filter(client_id=client_id).exists():
        thread = conversation_actions.start_thread(
            person=people["jo"],
            group=evening,
            title="A hard night",
            kind="sharing",
            body="I support everyone else, but tonight I keep thinking about ending "
            "my life and I do not know who to tell.",
            content_warning="suicide",
            content_warning_text="",
            client_id=client_id,
        )
        post = thread.posts.get()
        now = timezone.now()
        escalation = safety_actions.raise_escalation(
            post_id=post.pk, now=now - timedelta(minutes=25)
        )
        if escalation is not None:
            for minutes in (15, 5):
                safety_actions.move_escalation_up(
                    escalation=escalation, now=now - timedelta(minutes=minutes)
                )
    if not Incident.objects.filter(organisation=riverside, group=loss).exists():
        safety_actions.record_incident(
            person=people["fran"],
            organisation=riverside,
            group=loss,
            category="agreement",
            severity="low",
            what_happened="Two members disagreed sharply in a thread about grief "
            "and one left the conversation upset.",
            actions_taken="Spoke with both members separately.",
            follow_up="Talk with the group about how we disagree kindly.",
            follow_up_by=timezone.localdate() + timedelta(days=7),
        )


def seed_screening_urgency(people: dict[str, Person], *, loss: PeerGroup) -> None:
    """Posts that show screening's urgency in Living with loss: Sam's goodbye waits
    first in the queue and the duty view, Jo's worry for a friend gets the card on
    how to help, and Jo's question to Sam gets guidance on responding safely.
    Written here, in our own words, non-graphic."""
    opening = Post.objects.filter(
        group=loss, client_id=demo_id("Things that helped this week:0")
    ).first()
    if opening is None or opening.thread is None:
        return
    for label, person, kind, body in (
        (
            "urgency-goodbye",
            people["sam"],
            "sharing",
            "Thank you all for everything. I've made my peace and I won't be back.",
        ),
        (
            "urgency-friend",
            people["jo"],
            "asking",
            "My friend is about to hurt herself and I don't know what to say to her.",
        ),
        (
            "urgency-question",
            people["jo"],
            "offering",
            "Are you having thoughts of ending your life? I'm here, and I'm listening.",
        ),
    ):
        if Post.objects.filter(client_id=demo_id(label)).exists():
            continue
        conversation_actions.reply_to_thread(
            person=person,
            thread=opening.thread,
            kind=kind,
            body=body,
            content_warning="",
            content_warning_text="",
            client_id=demo_id(label),
        )
