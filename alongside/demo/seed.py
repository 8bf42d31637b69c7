"""Demo data that shows each capability to a newcomer. Safe to run again: every
record is looked up before it is made, so nothing is duplicated."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.agreements import actions as agreement_actions
from alongside.agreements.models import (
    AgreementVersion,
    ChangeAction,
    OrganisationItem,
    OrganisationItemKind,
    ResponseChoice,
)
from alongside.buddying.demo import seed_buddying
from alongside.conversations import actions as conversation_actions
from alongside.conversations.models import LiveRoom, Post
from alongside.demo.meetings_seed import seed_meetings
from alongside.organisations.actions import create_organisation, grant_role
from alongside.organisations.models import (
    GroupCreation,
    Invitation,
    Organisation,
    Retention,
    Role,
    Setting,
)
from alongside.peergroups.actions import tags_named
from alongside.peergroups.models import (
    Format,
    GroupRole,
    JoinPolicy,
    Membership,
    PeerGroup,
    Status,
)

DEMO_PASSWORD = "alongside-demo"  # noqa: S105 - printed for the demo on purpose

COMMUNITY_STATEMENT = """What is shared in a group stays in that group. Only the people in the group can read it. Our staff cannot read group conversations.

There are a few times we might share something, and we will always try to talk with you first:
- if we believe someone's life is at serious risk, we may contact emergency services or a crisis team;
- if a child or an adult at risk is being harmed, we must tell the local safeguarding team;
- if the law requires it, for example a court order.

When anything is shared, only what is needed is shared, with only the people who need it, and it is written down. You can see in your account when staff looked at anything you wrote."""

WORKPLACE_STATEMENT = """This is peer support between colleagues. It is not part of your line management, appraisal or any disciplinary process, and nothing you share here is passed to your manager.

We would only ever share something if someone's life is at serious risk, if a patient or colleague is at risk of serious harm, or if the law requires it. We would talk with you first wherever we can, and share only what is needed."""

SECURE_STATEMENT = """What you share in a peer group stays in the group. It is not written in your care notes.

Because this is a secure service, there are some limits. If you say something that means you or someone else could be seriously hurt, or that the safety of the ward is at risk, the peer support worker must tell the nurse in charge. They will tell you first if they can. Direct messages, pictures and links are switched off here."""


@dataclass(frozen=True)
class DemoPerson:
    username: str
    role: str
    about: str


PEOPLE = [
    DemoPerson("sam", Role.PEER, "a peer in three groups"),
    DemoPerson(
        "alex",
        Role.PEER,
        "a peer taking a break from one group, waiting to join another",
    ),
    DemoPerson("jo", Role.PEER_SUPPORTER, "a trained peer supporter"),
    DemoPerson(
        "fran",
        Role.FACILITATOR,
        "facilitates several groups (staff: asks for a second step)",
    ),
    DemoPerson("sky", Role.SUPERVISOR, "supervises peer supporters (staff)"),
    DemoPerson("ade", Role.ADMIN, "runs the Riverside service (staff)"),
]


def _person(username: str) -> Person:
    person, created = Person.objects.get_or_create(username=username)
    if created:
        person.set_password(DEMO_PASSWORD)
        person.save()
    return person


def _organisation(slug: str, **fields: object) -> Organisation:
    existing = Organisation.objects.filter(slug=slug).first()
    if existing:
        return existing
    return create_organisation(slug=slug, **fields)


def _group(
    organisation: Organisation, slug: str, tags: list[str], **fields: object
) -> PeerGroup:
    group, created = PeerGroup.objects.get_or_create(
        organisation=organisation, slug=slug, defaults=fields
    )
    if created:
        group.tags.set(tags_named(tags))
    return group


def _member(
    group: PeerGroup,
    person: Person,
    display_name: str,
    status: str = Status.ACTIVE,
    role: str = GroupRole.MEMBER,
) -> None:
    Membership.objects.get_or_create(
        group=group,
        person=person,
        defaults={"display_name": display_name, "status": status, "role": role},
    )


def _demo_id(label: str) -> uuid.UUID:
    """The same client id on every run, so seeding twice adds nothing."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"alongside-demo:{label}")


@dataclass(frozen=True)
class DemoPost:
    author: str
    kind: str
    body: str
    warning: str = ""


DEMO_THREADS: list[tuple[str, str, str, list[DemoPost]]] = [
    (
        "loss",
        "sam",
        "The first birthday without them",
        [
            DemoPost(
                "sam",
                "sharing",
                "It would have been Mum's birthday on Sunday. I'm not sure what to do with the day. Part of me wants to keep busy and part of me wants to stay in with her old records on.",
            ),
            DemoPost(
                "fran",
                "offering",
                "Thank you for sharing this. There's no right way to spend it. Some people in the group have made a small ritual, like a walk somewhere the person loved. Others just let the day be what it is.",
            ),
            DemoPost(
                "sam",
                "sharing",
                "A walk sounds good. She loved the river path. Maybe I'll take the records with me in my head.",
            ),
        ],
    ),
    (
        "loss",
        "fran",
        "Things that helped this week",
        [
            DemoPost(
                "fran",
                "asking",
                "Small things count. What helped you get through this week, even a little?",
            ),
            DemoPost(
                "sam",
                "offering",
                "Answering the phone to my sister instead of letting it ring. We didn't talk about anything much, but it helped.",
            ),
        ],
    ),
    (
        "evening",
        "sam",
        "A hard night last week",
        [
            DemoPost(
                "sam",
                "sharing",
                "Last week was a rough one and for a while it brought back old thoughts about hurting myself. I didn't act on them. I wanted to say it here because saying it out loud takes some of its power away.",
                warning="self_harm",
            ),
            DemoPost(
                "jo",
                "offering",
                "I'm really glad you said it here, and that you got through. If the evenings feel like that again, the Get help now page has people you can call at any hour, and we're here too.",
            ),
        ],
    ),
    (
        "evening",
        "jo",
        "What do you do when your mind won't settle?",
        [
            DemoPost(
                "jo",
                "asking",
                "Evenings are when my mind races. What do you do to settle it? I'm collecting ideas.",
            ),
            DemoPost(
                "sam",
                "offering",
                "A warm drink and a boring podcast. It sounds silly but it works for me more often than not.",
            ),
        ],
    ),
]


def _conversations(
    people: dict[str, Person], *, loss: PeerGroup, evening: PeerGroup
) -> None:
    """A few warm, ordinary conversations, and an always-open room for the evening
    circle."""
    groups = {"loss": loss, "evening": evening}
    for group_key, starter, title, posts in DEMO_THREADS:
        group = groups[group_key]
        # Titles are sealed, so each thread is found by its opening post's id.
        if Post.objects.filter(client_id=_demo_id(f"{title}:0")).exists():
            continue
        opening, *replies = posts
        thread = conversation_actions.start_thread(
            person=people[starter],
            group=group,
            title=title,
            kind=opening.kind,
            body=opening.body,
            content_warning=opening.warning,
            content_warning_text="",
            client_id=_demo_id(f"{title}:0"),
        )
        for number, reply in enumerate(replies, start=1):
            conversation_actions.reply_to_thread(
                person=people[reply.author],
                thread=thread,
                kind=reply.kind,
                body=reply.body,
                content_warning=reply.warning,
                content_warning_text="",
                client_id=_demo_id(f"{title}:{number}"),
            )
    room = LiveRoom.objects.filter(group=evening).first()
    if room is None or not room.is_always_open:
        conversation_actions.set_room_always_open(
            person=people["fran"], group=evening, is_always_open=True
        )


SMALL_WINS = [
    "Got outside for ten minutes today.",
    "Answered one email I had been avoiding.",
    "Cooked a proper meal for once.",
    "Slept a bit better last night.",
    "Rang a friend back.",
    "Sat in the garden with a cup of tea.",
]


def _long_conversation(people: dict[str, Person], *, evening: PeerGroup) -> None:
    """A conversation long enough to open on its newest replies, with a link to
    earlier ones (a page holds 30 replies)."""
    title = "Small wins this week"
    if Post.objects.filter(client_id=_demo_id(f"{title}:0")).exists():
        return
    thread = conversation_actions.start_thread(
        person=people["jo"],
        group=evening,
        title=title,
        kind="sharing",
        body="Let's keep a running list of small wins. Anything counts.",
        content_warning="",
        content_warning_text="",
        client_id=_demo_id(f"{title}:0"),
    )
    for number in range(1, 46):
        conversation_actions.reply_to_thread(
            person=people["sam" if number % 2 else "jo"],
            thread=thread,
            kind="sharing",
            body=SMALL_WINS[number % len(SMALL_WINS)],
            content_warning="",
            content_warning_text="",
            client_id=_demo_id(f"{title}:{number}"),
        )


def _safety(
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
        group=loss, client_id=_demo_id("Things that helped this week:0")
    ).first()
    if (
        opening is not None
        and opening.thread is not None
        and not Post.objects.filter(client_id=_demo_id("held-details")).exists()
    ):
        conversation_actions.reply_to_thread(
            person=sam,
            thread=opening.thread,
            kind="offering",
            body="If anyone wants to talk, my number is 07700 900461.",
            content_warning="",
            content_warning_text="",
            client_id=_demo_id("held-details"),
        )
    reported = Post.objects.filter(client_id=_demo_id("Things that helped this week:1"))
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


def _today(
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

    client_id = _demo_id("today-alert")
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


def _screening_urgency(people: dict[str, Person], *, loss: PeerGroup) -> None:
    """Posts that show screening's urgency in Living with loss: Sam's goodbye waits
    first in the queue and the duty view, Jo's worry for a friend gets the card on
    how to help, and Jo's question to Sam gets guidance on responding safely.
    Written here, in our own words, non-graphic."""
    opening = Post.objects.filter(
        group=loss, client_id=_demo_id("Things that helped this week:0")
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
        if Post.objects.filter(client_id=_demo_id(label)).exists():
            continue
        conversation_actions.reply_to_thread(
            person=person,
            thread=opening.thread,
            kind=kind,
            body=body,
            content_warning="",
            content_warning_text="",
            client_id=_demo_id(label),
        )


DEMO_PRIVATE = [
    (
        "fran",
        "Hi Sam, it's Fran from the Living with loss group. You mentioned Sunday "
        "would have been your mum's birthday. How did the day go?",
    ),
    (
        "sam",
        "Thanks for asking. I did the river walk in the end. It was sad but it "
        "felt right.",
    ),
    (
        "fran",
        "That sounds like a lovely way to remember her. I'm around on Tuesday "
        "evening if you'd like to talk before the group.",
    ),
]


def _private_conversation(
    people: dict[str, Person], *, riverside: Organisation, loss: PeerGroup
) -> None:
    """Fran and Sam, in a private conversation with the Riverside team."""
    from alongside.privateconversations import actions as private_actions
    from alongside.privateconversations.models import Message

    if Message.objects.filter(client_id=_demo_id("private:0")).exists():
        return
    conversation = private_actions.open_conversation(
        person=people["fran"],
        with_person=people["sam"],
        organisation=riverside,
        group=loss,
    )
    for number, (author, body) in enumerate(DEMO_PRIVATE):
        private_actions.send_message(
            person=people[author],
            conversation=conversation,
            body=body,
            client_id=_demo_id(f"private:{number}"),
        )


def _staff_read(facilitator: Person, group: PeerGroup) -> None:
    """Fran, facilitating Living with loss, checked Sam's held post: Sam sees it in
    "Who else has seen my words"."""
    from alongside.access.actions import Seen, record_staff_reads
    from alongside.access.models import Item, Reason, StaffRead
    from alongside.conversations.models import Post

    held = Post.objects.filter(client_id=_demo_id("held-details")).first()
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


@transaction.atomic
def seed() -> dict[str, object]:
    """Create the demo data; running it again adds nothing twice. The demo writes
    many posts at once, far faster than anyone types: the per-person limits on
    posting are for people, not for seeding."""
    with override_settings(ALONGSIDE_RATE_LIMITS={}):
        return _seed()


def _seed() -> dict[str, object]:
    riverside = _organisation(
        "riverside",
        name="Riverside Peer Support",
        setting=Setting.COMMUNITY,
        about="A community peer support service run by and for people with "
        "experience of mental distress, bereavement and caring.",
        confidentiality_statement=COMMUNITY_STATEMENT,
        is_open_for_signup=True,
        peers_may_message_team=True,
        group_creation=GroupCreation.STAFF,
        live_message_retention_days=Retention.DAYS_90,
        thread_retention_days=Retention.YEAR_1,
        search_words="nan: grandmother, bereavement\ngran: grandmother, bereavement\n"
        "brew: cuppa, carers",
    )
    northgate = _organisation(
        "northgate-staff",
        name="Northgate Hospital Staff Peer Support",
        setting=Setting.WORKPLACE,
        about="Peer support for colleagues across Northgate Hospital, after hard "
        "shifts and hard weeks.",
        confidentiality_statement=WORKPLACE_STATEMENT,
        group_creation=GroupCreation.ANYONE,
        live_message_retention_days=Retention.DAYS_30,
        thread_retention_days=Retention.DAYS_90,
    )
    hollybank = _organisation(
        "hollybank",
        name="Hollybank Secure Service",
        setting=Setting.SECURE,
        about="Peer support on the wards at Hollybank.",
        confidentiality_statement=SECURE_STATEMENT,
        allows_direct_messages=False,
        allows_images=False,
        allows_links=False,
        requires_staff_facilitators=True,
        group_creation=GroupCreation.ADMINS,
        live_message_retention_days=Retention.DAYS_30,
        thread_retention_days=Retention.DAYS_90,
    )

    people = {demo.username: _person(demo.username) for demo in PEOPLE}
    for demo in PEOPLE:
        grant_role(person=people[demo.username], organisation=riverside, role=demo.role)
    grant_role(person=people["fran"], organisation=northgate, role=Role.FACILITATOR)

    loss = _group(
        riverside,
        "living-with-loss",
        ["bereavement", "grief", "loss of a parent"],
        name="Living with loss",
        shared_experience="We have each lost someone close to us. We meet to talk "
        "about grief as it really is, at our own pace.",
        format=Format.HYBRID,
        when_and_where="Tuesdays, 7pm, online and at the Riverside centre",
    )
    evening = _group(
        riverside,
        "evening-circle",
        ["anxiety", "panic", "low mood"],
        name="Evening circle",
        shared_experience="For anyone living with anxiety or panic. Evenings can be "
        "the hardest part of the day; we keep each other company.",
        format=Format.ONLINE,
        when_and_where="Every evening, online",
    )
    womens = _group(
        riverside,
        "womens-space",
        ["abuse", "domestic abuse", "trauma"],
        name="Women's space",
        shared_experience="For women who have experienced abuse. A calm space to be "
        "heard by others who understand.",
        who_for="Women only (as you describe yourself)",
        format=Format.IN_PERSON,
        when_and_where="Thursdays, 11am, in the women's centre on Mill Lane",
        join_policy=JoinPolicy.REQUEST,
        someone_may_be_watching=True,
    )
    carers = _group(
        riverside,
        "carers-cuppa",
        ["caring", "carers"],
        name="Carers' cuppa",
        shared_experience="For people who look after someone with a mental health "
        "problem. Tea, biscuits and people who get it.",
        format=Format.IN_PERSON,
        when_and_where="First Saturday of the month, 10am, Riverside centre café",
    )
    _group(
        riverside,
        "hearing-voices",
        ["hearing voices", "psychosis"],
        name="Hearing voices",
        shared_experience="For people who hear voices or see things others do not. "
        "We accept each other's experiences as real.",
        format=Format.ONLINE,
        is_listed=False,
    )
    shift = _group(
        northgate,
        "after-a-hard-shift",
        ["work stress", "burnout", "difficult shifts"],
        name="After a hard shift",
        shared_experience="For colleagues who have had a shift that stays with them.",
        format=Format.ONLINE,
        join_policy=JoinPolicy.REQUEST,
    )
    ward = _group(
        hollybank,
        "willow-ward-group",
        ["recovery"],
        name="Willow ward peer group",
        shared_experience="For people on Willow ward who want to support each other.",
        format=Format.IN_PERSON,
        when_and_where="Wednesdays, 2pm, the quiet room",
    )

    fran = people["fran"]
    for group, name in [
        (loss, "Fran"),
        (evening, "Evening Fran"),
        (womens, "Fran W"),
        (carers, "Fran C"),
        (shift, "Fran (peer lead)"),
    ]:
        _member(group, fran, name, role=GroupRole.FACILITATOR)
    _member(loss, people["sam"], "Quiet Heron")
    _member(evening, people["sam"], "Amber Finch")
    _member(carers, people["sam"], "Steady Oak")
    _member(evening, people["jo"], "Jo (peer supporter)")
    _member(loss, people["alex"], "Misty Lark", status=Status.PAUSED)
    _member(womens, people["alex"], "Gentle Wren", status=Status.REQUESTED)

    _member(loss, people["jo"], "Kind Robin")
    _seed_agreements(riverside, loss, people)
    _conversations(people, loss=loss, evening=evening)
    _long_conversation(people, evening=evening)

    invitation, _ = Invitation.objects.get_or_create(
        organisation=northgate,
        label="Demo code for Northgate staff",
        defaults={"code": "DEMO2-STAFF", "role": Role.PEER, "max_uses": 1000},
    )
    ward_invitation, _ = Invitation.objects.get_or_create(
        organisation=hollybank,
        label="Demo code for Willow ward",
        defaults={"code": "DEMO3-WARDS", "role": Role.PEER, "max_uses": 1000},
    )
    _supporters(people, riverside=riverside)
    _safety(people, riverside=riverside, loss=loss, evening=evening)
    _today(people, riverside=riverside, loss=loss, evening=evening)
    _screening_urgency(people, loss=loss)
    _private_conversation(people, riverside=riverside, loss=loss)
    seed_meetings(
        people, riverside=riverside, loss=loss, evening=evening, carers=carers
    )
    _safety_plan(people, riverside=riverside)
    seed_buddying(people, riverside=riverside)
    del ward  # seeded for the secure-service demo; reached with the ward code
    return {
        "people": PEOPLE,
        "password": DEMO_PASSWORD,
        "codes": [invitation, ward_invitation],
    }


def _supporters(people: dict[str, Person], *, riverside: Organisation) -> None:
    """Riverside's training path from the starter; jo trained (one module running
    out within the month, and a practice session), supervised by sky with a session
    whose notes only they two read, and a check-in; fran trained for duty and
    facilitating; a rota for the next three days with one gap."""
    from datetime import datetime, time

    from alongside.supporters import actions as supporter_actions
    from alongside.supporters.models import (
        Feeling,
        Load,
        ShiftKind,
        SupervisionSession,
        TrainingModule,
        TrainingRecord,
    )

    jo, sky, ade, fran = people["jo"], people["sky"], people["ade"], people["fran"]
    supporter_actions.copy_starter_path(person=ade, organisation=riverside)
    today = timezone.localdate()
    modules = TrainingModule.objects.filter(organisation=riverside).current()
    for module in modules:
        if TrainingRecord.objects.filter(person=jo, module=module).exists():
            continue
        # Done eleven months ago, so a yearly refresh is due within the month.
        done = today - timedelta(days=340 if module.refresh_months == 12 else 150)
        if module.name == "Calming a tense moment":
            done = today - timedelta(days=60)
        supporter_actions.record_training(
            person=sky, supporter=jo, module=module, completed_on=done
        )
    calming = modules.filter(name="Calming a tense moment").first()
    if calming is not None:
        supporter_actions.record_training(
            person=sky,
            supporter=jo,
            module=calming,
            completed_on=today - timedelta(days=67),
            is_practice=True,
        )
    for module in modules.filter(needed_for_duty=True) | modules.filter(
        needed_for_facilitating=True
    ):
        if not TrainingRecord.objects.filter(person=fran, module=module).exists():
            supporter_actions.record_training(
                person=sky,
                supporter=fran,
                module=module,
                completed_on=today - timedelta(days=90),
            )
    supporter_actions.set_registration(
        person=sky,
        organisation=riverside,
        profession="Counsellor",
        register="bacp",
        register_number="000000 (made up for the demo)",
    )
    for supporter in (jo, fran):
        supporter_actions.assign_supervisor(
            person=ade, organisation=riverside, supporter=supporter, supervisor=sky
        )
    if not SupervisionSession.objects.filter(supervisee=jo).exists():
        session = supporter_actions.schedule_session(
            person=sky,
            organisation=riverside,
            supervisee=jo,
            kind="one_to_one",
            scheduled_for=timezone.make_aware(
                datetime.combine(today - timedelta(days=12), time(10, 0))
            ),
            minutes=60,
        )
        supporter_actions.write_session_notes(
            person=sky,
            session=session,
            status="happened",
            notes="We talked about holding the evening circle when it is busy, "
            "and about taking a proper break after a hard session.",
        )
        supporter_actions.write_reflection(
            person=jo,
            session=session,
            reflection="It helped to hear that stepping back is part of the work.",
        )
        supporter_actions.record_check_in(
            person=jo,
            organisation=riverside,
            feeling=Feeling.GOOD,
            load=Load.MANAGEABLE,
            would_like_to_talk=False,
        )
    supporter_actions.profile_for(jo, riverside)
    for offset, kind, who in [
        (0, ShiftKind.CRISIS, fran),
        (0, ShiftKind.LIVE_ROOMS, jo),
        (1, ShiftKind.CRISIS, fran),
        (1, ShiftKind.LIVE_ROOMS, None),
        (2, ShiftKind.LIVE_ROOMS, jo),
    ]:
        day = today + timedelta(days=offset)
        start = time(9, 0) if kind == ShiftKind.CRISIS else time(18, 0)
        end = time(17, 0) if kind == ShiftKind.CRISIS else time(21, 0)
        supporter_actions.add_shift(
            person=ade,
            organisation=riverside,
            kind=kind,
            starts_at=timezone.make_aware(datetime.combine(day, start)),
            ends_at=timezone.make_aware(datetime.combine(day, end)),
            assignee=who,
        )


def _safety_plan(people: dict[str, Person], *, riverside: Organisation) -> None:
    """Riverside's own crisis line in its help directory (so plans start with it),
    and sam's plan, partly filled in and shared with jo, their peer supporter."""
    from alongside.organisations.models import SupportService
    from alongside.safetyplans import actions as plan_actions
    from alongside.safetyplans.models import SafetyPlan
    from alongside.safetyplans.sections import Contact

    SupportService.objects.get_or_create(
        organisation=riverside,
        name="Riverside evening line",
        defaults={
            "purpose": "Riverside's own listening line, answered by trained peers.",
            "phone": "0117 496 0123",
            "hours": "6pm to midnight, every day",
            "region": "Riverside",
            "is_urgent": True,
            "position": 5,
        },
    )
    sam, jo = people["sam"], people["jo"]
    if SafetyPlan.objects.filter(owner=sam).exists():
        return
    for key, text in (
        ("getting-harder", "I stop replying to messages.\nI stay up late scrolling."),
        ("on-my-own", "A hot shower and clean clothes.\nThe walk along the river."),
        ("take-my-mind-off", "The library café. Evening circle's live room."),
    ):
        plan_actions.save_section(person=sam, section_key=key, text=text)
    plan_actions.save_section(
        person=sam,
        section_key="people",
        contacts=[Contact(name="My sister", phone="07700 900456")],
    )
    plan_actions.share_with_person(person=sam, recipient=jo, shown_as="Sam")


def _seed_agreements(
    riverside: Organisation, loss: PeerGroup, people: dict[str, Person]
) -> None:
    """Riverside's baseline item; "Living with loss" with an adopted agreement, an
    open suggestion with some responses and a review coming up. "Evening circle" has
    none yet, so its page shows the starter questions."""
    if not OrganisationItem.objects.filter(organisation=riverside).exists():
        agreement_actions.save_organisation_item(
            person=people["ade"],
            organisation=riverside,
            kind=OrganisationItemKind.BASELINE,
            text="What is shared in a group stays in the group, within the limits "
            "Riverside sets out in its statement on confidentiality.",
            why="So everyone knows where they stand before they speak.",
        )
    if AgreementVersion.objects.filter(agreement__group=loss).exists():
        return
    now = timezone.now()
    Change = agreement_actions.Change
    first = agreement_actions.propose_changes(
        person=people["fran"],
        group=loss,
        changes=[
            Change(
                ChangeAction.ADD,
                "Grief has no timetable. Nobody here is told to move on.",
                "Many of us have heard that elsewhere, and it hurt.",
            ),
            Change(
                ChangeAction.ADD,
                "We listen first, and offer our own experience rather than advice.",
            ),
            Change(
                ChangeAction.ADD,
                "It is fine to arrive late, leave early or sit quietly.",
                "Some weeks are harder than others.",
            ),
            Change(
                ChangeAction.ADD,
                "We use the names of the people we have lost if we want to, and "
                "others do not have to.",
            ),
            Change(
                ChangeAction.BREACH,
                "A facilitator has a quiet word first, to understand.\n"
                "If it carries on, we talk together about how to put it right.\n"
                "If someone's safety is at risk, a short pause from posting while we "
                "talk. We always look for a way back.",
            ),
        ],
        reason="Our first agreement, from what we said at the first two meetings.",
        now=now - timedelta(days=360),
    )
    agreement_actions.respond_to_proposal(
        person=people["sam"],
        proposal=first,
        choice=ResponseChoice.AGREE,
        now=now - timedelta(days=359),
    )
    agreement_actions.adopt_proposal(
        person=people["fran"], proposal=first, now=now - timedelta(days=355)
    )
    agreement_actions.confirm_agreement(person=people["sam"], group=loss)
    agreement_actions.confirm_agreement(person=people["jo"], group=loss)
    open_proposal = agreement_actions.propose_changes(
        person=people["sam"],
        group=loss,
        changes=[
            Change(
                ChangeAction.ADD,
                "Anniversaries and birthdays can be hard. It is OK to just say "
                "that it is one of those days.",
            )
        ],
        reason="A few of us mentioned finding those days hard to bring up.",
        now=now - timedelta(days=1),
    )
    agreement_actions.respond_to_proposal(
        person=people["fran"], proposal=open_proposal, choice=ResponseChoice.AGREE
    )
    agreement_actions.respond_to_proposal(
        person=people["jo"],
        proposal=open_proposal,
        choice=ResponseChoice.CONCERN,
        reason="I like it, but could we also say nobody has to explain further?",
        shows_name=True,
    )
