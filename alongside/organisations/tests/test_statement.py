"""Every sentence of the generated confidentiality statement holds against the code.

For each kind of service, with its defaults and with each switch changed one at a
time, the statement is generated and each claim is checked by its key: the check
reads what the claim says (a period, who may start groups, links on or off) and
runs the permission functions and actions of the app that decides, for the people
of the canary crawl's table (member, paused, left, facilitator, other facilitator,
supervisor, handler, admin), and the table itself (docs/confidentiality.md), which
the canary crawl checks against every page. A switch that changes what the code
does without changing the statement makes a check fail; a claim without a check
fails too.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.db.models import Model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PersonFactory, give_second_factor
from alongside.conversations.models import Post, PostStatus, Thread
from alongside.conversations.tests.factories import live_post, open_room
from alongside.core.tests.test_confidentiality import policy_table
from alongside.organisations import actions
from alongside.organisations.kinds import KIND_DEFAULTS, POLICY_SWITCHES
from alongside.organisations.models import (
    GroupCreation,
    Organisation,
    OrganisationRole,
    Retention,
    Role,
    Setting,
)
from alongside.organisations.statement import Claim, statement_for, statement_text
from alongside.peergroups.models import GroupRole, Membership, PeerGroup, Status
from alongside.peergroups.tests.factories import PeerGroupFactory

pytestmark = pytest.mark.django_db

TABLE = policy_table()
READS = {"read", "write"}


@dataclass
class World:
    organisation: Organisation
    group: PeerGroup
    other_group: PeerGroup
    people: dict[str, Person]

    def refresh(self) -> None:
        self.organisation.refresh_from_db()
        self.group.refresh_from_db()


def _person(organisation: Organisation, role: str) -> Person:
    person = PersonFactory.create()
    OrganisationRole.objects.create(organisation=organisation, person=person, role=role)
    if role != Role.PEER:
        give_second_factor(person)
    return person


def build_world(kind: str) -> World:
    organisation = actions.create_organisation(
        name="Checked service", slug=f"checked-{kind}", setting=kind
    )
    group = PeerGroupFactory.create(organisation=organisation)
    other_group = PeerGroupFactory.create(organisation=organisation)
    people: dict[str, Person] = {}
    for actor, role, status, group_role in (
        ("member", Role.PEER, Status.ACTIVE, GroupRole.MEMBER),
        ("paused", Role.PEER, Status.PAUSED, GroupRole.MEMBER),
        ("left", Role.PEER, Status.LEFT, GroupRole.MEMBER),
        ("facilitator", Role.FACILITATOR, Status.ACTIVE, GroupRole.FACILITATOR),
    ):
        people[actor] = _person(organisation, role)
        Membership.objects.create(
            group=group,
            person=people[actor],
            status=status,
            role=group_role,
            display_name=actor,
            created_at=timezone.now() - timedelta(days=1),
        )
    people["other_facilitator"] = _person(organisation, Role.FACILITATOR)
    Membership.objects.create(
        group=other_group,
        person=people["other_facilitator"],
        role=GroupRole.FACILITATOR,
        display_name="other",
    )
    people["peer"] = _person(organisation, Role.PEER)
    people["supervisor"] = _person(organisation, Role.SUPERVISOR)
    people["handler"] = _person(organisation, Role.SUPERVISOR)
    people["admin"] = _person(organisation, Role.ADMIN)
    open_room(group)
    return World(organisation, group, other_group, people)


def _thread_post(world: World, author: Person, body: str, **fields: Any) -> Post:
    thread = Thread.objects.create(
        group=world.group,
        author=author,
        title="A title",
        status=fields.get("status", PostStatus.PUBLISHED),
    )
    return Post.objects.create(
        group=world.group,
        thread=thread,
        author=author,
        kind="sharing",
        body=body,
        client_id=uuid.uuid4(),
        **fields,
    )


# --- The checks, one per claim key ----------------------------------------------


def check_members_read(world: World, claim: Claim) -> None:
    from alongside.conversations.permissions import can_read_group_conversations

    for actor in ("member", "paused"):
        assert can_read_group_conversations(world.people[actor], world.group), actor
        assert TABLE["threads"][actor] in READS
        assert TABLE["live"][actor] in READS


def check_facilitators_read(world: World, claim: Claim) -> None:
    from alongside.conversations.permissions import can_read_group_conversations
    from alongside.safety.permissions import can_read_report_notes, can_see_queue

    facilitator = world.people["facilitator"]
    assert can_read_group_conversations(facilitator, world.group)
    assert can_see_queue(facilitator, world.group)
    assert can_read_report_notes(facilitator, world.group)
    for kind in ("threads", "held", "reports"):
        assert TABLE[kind]["facilitator"] in READS, kind


def check_facilitators_are_staff(world: World, claim: Claim) -> None:
    from alongside.organisations.permissions import can_facilitate_in

    assert not can_facilitate_in(world.people["member"], world.organisation)
    assert can_facilitate_in(world.people["facilitator"], world.organisation)


def check_facilitators_may_be_peers(world: World, claim: Claim) -> None:
    from alongside.organisations.permissions import can_facilitate_in

    assert can_facilitate_in(world.people["member"], world.organisation)
    assert can_facilitate_in(world.people["facilitator"], world.organisation)


def check_joining_and_leaving(world: World, claim: Claim) -> None:
    from alongside.conversations.permissions import (
        can_read_group_conversations,
        live_history_starts_at,
    )

    member = world.people["member"]
    joined = Membership.objects.get(group=world.group, person=member).created_at
    assert live_history_starts_at(member, world.group) == joined
    assert not can_read_group_conversations(world.people["left"], world.group)
    assert set(TABLE["live-before-joining"].values()) == {"—"}
    assert TABLE["threads"]["left"] == "—"


def check_others_do_not_read(world: World, claim: Claim) -> None:
    from alongside.conversations.permissions import (
        can_read_group_conversations,
        threads_visible_to,
    )

    _thread_post(world, world.people["member"], "words for the group")
    for actor in ("admin", "supervisor", "other_facilitator", "handler", "peer"):
        person = world.people[actor]
        assert not can_read_group_conversations(person, world.group), actor
        assert not threads_visible_to(person, world.group).exists(), actor
        relation = "peer" if actor == "peer" else actor
        for kind in ("threads", "live", "proposals", "discussion"):
            assert TABLE[kind][relation] not in READS, (kind, actor)


def check_risk_to_life(world: World, claim: Claim) -> None:
    from alongside.conversations.permissions import can_read_group_conversations
    from alongside.safety import actions as safety_actions
    from alongside.safety.permissions import escalations_visible_to

    handler = world.people["handler"]
    Person.objects.filter(pk=handler.pk).update(email="handler@example.org")
    safety_actions.go_on_duty(person=handler, organisation=world.organisation)
    words = f"words at risk {uuid.uuid4().hex}"
    post = live_post(world.group, world.people["member"], body=words)
    mail.outbox.clear()
    escalation = safety_actions.raise_escalation(post_id=post.pk)

    assert escalation is not None
    assert escalations_visible_to(handler).filter(pk=escalation.pk).exists()
    assert escalation.post_id == post.pk
    assert not can_read_group_conversations(handler, world.group)
    assert TABLE["escalated"]["handler"] == "read"
    # Nobody answers: the chain (none set here) runs out at the group's facilitators.
    assert "last the group's facilitators" in claim.text
    safety_actions.move_up_due_escalations(now=timezone.now() + timedelta(days=1))
    assert escalation.alerted.filter(pk=world.people["facilitator"].pk).exists()
    assert all(words not in f"{m.subject}{m.body}" for m in mail.outbox)


def check_only_facilitator(world: World, claim: Claim) -> None:
    from alongside.safety.permissions import can_decide_on

    admin = world.people["admin"]
    by_facilitator = _thread_post(
        world, world.people["facilitator"], "held words", status=PostStatus.HELD
    )
    by_member = _thread_post(
        world, world.people["member"], "held words", status=PostStatus.HELD
    )
    assert can_decide_on(admin, by_facilitator)
    assert not can_decide_on(admin, by_member)
    assert not can_decide_on(world.people["facilitator"], by_facilitator)


def check_reads_are_recorded(world: World, claim: Claim) -> None:
    from alongside.access.permissions import staff_reads_visible_to
    from alongside.safety.models import Escalation
    from alongside.safety.reads import record_escalation_read

    author = world.people["member"]
    post = live_post(world.group, author, body="words")
    escalation = Escalation.objects.create(
        organisation=world.organisation,
        group=world.group,
        post=post,
        person_at_risk=author,
    )
    record_escalation_read(reader=world.people["handler"], escalation=escalation)

    assert staff_reads_visible_to(author).filter(post=post).exists()
    assert not staff_reads_visible_to(world.people["handler"]).exists()
    page = _client(author).get(reverse("access:staff-reads")).content.decode()
    assert "Who else has seen my words" in page
    assert "Who else has seen my words" in claim.text


def check_plans_are_yours(world: World, claim: Claim) -> None:
    from alongside.safetyplans.permissions import can_change_plan
    from alongside.safetyplans.tests.factories import plan_with_words

    plan = plan_with_words(world.people["member"])
    for actor in ("facilitator", "supervisor", "handler", "admin"):
        assert not can_change_plan(world.people[actor], plan), actor
    assert set(TABLE["plans"].values()) <= {"own", "—"}


def check_peers_may_message_team(world: World, claim: Claim) -> None:
    from alongside.privateconversations.permissions import (
        can_message_team,
        can_start_with,
    )

    assert can_message_team(world.people["member"], world.organisation)
    assert can_start_with(
        world.people["facilitator"], world.organisation, world.people["member"]
    )


def check_team_starts_private(world: World, claim: Claim) -> None:
    from alongside.privateconversations.permissions import (
        can_message_team,
        can_start_with,
    )

    assert not can_message_team(world.people["member"], world.organisation)
    assert not can_start_with(
        world.people["member"], world.organisation, world.people["facilitator"]
    )
    assert can_start_with(
        world.people["facilitator"], world.organisation, world.people["member"]
    )


def check_private_readers(world: World, claim: Claim) -> None:
    from alongside.privateconversations import actions as private_actions
    from alongside.privateconversations.permissions import can_read

    member, facilitator = world.people["member"], world.people["facilitator"]
    conversation = private_actions.open_conversation(
        person=facilitator,
        with_person=member,
        organisation=world.organisation,
        group=world.group,
    )
    assert can_read(member, conversation)
    assert can_read(facilitator, conversation)
    for actor in ("admin", "supervisor", "handler", "other_facilitator", "paused"):
        assert not can_read(world.people[actor], conversation), actor


def _days_said(text: str) -> int:
    """0 for "until the group is closed", else the period the sentence names."""
    if "until the group is closed" in text:
        return Retention.KEEP
    match = re.search(r"for (\d+) (day|year)s?", text)
    assert match, text
    return int(match[1]) * (365 if match[2] == "year" else 1)


def _retention_keeps(world: World, make: Callable[[int], Model], days: int) -> None:
    """Something just inside the period stays; just outside it goes (never, for
    "until the group is closed", even ten years on)."""
    from alongside.retention.actions import enforce_retention_for

    now = timezone.now()
    inside = make((days or 3650) - 1)
    outside = make(days + 1) if days else None
    enforce_retention_for(organisation=world.organisation, now=now)
    assert type(inside)._default_manager.filter(pk=inside.pk).exists()
    if outside is not None:
        assert not type(outside)._default_manager.filter(pk=outside.pk).exists()


def check_live_kept(world: World, claim: Claim) -> None:
    def make(age: int) -> Post:
        written = timezone.now() - timedelta(days=age)
        return live_post(world.group, world.people["member"], created_at=written)

    _retention_keeps(world, make, _days_said(claim.text))


def check_threads_kept(world: World, claim: Claim) -> None:
    def make(age: int) -> Thread:
        written = timezone.now() - timedelta(days=age)
        post = _thread_post(world, world.people["member"], "words")
        Post.objects.filter(pk=post.pk).update(created_at=written)
        assert post.thread is not None
        Thread.objects.filter(pk=post.thread.pk).update(
            created_at=written, last_posted_at=written
        )
        return post.thread

    _retention_keeps(world, make, _days_said(claim.text))


def check_safety_kept(world: World, claim: Claim) -> None:
    from alongside.retention.actions import enforce_retention_for
    from alongside.safety.models import Report

    old = timezone.now() - timedelta(days=3650)
    post = live_post(world.group, world.people["member"], created_at=old)
    Report.objects.create(
        post=post, group=world.group, reporter=world.people["paused"], reason="other"
    )
    Post.objects.filter(pk=post.pk).update(created_at=old)
    enforce_retention_for(organisation=world.organisation, now=timezone.now())
    assert Post.objects.filter(pk=post.pk).exists()


def check_employer_cannot_see(world: World, claim: Claim) -> None:
    from alongside.peergroups.permissions import can_see_members

    check_others_do_not_read(world, claim)
    check_plans_are_yours(world, claim)
    for actor in ("admin", "supervisor"):
        assert not can_see_members(world.people[actor], world.group), actor
        assert TABLE["names"][actor] == "—"
        assert TABLE["rsvps"][actor] == "—"
    # Whoever handles an alert about a group sees who is in it, as the claim says.
    assert TABLE["names"]["handler"] == "read"
    assert "while they handle an alert" in claim.text


def check_employer_can_see(world: World, claim: Claim) -> None:
    from alongside.peergroups.permissions import can_manage_requests
    from alongside.safety.permissions import can_read_report_notes, can_see_queue

    admin = world.people["admin"]
    assert can_manage_requests(admin, world.group)
    assert can_see_queue(admin, world.group)
    assert not can_read_report_notes(admin, world.group)
    assert TABLE["requests"]["admin"] == "read"
    assert TABLE["held"]["admin"] == "labels"
    assert TABLE["incidents"]["admin"] in READS
    assert TABLE["incidents"]["supervisor"] in READS


def check_secure_staff(world: World, claim: Claim) -> None:
    check_others_do_not_read(world, claim)


def check_secure_meetings(world: World, claim: Claim) -> None:
    from alongside.meetings.permissions import (
        can_download_calendar,
        can_see_address,
        can_see_joining_details,
    )

    member = world.people["member"]
    assert can_see_joining_details(member, world.group)
    assert not can_see_address(member, world.group)
    assert not can_download_calendar(member, world.group)


def check_secure_one_to_one(world: World, claim: Claim) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from alongside.buddying import actions as buddying_actions
    from alongside.buddying.pair_policy import policy_for
    from alongside.buddying.permissions import meetings_overseen_by
    from alongside.buddying.tests.factories import matched

    assert policy_for(world.organisation).is_in_person_only
    match = matched(world.organisation)
    assert match.conversation is None
    meeting = buddying_actions.plan_meeting(
        person=match.supporter,
        match=match,
        starts_at=timezone.now() + timedelta(days=1),
        minutes=60,
        format="in_person",
    )
    buddying_actions.agree_to_meeting(person=match.peer, meeting=meeting)
    assert meeting in meetings_overseen_by(world.people["admin"], world.organisation)
    assert not meetings_overseen_by(world.people["member"], world.organisation)


def _client(person: Person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def _link_shown_as_link(world: World) -> bool:
    post = _thread_post(
        world, world.people["member"], "See https://example.org/checked-link"
    )
    page = (
        _client(world.people["member"])
        .get(
            reverse(
                "conversations:thread-detail", args=[world.group.pk, post.thread_id]
            )
        )
        .content.decode()
    )
    assert "example.org/checked-link" in page
    return 'href="https://example.org/checked-link"' in page


def _link_post_is_held(world: World) -> bool:
    from alongside.conversations import actions as conversation_actions

    thread = conversation_actions.start_thread(
        person=world.people["member"],
        group=world.group,
        title="A link",
        kind="sharing",
        body="Have a look at https://example.org/another",
        content_warning="",
        content_warning_text="",
        client_id=uuid.uuid4(),
    )
    return bool(thread.posts.filter(status=PostStatus.HELD).exists())


def check_links_on(world: World, claim: Claim) -> None:
    assert _link_shown_as_link(world)
    assert not _link_post_is_held(world)


def check_links_off(world: World, claim: Claim) -> None:
    assert not _link_shown_as_link(world)
    assert _link_post_is_held(world)


def check_who_starts_groups(world: World, claim: Claim) -> None:
    from alongside.organisations.permissions import can_create_group

    may = {
        actor: can_create_group(world.people[actor], world.organisation)
        for actor in ("member", "facilitator", "supervisor", "admin")
    }
    if "anyone in" in claim.text:
        expected = dict.fromkeys(may, True)
    elif re.search(r"the admins of .* only\.", claim.text):
        expected = {**dict.fromkeys(may, False), "admin": True}
    else:
        assert "facilitators, supervisors and admins" in claim.text, claim.text
        expected = {**dict.fromkeys(may, True), "member": False}
    assert may == expected


CHECKS: dict[str, Callable[[World, Claim], None]] = {
    "members-read": check_members_read,
    "facilitators-read": check_facilitators_read,
    "facilitators-are-staff": check_facilitators_are_staff,
    "facilitators-may-be-peers": check_facilitators_may_be_peers,
    "joining-and-leaving": check_joining_and_leaving,
    "others-do-not-read": check_others_do_not_read,
    "risk-to-life": check_risk_to_life,
    "only-facilitator": check_only_facilitator,
    "reads-are-recorded": check_reads_are_recorded,
    "plans-are-yours": check_plans_are_yours,
    "peers-may-message-team": check_peers_may_message_team,
    "team-starts-private": check_team_starts_private,
    "private-readers": check_private_readers,
    "live-kept": check_live_kept,
    "threads-kept": check_threads_kept,
    "safety-kept": check_safety_kept,
    "employer-cannot-see": check_employer_cannot_see,
    "employer-can-see": check_employer_can_see,
    "secure-staff": check_secure_staff,
    "secure-meetings": check_secure_meetings,
    "secure-one-to-one": check_secure_one_to_one,
    "links-on": check_links_on,
    "links-off": check_links_off,
    "who-starts-groups": check_who_starts_groups,
}


# --- The variants: each kind's defaults, then each switch changed -----------------


def _other_values(name: str, default: object) -> list[object]:
    if isinstance(default, bool):
        return [not default]
    if name == "group_creation":
        return [value for value in GroupCreation.values if value != default]
    return [Retention.KEEP if default != Retention.KEEP else Retention.DAYS_30]


def variants() -> list[tuple[str, str, dict[str, object]]]:
    found: list[tuple[str, str, dict[str, object]]] = []
    for kind, defaults in KIND_DEFAULTS.items():
        found.append((kind, "defaults", {}))
        for name in POLICY_SWITCHES:
            for value in _other_values(name, defaults[name]):
                found.append((kind, f"{name}={value}", {name: value}))
    return found


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("kind", "change", "switches"),
    variants(),
    ids=[f"{kind}-{change}" for kind, change, _ in variants()],
)
def test_every_sentence_of_the_statement_holds(
    kind: str, change: str, switches: dict[str, object], settings: Any
) -> None:
    settings.ALONGSIDE_RATE_LIMITS = {}
    world = build_world(kind)
    Organisation.objects.filter(pk=world.organisation.pk).update(**switches)
    world.refresh()

    claims = [
        claim
        for section in statement_for(world.organisation)
        for claim in section.claims
    ]

    assert {claim.key for claim in claims} <= set(CHECKS), "a claim with no check"
    for claim in claims:
        CHECKS[claim.key](world, claim)
        world.refresh()


def test_every_switch_of_the_organisation_is_a_policy_switch_or_said_not_to_be() -> (
    None
):
    """A new switch on the model must join POLICY_SWITCHES (so kinds set it and
    this test's variants change it) or be named here with why it is no policy."""
    not_policy = {
        "name",
        "slug",
        "setting",  # the kind itself: each kind is checked
        "about",
        "confidentiality_statement",  # the organisation's own words
        "search_words",  # finding groups, not what happens to anyone's words
        "is_open_for_signup",  # who may join, not what happens to their words
        "created_at",
    }
    fields = {
        field.name
        for field in Organisation._meta.concrete_fields
        if not field.primary_key
    }
    assert fields - not_policy == set(POLICY_SWITCHES)


@pytest.mark.parametrize("kind", list(Setting))
@pytest.mark.parametrize("name", POLICY_SWITCHES)
def test_changing_a_switch_changes_the_statement(kind: str, name: str) -> None:
    """Where a switch changes what the code does, the statement changes with it.
    The one switch a kind overrides (a secure service's team starts every private
    conversation) changes neither."""
    organisation = actions.create_organisation(
        name="Checked service", slug="checked", setting=kind
    )
    before = statement_text(organisation)
    for value in _other_values(name, KIND_DEFAULTS[kind][name]):
        setattr(organisation, name, value)
        after = statement_text(organisation)
        if kind == Setting.SECURE and name == "peers_may_message_team":
            assert after == before
        else:
            assert after != before, (kind, name, value)


@pytest.mark.parametrize("kind", list(Setting))
def test_the_statement_says_nothing_of_what_alongside_does_not_have(
    kind: str,
) -> None:
    organisation = actions.create_organisation(
        name="Checked service", slug="checked", setting=kind
    )

    text = statement_text(organisation).lower()

    for absent in ("picture", "image", "photo", "direct message", "has agreed"):
        assert absent not in text
    assert "cannot read" not in text
