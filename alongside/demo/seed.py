"""Demo data that shows each capability to a newcomer. Safe to run again: every
record is looked up before it is made, so nothing is duplicated."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.test.utils import override_settings

from alongside.accounts.models import Person
from alongside.buddying.demo import seed_buddying
from alongside.buddying.demo_pair_safety import seed_pair_safety
from alongside.conversations import actions as conversation_actions
from alongside.conversations.models import LiveRoom, Post
from alongside.demo.agreements_seed import seed_agreements
from alongside.demo.ids import demo_id
from alongside.demo.meetings_seed import seed_meetings
from alongside.demo.names_seed import seed_names
from alongside.demo.phrase_rules_seed import seed_phrase_rules
from alongside.demo.plans_seed import seed_safety_plan, share_demo_plan
from alongside.demo.private_seed import seed_private_conversation
from alongside.demo.safety_seed import seed_safety, seed_screening_urgency, seed_today
from alongside.demo.supporters_after_seed import seed_supporters_after
from alongside.demo.supporters_seed import seed_supporters
from alongside.insights.check_demo import seed_check_ins
from alongside.insights.demo import seed_insights
from alongside.organisations.actions import create_organisation, grant_role
from alongside.organisations.models import (
    Invitation,
    Organisation,
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

# Each service's own words, shown after the statement Alongside writes from its
# settings: what the service does beyond Alongside, never a different promise.
COMMUNITY_STATEMENT = """There are a few times we might share something outside Alongside, and we will always try to talk with you first:
- if we believe someone's life is at serious risk, we may contact emergency services or a crisis team;
- if a child or an adult at risk is being harmed, we must tell the local safeguarding team;
- if the law requires it, for example a court order.

When anything is shared, only what is needed is shared, with only the people who need it, and it is written down."""

WORKPLACE_STATEMENT = """This is peer support between colleagues. It is not part of your line management, appraisal or any disciplinary process.

We would only ever share something outside Alongside if someone's life is at serious risk, if a patient or colleague is at risk of serious harm, or if the law requires it. We would talk with you first wherever we can, and share only what is needed."""

SECURE_STATEMENT = """What you share in a peer group is not written in your care notes.

If you say something that means you or someone else could be seriously hurt, or that the safety of the ward is at risk, the peer support worker must tell the nurse in charge. They will tell you first if they can."""


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
        if Post.objects.filter(client_id=demo_id(f"{title}:0")).exists():
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
            client_id=demo_id(f"{title}:0"),
        )
        for number, reply in enumerate(replies, start=1):
            conversation_actions.reply_to_thread(
                person=people[reply.author],
                thread=thread,
                kind=reply.kind,
                body=reply.body,
                content_warning=reply.warning,
                content_warning_text="",
                client_id=demo_id(f"{title}:{number}"),
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
    if Post.objects.filter(client_id=demo_id(f"{title}:0")).exists():
        return
    thread = conversation_actions.start_thread(
        person=people["jo"],
        group=evening,
        title=title,
        kind="sharing",
        body="Let's keep a running list of small wins. Anything counts.",
        content_warning="",
        content_warning_text="",
        client_id=demo_id(f"{title}:0"),
    )
    for number in range(1, 46):
        conversation_actions.reply_to_thread(
            person=people["sam" if number % 2 else "jo"],
            thread=thread,
            kind="sharing",
            body=SMALL_WINS[number % len(SMALL_WINS)],
            content_warning="",
            content_warning_text="",
            client_id=demo_id(f"{title}:{number}"),
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
    )
    hollybank = _organisation(
        "hollybank",
        name="Hollybank Secure Service",
        setting=Setting.SECURE,
        about="Peer support on the wards at Hollybank.",
        confidentiality_statement=SECURE_STATEMENT,
    )

    people = {demo.username: _person(demo.username) for demo in PEOPLE}
    seed_names(people)
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
    seed_agreements(riverside, loss, people)
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
    seed_supporters(people, riverside=riverside)
    seed_safety(people, riverside=riverside, loss=loss, evening=evening)
    seed_today(people, riverside=riverside, loss=loss, evening=evening)
    seed_screening_urgency(people, loss=loss)
    seed_private_conversation(people, riverside=riverside, loss=loss)
    seed_meetings(
        people, riverside=riverside, loss=loss, evening=evening, carers=carers
    )
    seed_safety_plan(people, riverside=riverside)
    seed_supporters_after(people, riverside=riverside, evening=evening)
    seed_phrase_rules(people, riverside=riverside, loss=loss)
    seed_insights(
        people, riverside=riverside, loss=loss, evening=evening, carers=carers
    )
    seed_check_ins(people, riverside=riverside)
    seed_buddying(people, riverside=riverside)
    seed_pair_safety(people, riverside=riverside)
    share_demo_plan(people)
    del ward  # seeded for the secure-service demo; reached with the ward code
    return {
        "people": PEOPLE,
        "password": DEMO_PASSWORD,
        "codes": [invitation, ward_invitation],
    }
