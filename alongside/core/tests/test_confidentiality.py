"""The confidentiality table (docs/confidentiality.md), checked by a canary crawl.

A world of two organisations and three groups ("home" and "near" in one
organisation, "far" in the other) where every kind of data in the table carries a
unique marker, `CANARY-<group>-<kind>-<hex>`. Then, as every actor of the table, we
GET every URL of ours whose arguments the world can fill (each group, each post),
again as htmx for the pages that answer, open every socket route and take every
frame, and read every email sent and every log record. A marker may appear only
where the table lets that actor read that kind; and where the table says `read` or
`write`, the actor must really see it somewhere, so that the table and the code
cannot drift apart.

Adding a data kind is one line in PLANTERS (and its row in the table); adding a URL
needs nothing here, as the crawl walks the resolver. Kinds with no words of anyone's
to plant (choices and system-written notes) are named in WORDLESS.
"""

from __future__ import annotations

import inspect
import logging
import re
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache
from itertools import product
from pathlib import Path
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import resolve, reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PersonFactory, give_second_factor
from alongside.agreements.models import Comment, ResponseChoice
from alongside.agreements.tests.factories import (
    AgreementItemFactory,
    ProposalChangeFactory,
    ReadingFactory,
    ResponseFactory,
)
from alongside.buddying.tests.canary import plant_one_to_one_ending, plant_referrals
from alongside.conversations import actions as conversation_actions
from alongside.conversations.models import Post, PostStatus, Thread
from alongside.conversations.tests.factories import open_room
from alongside.core.tests.test_url_policy import _route_parameters, our_url_names
from alongside.insights.tests.canary import (
    plant_changes,
    plant_feedback,
    plant_licensed_wording,
    plant_parting_notes,
)
from alongside.organisations.models import Organisation, Role
from alongside.organisations.tests.factories import (
    OrganisationFactory,
    OrganisationRoleFactory,
    SupportServiceFactory,
)
from alongside.peergroups.models import GroupRole, JoinPolicy, PeerGroup, Status
from alongside.peergroups.tests.factories import (
    MembershipFactory,
    PeerGroupFactory,
)
from alongside.safety.models import Escalation, Incident, Report
from config.asgi import application, websocket_urlpatterns

TABLE = Path(settings.BASE_DIR) / "docs" / "confidentiality.md"
READING = frozenset({"read", "write"})
MARKER = re.compile(r"CANARY-(home|near|far)-([a-z-]+?)-[0-9a-f]{8}")
ORIGIN = (b"origin", b"http://127.0.0.1")

# Kinds in the table with no one's words in them: choices and system notes.
WORDLESS = frozenset({"responses", "filters", "notifications", "selfcare", "rsvps"})


def policy_table(path: Path = TABLE) -> dict[str, dict[str, str]]:
    """The first table whose header starts with `data`: {kind: {actor: code}}. Kinds
    and actors are the words in backticks in the first column and the header."""
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in path.read_text().splitlines()
        if line.startswith("|")
    ]
    start = next(i for i, row in enumerate(rows) if row[0] == "data")
    actors = [cell.strip("`") for cell in rows[start][1:]]
    table: dict[str, dict[str, str]] = {}
    for row in rows[start + 2 :]:
        if not row[0].startswith("`"):
            break
        kind = re.findall(r"`([^`]+)`", row[0])[0]
        table[kind] = dict(zip(actors, (c.strip("`") for c in row[1:]), strict=True))
    return table


# How each actor of the table stands towards each group of the world:
#   actor: (home, near, far). "near" is another group of home's organisation.
RELATIONS: dict[str, tuple[str, str, str]] = {
    "anonymous": ("anonymous", "anonymous", "anonymous"),
    "outsider": ("outsider", "outsider", "peer"),
    "peer": ("peer", "member", "outsider"),
    "requested": ("requested", "peer", "outsider"),
    "member": ("member", "peer", "outsider"),
    "paused": ("paused", "peer", "outsider"),
    "left": ("left", "peer", "outsider"),
    "facilitator": ("facilitator", "other_facilitator", "outsider"),
    "other_facilitator": ("other_facilitator", "facilitator", "outsider"),
    "supervisor": ("supervisor", "supervisor", "outsider"),
    "handler": ("handler", "supervisor", "outsider"),
    "admin": ("admin", "admin", "other_admin"),
    "other_admin": ("other_admin", "other_admin", "admin"),
}
GROUPS = ("home", "near", "far")


@dataclass
class World:
    groups: dict[str, PeerGroup]
    people: dict[str, Person | None] = field(default_factory=dict)
    posts: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    threads: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    markers: dict[str, tuple[str, str]] = field(default_factory=dict)
    authors: dict[str, Person] = field(default_factory=dict)
    ids: dict[str, dict[str, Any]] = field(default_factory=lambda: defaultdict(dict))

    def marker(self, group: str, kind: str) -> str:
        text = f"CANARY-{group}-{kind}-{uuid.uuid4().hex[:8]}"
        self.markers[text] = (group, kind)
        return text


def _thread(world: World, name: str, title: str, body: str, **fields: Any) -> Post:
    group, author = world.groups[name], world.authors[name]
    thread = Thread.objects.create(
        group=group,
        author=author,
        title=title,
        status=fields.get("status", "") or PostStatus.PUBLISHED,
    )
    post = Post.objects.create(
        group=group,
        thread=thread,
        author=author,
        kind="sharing",
        body=body,
        client_id=uuid.uuid4(),
        **fields,
    )
    world.posts[name].append(post.pk)
    world.threads[name].append(thread.pk)
    return post


def plant_thread(world: World, name: str) -> None:
    post = _thread(
        world,
        name,
        world.marker(name, "threads"),
        world.marker(name, "threads"),
        content_warning="other",
        content_warning_text=world.marker(name, "warnings"),
    )
    reader = MembershipFactory.create(group=world.groups[name]).person
    Post.objects.create(
        group=post.group,
        thread=post.thread,
        author=reader,
        kind="offering",
        body=world.marker(name, "threads"),
        client_id=uuid.uuid4(),
    )
    Report.objects.create(
        post=post,
        group=post.group,
        reporter=reader,
        reason="other",
        note=world.marker(name, "reports"),
    )


def plant_held(world: World, name: str) -> None:
    _thread(
        world,
        name,
        world.marker(name, "held"),
        world.marker(name, "held"),
        status=PostStatus.HELD,
    )


def plant_escalated(world: World, name: str) -> None:
    post = _thread(world, name, "A title", world.marker(name, "escalated"))
    assert post.author is not None
    escalation = Escalation.objects.create(
        organisation=post.group.organisation,
        group=post.group,
        post=post,
        person_at_risk=post.author,
    )
    world.ids[name]["escalation_id"] = escalation.pk
    handler = world.people.get("handler")
    if name == "home" and handler is not None:
        escalation.alerted.add(handler)


def plant_live(world: World, name: str) -> None:
    group = world.groups[name]
    post = Post.objects.create(
        group=group,
        room=open_room(group),
        author=world.authors[name],
        body=world.marker(name, "live"),
        client_id=uuid.uuid4(),
    )
    world.posts[name].append(post.pk)


def plant_live_before_joining(world: World, name: str) -> None:
    """A live message written before everyone but its author joined the group: every
    actor is a late joiner to it."""
    group, author = world.groups[name], world.authors[name]
    written_at = timezone.now() - timedelta(hours=1)
    group.memberships.filter(person=author).update(
        created_at=written_at - timedelta(hours=1)
    )
    assert not group.memberships.exclude(person=author).filter(
        created_at__lte=written_at
    )
    post = Post.objects.create(
        group=group,
        room=open_room(group),
        author=author,
        body=world.marker(name, "live-before-joining"),
        client_id=uuid.uuid4(),
        created_at=written_at,
    )
    world.posts[name].append(post.pk)


def plant_facilitators_words(world: World, name: str) -> None:
    """A post and a live message by the group's only facilitator, waiting for
    nothing: no admin decides about them, so none reads them."""
    group = world.groups[name]
    for membership in group.memberships.facilitating():
        thread = Thread.objects.create(
            group=group, author=membership.person, title=world.marker(name, "threads")
        )
        for place in ({"thread": thread}, {"room": open_room(group)}):
            kind = "threads" if "thread" in place else "live"
            post = Post.objects.create(
                group=group,
                author=membership.person,
                body=world.marker(name, kind),
                client_id=uuid.uuid4(),
                **place,
            )
            world.posts[name].append(post.pk)
        world.threads[name].append(thread.pk)


def plant_names(world: World, name: str) -> None:
    group = world.groups[name]
    group.memberships.filter(person=world.authors[name]).update(
        display_name=world.marker(name, "names")
    )
    asking = MembershipFactory.create(
        group=group,
        status=Status.REQUESTED,
        display_name=world.marker(name, "requests"),
    )
    world.ids[name]["membership_id"] = asking.pk


def plant_agreement(world: World, name: str) -> None:
    group, author = world.groups[name], world.authors[name]
    version = AgreementItemFactory.create(
        version__agreement__group=group, text=world.marker(name, "agreement")
    ).version
    world.ids[name]["number"] = version.number
    proposal = ProposalChangeFactory.create(
        proposal__agreement=version.agreement,
        proposal__proposed_by=author,
        proposal__reason=world.marker(name, "proposals"),
        text=world.marker(name, "proposals"),
    ).proposal
    world.ids[name]["proposal_id"] = proposal.pk
    Comment.objects.create(
        proposal=proposal, person=author, text=world.marker(name, "discussion")
    )
    ResponseFactory.create(
        proposal=proposal,
        person=MembershipFactory.create(group=group).person,
        choice=ResponseChoice.OBJECT,
        reason=world.marker(name, "discussion"),
    )


def plant_incident(world: World, name: str) -> None:
    group = world.groups[name]
    incident = Incident.objects.create(
        organisation=group.organisation,
        group=group,
        category="other",
        severity="low",
        what_happened=world.marker(name, "incidents"),
    )
    world.ids[name]["incident_id"] = incident.pk


def plant_organisation(world: World, name: str) -> None:
    organisation = world.groups[name].organisation
    if name == "near":
        return  # home's organisation, planted once
    Organisation.objects.filter(pk=organisation.pk).update(
        confidentiality_statement=world.marker(name, "statement")
    )
    service = SupportServiceFactory.create(
        organisation=organisation, name=world.marker(name, "directory")
    )
    world.ids[name]["service_id"] = service.pk


def plant_supervision(world: World, name: str) -> None:
    """A supervision session between the group's facilitator and the supervisor
    actor (in "far", between two people who are not actors)."""
    from alongside.supporters.models import SupervisionSession

    organisation = world.groups[name].organisation
    supervisee, supervisor = {
        "home": (world.people.get("facilitator"), world.people.get("supervisor")),
        "near": (world.people.get("other_facilitator"), world.people.get("supervisor")),
    }.get(name, (None, None))
    if supervisee is None or supervisor is None:
        supervisee = _staff(PersonFactory.create(), organisation, Role.FACILITATOR)
        supervisor = _staff(PersonFactory.create(), organisation, Role.SUPERVISOR)
    session = SupervisionSession.objects.create(
        organisation=organisation,
        supervisor=supervisor,
        supervisee=supervisee,
        scheduled_for=timezone.now(),
        notes=world.marker(name, "supervision"),
        reflection=world.marker(name, "supervision"),
    )
    world.ids[name]["session_id"] = session.pk


def plant_debrief(world: World, name: str) -> None:
    """A debrief after a meeting the group's facilitator facilitated, sent to the
    supervisor actor (in "far", between two people who are not actors)."""
    from alongside.supporters.models import FacilitatedMeeting, MeetingDebrief

    organisation = world.groups[name].organisation
    facilitator, supervisor = {
        "home": (world.people.get("facilitator"), world.people.get("supervisor")),
        "near": (world.people.get("other_facilitator"), world.people.get("supervisor")),
    }.get(name, (None, None))
    if facilitator is None or supervisor is None:
        facilitator = _staff(PersonFactory.create(), organisation, Role.FACILITATOR)
        supervisor = _staff(PersonFactory.create(), organisation, Role.SUPERVISOR)
    facilitated = FacilitatedMeeting.objects.create(
        organisation=organisation,
        person=facilitator,
        occurrence_id=1,
        held_at=timezone.now(),
    )
    debrief = MeetingDebrief.objects.create(
        organisation=organisation,
        facilitated_meeting=facilitated,
        supervisor=supervisor,
        to_pass_on=world.marker(name, "debriefs"),
        needs=world.marker(name, "debriefs"),
    )
    world.ids[name]["facilitated_id"] = facilitated.pk
    world.ids[name]["debrief_id"] = debrief.pk


def plant_private(world: World, name: str) -> None:
    """A private conversation between the group's author and someone from the team:
    the group's facilitator (an actor for home and near), or, in the other
    organisation, a facilitator who is no actor. Both write in it."""
    from alongside.privateconversations import actions as private_actions

    group, author = world.groups[name], world.authors[name]
    team = world.people.get(
        {"home": "facilitator", "near": "other_facilitator"}.get(name, "")
    )
    if team is None:
        team = _staff(PersonFactory.create(), group.organisation, Role.FACILITATOR)
    conversation = private_actions.open_conversation(
        person=team, with_person=author, organisation=group.organisation, group=group
    )
    for person in (author, team):
        message, _ = private_actions.send_message(
            person=person,
            conversation=conversation,
            body=world.marker(name, "private"),
            client_id=uuid.uuid4(),
        )
    world.ids[name]["conversation_id"] = conversation.pk
    world.ids[name]["message_id"] = message.pk


def plant_meetings(world: World, name: str) -> None:
    """A hybrid meeting starting in ten minutes (so its link is out), at a venue
    whose name and address carry the venues marker, with an online link carrying
    the online-links marker; the author said they will come and has a calendar
    address."""
    from datetime import timedelta

    from django.utils import timezone

    from alongside.meetings.models import CalendarFeed, Rsvp
    from alongside.meetings.tests.factories import VenueFactory, occurrence_in

    group = world.groups[name]
    venue = VenueFactory.create(
        organisation=group.organisation,
        name=world.marker(name, "venues"),
        address=world.marker(name, "venues"),
    )
    occurrence = occurrence_in(
        group,
        starts_at=timezone.now() + timedelta(minutes=10),
        format="hybrid",
        venue=venue,
        online_place="link",
        online_link=f"https://example.org/{world.marker(name, 'online-links')}",
    )
    Rsvp.objects.create(occurrence=occurrence, person=world.authors[name])
    world.ids[name]["occurrence_id"] = occurrence.pk
    world.ids[name]["venue_id"] = venue.pk
    world.ids[name]["token"] = CalendarFeed.objects.create(
        person=world.authors[name]
    ).token


def plant_plan(world: World, name: str) -> None:
    """The group author's own safety plan, a marker in every field, shared with a
    person of their organisation who is none of the actors (a share never follows
    group membership) and by a link (whose token the crawl never learns)."""
    from alongside.safetyplans.tests.factories import plan_with_canaries, share_with

    author = world.authors[name]
    plan_with_canaries(author, lambda: world.marker(name, "plans"))
    supporter = _staff(PersonFactory.create(), world.groups[name].organisation, "peer")
    world.ids[name]["share_id"] = share_with(author, supporter).pk


def plant_one_to_one(world: World, name: str) -> None:
    """One-to-one support in the group's organisation: a request waiting from a
    peer who is no actor, in their own words; and the group's author matched with
    a supporter who is no actor (by a coordinator who is no actor), with an agreed
    support agreement and messages between the two. Coordinators (the
    organisation's staff) read requests; nobody else reads the pair's words."""
    from alongside.buddying import actions as buddying_actions
    from alongside.buddying.starter import STARTER
    from alongside.buddying.tests.factories import (
        agreed_before,
        coordinator_of,
        ready_supporter,
    )
    from alongside.privateconversations import actions as private_actions

    organisation = world.groups[name].organisation
    asker = _staff(PersonFactory.create(), organisation, Role.PEER)
    waiting = buddying_actions.ask_for_support(
        person=asker,
        organisation=organisation,
        words=world.marker(name, "one-to-one-requests"),
        experiences=[],
        language="English",
        gender_preference="",
        formats=[],
        windows=[],
        access_needs=world.marker(name, "one-to-one-requests"),
        work_role=world.marker(name, "one-to-one-roles"),
    )
    coordinator = coordinator_of(organisation)
    supporter = ready_supporter(organisation)
    author = world.authors[name]
    asked = buddying_actions.ask_for_support(
        person=author,
        organisation=organisation,
        words=world.marker(name, "one-to-one-requests"),
        experiences=["loss"],
        language="English",
        gender_preference="",
        formats=[],
        windows=[],
        access_needs="",
        work_role=world.marker(name, "one-to-one-roles"),
    )
    offer = buddying_actions.offer_request(
        person=coordinator, support_request=asked, supporter=supporter
    )
    match = buddying_actions.accept_offer(person=supporter, offer=offer)
    version = buddying_actions.propose_agreement(
        person=author,
        match=match,
        fields={
            **STARTER,
            "hopes": world.marker(name, "one-to-one"),
            "length_weeks": 12,
            "review_week": 6,
        },
    )
    buddying_actions.agree_to_agreement(person=supporter, version=version)
    assert match.conversation is not None
    for person in (author, supporter):
        private_actions.send_message(
            person=person,
            conversation=match.conversation,
            body=world.marker(name, "one-to-one"),
            client_id=uuid.uuid4(),
        )
    buddying_actions.write_meeting_note(
        person=supporter,
        match=match,
        met_on=timezone.localdate(),
        body=world.marker(name, "one-to-one"),
        is_for_supervision_only=False,
        why_for_supervision="",
    )
    world.ids[name]["request_id"] = waiting.pk
    world.ids[name]["offer_id"] = offer.pk
    world.ids[name]["match_id"] = match.pk
    world.ids[name]["meeting_id"] = agreed_before(
        buddying_actions.plan_meeting(
            person=supporter,
            match=match,
            starts_at=timezone.now() - timedelta(hours=2),
            minutes=60,
            format="in_person",
        )
    ).pk


# One line per kind of data: how its markers are planted in a group.
PLANTERS: tuple[Callable[[World, str], None], ...] = (
    plant_thread,
    plant_held,
    plant_escalated,
    plant_live,
    plant_live_before_joining,
    plant_facilitators_words,
    plant_names,
    plant_agreement,
    plant_incident,
    plant_parting_notes,
    plant_organisation,
    plant_supervision,
    plant_debrief,
    plant_private,
    plant_meetings,
    plant_plan,
    plant_feedback,
    plant_changes,
    plant_licensed_wording,
    plant_one_to_one,
    plant_one_to_one_ending,
    plant_referrals,
)


def _staff(person: Person, organisation: Organisation, role: str) -> Person:
    OrganisationRoleFactory.create(organisation=organisation, person=person, role=role)
    if role != Role.PEER:
        give_second_factor(person)
    return person


def build_world() -> World:
    # The first is open to sign-up, so its help directory is public (the table).
    first = OrganisationFactory.create(is_open_for_signup=True)
    second = OrganisationFactory.create()
    groups = {
        "home": PeerGroupFactory.create(
            organisation=first, join_policy=JoinPolicy.REQUEST
        ),
        "near": PeerGroupFactory.create(organisation=first),
        "far": PeerGroupFactory.create(organisation=second),
    }
    world = World(groups=groups)
    for name, group in groups.items():
        author = _staff(PersonFactory.create(), group.organisation, Role.PEER)
        MembershipFactory.create(group=group, person=author)
        world.authors[name] = author
        open_room(group)
    home, near = groups["home"], groups["near"]

    def peer_of(organisation: Organisation, role: str = Role.PEER) -> Person:
        return _staff(PersonFactory.create(), organisation, role)

    people: dict[str, Person | None] = {"anonymous": None}
    people["outsider"] = peer_of(second)
    people["peer"] = peer_of(first)
    MembershipFactory.create(group=near, person=people["peer"])
    for actor, status in (
        ("requested", Status.REQUESTED),
        ("member", Status.ACTIVE),
        ("paused", Status.PAUSED),
        ("left", Status.LEFT),
    ):
        people[actor] = peer_of(first)
        MembershipFactory.create(group=home, person=people[actor], status=status)
    people["facilitator"] = peer_of(first, Role.FACILITATOR)
    MembershipFactory.create(
        group=home, person=people["facilitator"], role=GroupRole.FACILITATOR
    )
    people["other_facilitator"] = peer_of(first, Role.FACILITATOR)
    MembershipFactory.create(
        group=near, person=people["other_facilitator"], role=GroupRole.FACILITATOR
    )
    people["supervisor"] = peer_of(first, Role.SUPERVISOR)
    people["handler"] = peer_of(first, Role.SUPERVISOR)
    people["admin"] = peer_of(first, Role.ADMIN)
    people["other_admin"] = peer_of(second, Role.ADMIN)
    world.people = people
    # Markers go in after everyone has joined: live history starts at joining.
    for planter, name in product(PLANTERS, GROUPS):
        planter(world, name)
    for group in groups.values():
        for version in group.agreement.versions.all():
            for person in [*people.values(), *world.authors.values()]:
                if person is not None:
                    ReadingFactory.create(version=version, person=person)
    return world


def urls_for(world: World) -> list[str]:
    """Every URL of ours the world can fill, for each group and each post."""
    urls: list[str] = []
    for name in sorted(our_url_names()):
        parameters = _route_parameters(name)
        if not parameters:
            urls.append(reverse(name))
            continue
        for group_name, group in world.groups.items():
            ids = world.ids[group_name]
            values: dict[str, list[Any]] = {
                "group_id": [group.pk],
                "slug": [group.organisation.slug],
                "organisation_slug": [group.organisation.slug],
                "post_id": world.posts[group_name],  # thread, held, escalated, live
                "decision_id": [],
                "invitation_id": [],
                "item_id": [],
                # The author's place in the organisation: its change page.
                "role_id": [
                    world.authors[group_name]
                    .roles.get(organisation=group.organisation)
                    .pk
                ],
                **{key: [value] for key, value in ids.items()},
                "thread_id": world.threads[group_name],
            }
            options = [values.get(p, []) for p in parameters]
            for combination in product(*options):
                urls.append(
                    reverse(
                        name, kwargs=dict(zip(parameters, combination, strict=True))
                    )
                )
    return sorted(set(urls))


@dataclass
class Sightings:
    # (actor, marker) -> where it was seen
    seen: dict[tuple[str, str], str] = field(default_factory=dict)
    pages: int = 0
    frames: int = 0

    def look(self, actor: str, text: str, where: str) -> None:
        for match in MARKER.finditer(text):
            self.seen.setdefault((actor, match[0]), where)


def crawl_pages(world: World, sightings: Sightings) -> None:
    urls = urls_for(world)
    for actor, person in world.people.items():
        client = Client()
        if person is not None:
            client.force_login(person)
        for url in urls:
            response = client.get(url)
            sightings.pages += 1
            assert response.status_code < 500, f"GET {url} as {actor}"
            if response.status_code != 200:
                continue
            # getvalue(): the data download is streamed, other pages are not.
            sightings.look(actor, response.getvalue().decode(errors="replace"), url)
            if not answers_htmx(url):
                continue
            fragment = client.get(url, headers={"HX-Request": "true"})
            sightings.pages += 1
            sightings.look(
                actor, fragment.getvalue().decode(errors="replace"), f"{url} (htmx)"
            )


@cache
def answers_htmx(url: str) -> bool:
    """Whether the view behind the URL sends something else to htmx (a named
    partial); asking the others again would only fetch the same page."""
    view = resolve(url).func
    return "htmx" in inspect.getsource(inspect.unwrap(view))


def socket_paths(world: World) -> list[str]:
    paths = []
    for pattern in websocket_urlpatterns:
        route = str(pattern.pattern)
        for group in world.groups.values():
            paths.append("/" + re.sub(r"<(?:\w+:)?group_id>", str(group.pk), route))
        for ids in world.ids.values():
            if "conversation_id" in ids:
                paths.append(
                    "/"
                    + re.sub(
                        r"<(?:\w+:)?conversation_id>",
                        str(ids["conversation_id"]),
                        route,
                    )
                )
        paths = [path for path in paths if "<" not in path]
    return sorted(set(paths))


async def crawl_sockets(world: World, sightings: Sightings) -> None:
    sockets: list[tuple[str, str, WebsocketCommunicator]] = []
    for actor, person in world.people.items():
        cookie = await database_sync_to_async(_cookie)(person)
        headers = [ORIGIN]
        if cookie:
            headers.append((b"cookie", f"sessionid={cookie}".encode()))
        for path in socket_paths(world):
            socket = WebsocketCommunicator(application, path, headers=headers)
            connected, _ = await socket.connect(timeout=3)
            assert connected, path
            sockets.append((actor, path, socket))
    await database_sync_to_async(_speak_live)(world)
    for actor, path, socket in sockets:
        while not await socket.receive_nothing(timeout=0.05):
            output = await socket.receive_output(timeout=1)
            sightings.frames += 1
            if output["type"] == "websocket.close":
                break
            sightings.look(actor, output.get("text", ""), f"socket {path}")
        await socket.disconnect()


def _cookie(person: Person | None) -> str | None:
    if person is None:
        return None
    client = Client()
    client.force_login(person)
    return client.cookies["sessionid"].value


def _speak_live(world: World) -> None:
    """A new live message in every group while everyone's sockets listen, and an
    alert that reaches the handler, through the actions that broadcast them."""
    from alongside.safety import actions as safety_actions

    for name, group in world.groups.items():
        conversation_actions.post_live_message(
            person=world.authors[name],
            group=group,
            body=world.marker(name, "live"),
            content_warning="",
            content_warning_text="",
            client_id=uuid.uuid4(),
        )
    handler = world.people["handler"]
    assert handler is not None
    Person.objects.filter(pk=handler.pk).update(email="handler@example.org")
    safety_actions.go_on_duty(
        person=handler, organisation=world.groups["home"].organisation
    )
    post = Post.objects.filter(group=world.groups["home"], room__isnull=False).last()
    assert post is not None
    safety_actions.raise_escalation(post_id=post.pk)


@pytest.mark.django_db(transaction=True)
def test_markers_appear_only_where_the_table_allows(
    caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    table = policy_table()
    caplog.set_level(logging.DEBUG)
    world = build_world()
    # The test's own factories log what they make; only the crawl's records count.
    caplog.clear()
    sightings = Sightings()

    crawl_pages(world, sightings)
    async_to_sync(crawl_sockets)(world, sightings)

    kinds = {kind for _, kind in world.markers.values()}
    assert kinds | WORDLESS == set(table), (
        f"kinds planted but not in the table: {sorted(kinds - set(table))}; "
        f"in the table but never planted: {sorted(set(table) - kinds - WORDLESS)}"
    )
    leaks, unseen, checked = [], [], 0
    for actor, (marker, (group, kind)) in product(world.people, world.markers.items()):
        relation = RELATIONS[actor][GROUPS.index(group)]
        may_read = table[kind][relation] in READING
        where = sightings.seen.get((actor, marker))
        checked += 1
        if where is not None and not may_read:
            leaks.append(f"{kind} of {group} seen by {actor} ({relation}) at {where}")
    for actor, relation in ((a, RELATIONS[a][0]) for a in world.people):
        for kind in kinds:
            if table[kind][relation] not in READING:
                continue
            home_markers = [
                m for m, (g, k) in world.markers.items() if g == "home" and k == kind
            ]
            if not any((actor, m) in sightings.seen for m in home_markers):
                unseen.append(f"{kind} of home never seen by {actor}")
    outside = [
        m for m in world.markers if any(m in r.getMessage() for r in caplog.records)
    ]
    emailed = [
        m
        for m in world.markers
        for message in mail.outbox
        if m
        in f"{message.subject}\n{message.body}\n{getattr(message, 'alternatives', '')}"
    ]
    summary = (
        f"canary crawl: {len(world.people)} actors, {sightings.pages} pages fetched, "
        f"{sightings.frames} socket frames, {len(mail.outbox)} emails, "
        f"{len(caplog.records)} log records, {len(world.markers)} markers, "
        f"{checked} marker x actor checks, {len(leaks)} leaks"
    )
    with capsys.disabled():
        print(f"\n{summary}")
    assert not leaks, summary + "\n" + "\n".join(sorted(leaks))
    assert not unseen, summary + "\n" + "\n".join(sorted(unseen))
    assert not outside, f"markers in log records: {outside}"
    assert not emailed, f"markers in emails: {emailed}"


def test_table_names_every_actor_and_a_known_code() -> None:
    table = policy_table()
    legend = {"read", "write", "own", "labels", "—"}
    for kind, cells in table.items():
        assert set(cells) == set(RELATIONS), kind
        assert set(cells.values()) <= legend, (kind, set(cells.values()) - legend)
