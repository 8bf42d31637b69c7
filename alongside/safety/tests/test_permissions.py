"""Role-by-state tables for every rule in safety/permissions/ (one module per concern).

Expectations come from docs/safety-model.md ("who may do what"); where the code and
the document disagreed, the document states the intended rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PersonFactory, give_second_factor
from alongside.conversations.models import Post, PostStatus
from alongside.organisations.models import Role
from alongside.organisations.tests.factories import OrganisationRoleFactory
from alongside.peergroups.models import GroupRole, PeerGroup
from alongside.peergroups.tests.factories import MembershipFactory, PeerGroupFactory
from alongside.peergroups.tests.states import person_in_state
from alongside.safety import permissions
from alongside.safety.models import (
    Escalation,
    EscalationStatus,
    Incident,
    ModerationDecision,
    PhraseRule,
)

from .policy_world import safety_objects

ACTORS = (
    "anonymous",
    "outsider",
    "org peer",
    "requested",
    "active",
    "paused",
    "left",
    "facilitator",
    "other facilitator",
    "supervisor",
    "org admin",
)


@dataclass
class World:
    """One group with someone else's shared post, a decision and an open escalation
    about it (that has reached nobody yet), an incident recorded by someone else and
    a phrase rule of the group's own."""

    group: PeerGroup
    post: Post
    decision: ModerationDecision
    escalation: Escalation
    incident: Incident
    rule: PhraseRule


def make_world() -> World:
    group = PeerGroupFactory.create()
    ids = safety_objects(group)
    return World(
        group=group,
        post=Post.objects.get(pk=ids["post_id"]),
        decision=ModerationDecision.objects.get(pk=ids["decision_id"]),
        escalation=Escalation.objects.get(pk=ids["escalation_id"]),
        incident=Incident.objects.get(pk=ids["incident_id"]),
        rule=PhraseRule.objects.get(pk=ids["rule_id"]),
    )


def actor(name: str, group: PeerGroup) -> Any:
    """A new person (or nobody signed in) standing as `name` towards the group."""
    if name == "anonymous":
        return AnonymousUser()
    if name == "other facilitator":
        # Staff in the same organisation, facilitating a different group.
        person = PersonFactory.create()
        OrganisationRoleFactory.create(
            organisation=group.organisation, person=person, role=Role.FACILITATOR
        )
        give_second_factor(person)
        MembershipFactory.create(
            group=PeerGroupFactory.create(organisation=group.organisation),
            person=person,
            role=GroupRole.FACILITATOR,
        )
        return person
    state = {"outsider": "other organisation", "org peer": "none"}.get(name, name)
    return person_in_state(state, group)


# ---- The rules, each asked about the world ----

Rule = Callable[[Any, World], bool]

RULE_CALLS: dict[str, Rule] = {
    "can_report": lambda person, world: permissions.can_report(person, world.post),
    "can_see_queue": lambda person, world: permissions.can_see_queue(
        person, world.group
    ),
    "can_moderate": lambda person, world: permissions.can_moderate(person, world.group),
    "can_read_report_notes": lambda person, world: permissions.can_read_report_notes(
        person, world.group
    ),
    "can_decide_on": lambda person, world: permissions.can_decide_on(
        person, world.post
    ),
    "can_go_on_duty": lambda person, world: permissions.can_go_on_duty(
        person, world.group.organisation
    ),
    "can_go_off_duty": lambda person, world: permissions.can_go_off_duty(
        person, world.group.organisation
    ),
    "can_acknowledge": lambda person, world: permissions.can_acknowledge(
        person, world.escalation
    ),
    "can_message_from_alert": lambda person, world: permissions.can_message_from_alert(
        person, world.escalation
    ),
    "reads escalated post": lambda person, world: (
        permissions.escalations_visible_to(person)
        .filter(pk=world.escalation.pk)
        .exists()
    ),
    "can_record_incident (any group)": lambda person, world: (
        permissions.can_record_incident(person, world.group.organisation)
    ),
    "can_record_incident (this group)": lambda person, world: (
        permissions.can_record_incident(person, world.group.organisation, world.group)
    ),
    "reads the group's incidents": lambda person, world: (
        permissions.incidents_visible_to(person, world.group.organisation)
        .filter(pk=world.incident.pk)
        .exists()
    ),
    "can_update_incident": lambda person, world: permissions.can_update_incident(
        person, world.incident
    ),
    "can_edit_escalation_chain": lambda person, world: (
        permissions.can_edit_escalation_chain(person, world.group.organisation)
    ),
    "can_edit_phrase_rules (organisation)": lambda person, world: (
        permissions.can_edit_phrase_rules(person, world.group.organisation)
    ),
    "can_edit_phrase_rules (group)": lambda person, world: (
        permissions.can_edit_phrase_rules(person, world.group.organisation, world.group)
    ),
    "can_open_phrase_rules": lambda person, world: permissions.can_open_phrase_rules(
        person, world.group.organisation
    ),
    "sees the group's phrase rule": lambda person, world: (
        permissions.phrase_rules_visible_to(person, world.group.organisation)
        .filter(pk=world.rule.pk)
        .exists()
    ),
    "reads the group's decisions": lambda person, world: (
        permissions.decisions_visible_to(person).filter(pk=world.decision.pk).exists()
    ),
    "can_reply_to_decision": lambda person, world: permissions.can_reply_to_decision(
        person, world.decision
    ),
    "can_redact_own_post": lambda person, world: permissions.can_redact_own_post(
        person, world.post
    ),
    "can_appeal": lambda person, world: permissions.can_appeal(person, world.post),
    "can_read_queue_words": lambda person, world: permissions.can_read_queue_words(
        person, world.group
    ),
    "can_see_reports_on": lambda person, world: permissions.can_see_reports_on(
        person, world.post
    ),
    "reads_decision_as_staff": lambda person, world: (
        permissions.reads_decision_as_staff(person, world.decision)
    ),
    "can_open_post_from_alert": lambda person, world: (
        permissions.can_open_post_from_alert(person, world.escalation)
    ),
    "reads_post_only_through_alert": lambda person, world: (
        permissions.reads_post_only_through_alert(person, world.escalation)
    ),
    "can_see_all_incidents": lambda person, world: permissions.can_see_all_incidents(
        person, world.group.organisation
    ),
}

# Y: allowed, .: not allowed. Columns follow ACTORS. The post is someone else's:
# nobody in these columns wrote it (authors have their own table below).
#                                            an ou pe rq ac pa le fa of su ad
RULES: dict[str, str] = {
    "can_report":                           ".  .  .  .  Y  Y  .  Y  .  .  .",
    "can_see_queue":                        ".  .  .  .  .  .  .  Y  .  .  Y",
    "can_moderate":                         ".  .  .  .  .  .  .  Y  .  .  .",
    "can_decide_on":                        ".  .  .  .  .  .  .  Y  .  .  .",
    "can_read_report_notes":                ".  .  .  .  .  .  .  Y  .  .  .",
    "can_go_on_duty":                       ".  .  .  .  .  .  .  Y  Y  Y  Y",
    "can_go_off_duty":                      ".  .  .  .  .  .  .  Y  Y  Y  Y",
    "can_acknowledge":                      ".  .  .  .  .  .  .  Y  .  .  .",
    "can_message_from_alert":               ".  .  .  .  .  .  .  Y  .  .  .",
    "reads escalated post":                 ".  .  .  .  .  .  .  Y  .  .  .",
    "can_record_incident (any group)":      ".  .  .  .  .  .  .  Y  Y  Y  Y",
    "can_record_incident (this group)":     ".  .  .  .  .  .  .  Y  .  Y  Y",
    "reads the group's incidents":          ".  .  .  .  .  .  .  Y  .  Y  Y",
    "can_update_incident":                  ".  .  .  .  .  .  .  Y  .  Y  Y",
    "can_edit_escalation_chain":            ".  .  .  .  .  .  .  .  .  .  Y",
    "can_edit_phrase_rules (organisation)": ".  .  .  .  .  .  .  .  .  .  Y",
    "can_edit_phrase_rules (group)":        ".  .  .  .  .  .  .  Y  .  .  Y",
    "can_open_phrase_rules":                ".  .  .  .  .  .  .  Y  Y  .  Y",
    "sees the group's phrase rule":         ".  .  .  .  .  .  .  Y  .  .  Y",
    "reads the group's decisions":          ".  .  .  .  .  .  .  Y  .  .  .",
    "can_reply_to_decision":                ".  .  .  .  .  .  .  .  .  .  .",
    "can_redact_own_post":                  ".  .  .  .  .  .  .  .  .  .  .",
    "can_appeal":                           ".  .  .  .  .  .  .  .  .  .  .",
    # Words in the queue for its facilitators; labels only for an admin.
    "can_read_queue_words":                 ".  .  .  .  .  .  .  Y  .  .  .",
    "can_see_reports_on":                   ".  .  .  .  .  .  .  Y  .  .  Y",
    # Asked of those who may see the decision: anyone but its post's author.
    "reads_decision_as_staff":              ".  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y",
    # An alert links to the post only for members who read the group anyway;
    # anyone else it reaches reads the post through the alert, which is logged.
    "can_open_post_from_alert":             ".  .  .  .  Y  Y  .  Y  .  .  .",
    "reads_post_only_through_alert":        "Y  Y  Y  Y  .  .  Y  .  Y  Y  Y",
    "can_see_all_incidents":                ".  .  .  .  .  .  .  .  .  Y  Y",
}  # fmt: skip

# An escalation that has moved up the chain to the person: staff who were alerted
# read the post (logged by the view) and may acknowledge, wherever they work.
#                                            an ou pe rq ac pa le fa of su ad
REACHED_THEM: dict[str, str] = {
    "can_acknowledge":                      ".  .  .  .  .  .  .  Y  Y  Y  Y",
    "can_message_from_alert":               ".  .  .  .  .  .  .  Y  Y  Y  Y",
    "reads escalated post":                 ".  .  .  .  .  .  .  Y  Y  Y  Y",
}  # fmt: skip

# Once someone has acknowledged, nobody acknowledges again; the record stays readable.
#                                            an ou pe rq ac pa le fa of su ad
ACKNOWLEDGED: dict[str, str] = {
    "can_acknowledge":                      ".  .  .  .  .  .  .  .  .  .  .",
    "can_message_from_alert":               ".  .  .  .  .  .  .  Y  .  .  .",
    "reads escalated post":                 ".  .  .  .  .  .  .  Y  .  .  .",
}  # fmt: skip

# The author of a held post, in each state of membership.
AUTHOR_STATES = ("active", "paused", "left")
#                                            ac pa le
AUTHOR_RULES: dict[str, str] = {
    "can_redact_own_post":                  "Y  .  .",
    "can_appeal":                           "Y  Y  .",
    "can_reply_to_decision":                "Y  Y  Y",
    "can_report":                           ".  .  .",
    "can_decide_on":                        ".  .  .",
    "can_see_reports_on":                   ".  .  .",
    "reads_decision_as_staff":              ".  .  .",
}  # fmt: skip

# check_* raises exactly when the rule says no; 404 where even the refusal would
# tell someone outside the staff that the place exists.
CHECKS: dict[str, tuple[str, type[Exception]]] = {
    "can_report": ("check_report", PermissionDenied),
    "can_see_queue": ("check_see_queue", PermissionDenied),
    "can_moderate": ("check_moderate", PermissionDenied),
    "can_decide_on": ("check_decide_on", PermissionDenied),
    "can_go_on_duty": ("check_go_on_duty", Http404),
    "can_go_off_duty": ("check_go_off_duty", Http404),
    "can_acknowledge": ("check_acknowledge", PermissionDenied),
    "can_message_from_alert": ("check_message_from_alert", PermissionDenied),
    "can_record_incident (this group)": ("check_record_incident", Http404),
    "can_update_incident": ("check_update_incident", Http404),
    "can_edit_escalation_chain": ("check_edit_escalation_chain", Http404),
    "can_edit_phrase_rules (group)": ("check_edit_phrase_rules", PermissionDenied),
    "can_open_phrase_rules": ("check_open_phrase_rules", Http404),
    "can_reply_to_decision": ("check_reply_to_decision", PermissionDenied),
    "can_redact_own_post": ("check_redact_own_post", PermissionDenied),
    "can_appeal": ("check_appeal", PermissionDenied),
}


def table(
    rules: dict[str, str], columns: tuple[str, ...] = ACTORS
) -> list[tuple[str, str, bool]]:
    rows: list[tuple[str, str, bool]] = []
    for name, marks in rules.items():
        values = marks.split()
        assert len(values) == len(columns), name
        rows.extend(
            (name, column, value == "Y")
            for column, value in zip(columns, values, strict=True)
        )
    return rows


def _defined_here(prefix: str) -> set[str]:
    return {
        name
        for name, value in vars(permissions).items()
        if name.startswith(prefix)
        and getattr(value, "__module__", "").startswith(permissions.__name__)
    }


def test_tables_cover_every_public_rule() -> None:
    assert _defined_here("can_") <= {name.split(" ")[0] for name in RULES}
    assert _defined_here("check_") == {check for check, _ in CHECKS.values()}


@pytest.mark.django_db
@pytest.mark.parametrize(("rule", "actor_name", "expected"), table(RULES))
def test_rule_by_actor(rule: str, actor_name: str, expected: bool) -> None:
    world = make_world()
    person = actor(actor_name, world.group)

    assert RULE_CALLS[rule](person, world) is expected


@pytest.mark.django_db
@pytest.mark.parametrize(("rule", "actor_name", "expected"), table(REACHED_THEM))
def test_escalation_that_reached_them(
    rule: str, actor_name: str, expected: bool
) -> None:
    world = make_world()
    person = actor(actor_name, world.group)
    staff = [
        candidate
        for candidate in [person]
        if isinstance(candidate, Person)
        and permissions.can_go_on_duty(candidate, world.group.organisation)
    ]
    # Only staff are ever alerted: chain steps and people on duty are staff.
    world.escalation.alerted.add(*staff)

    assert RULE_CALLS[rule](person, world) is expected


@pytest.mark.django_db
@pytest.mark.parametrize(("rule", "actor_name", "expected"), table(ACKNOWLEDGED))
def test_escalation_once_acknowledged(
    rule: str, actor_name: str, expected: bool
) -> None:
    world = make_world()
    Escalation.objects.filter(pk=world.escalation.pk).update(
        status=EscalationStatus.ACKNOWLEDGED
    )
    world.escalation.refresh_from_db()
    person = actor(actor_name, world.group)

    assert RULE_CALLS[rule](person, world) is expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("rule", "state", "expected"), table(AUTHOR_RULES, AUTHOR_STATES)
)
def test_author_of_a_held_post_by_state(rule: str, state: str, expected: bool) -> None:
    world = make_world()
    Post.objects.filter(pk=world.post.pk).update(status=PostStatus.HELD)
    world.post.refresh_from_db()
    author = world.post.author
    assert author is not None
    author.memberships.filter(group=world.group).update(status=state)

    assert RULE_CALLS[rule](author, world) is expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("rule", "actor_name", "expected"),
    [row for row in table(RULES) if row[0] in CHECKS],
)
def test_check_raises_exactly_when_rule_says_no(
    rule: str, actor_name: str, expected: bool
) -> None:
    world = make_world()
    person = actor(actor_name, world.group)
    check_name, refusal = CHECKS[rule]
    arguments = {
        "check_report": (world.post,),
        "check_see_queue": (world.group,),
        "check_moderate": (world.group,),
        "check_decide_on": (world.post,),
        "check_go_on_duty": (world.group.organisation,),
        "check_go_off_duty": (world.group.organisation,),
        "check_acknowledge": (world.escalation,),
        "check_message_from_alert": (world.escalation,),
        "check_record_incident": (world.group.organisation, world.group),
        "check_update_incident": (world.incident,),
        "check_edit_escalation_chain": (world.group.organisation,),
        "check_edit_phrase_rules": (world.group.organisation, world.group),
        "check_open_phrase_rules": (world.group.organisation,),
        "check_reply_to_decision": (world.decision,),
        "check_redact_own_post": (world.post,),
        "check_appeal": (world.post,),
    }[check_name]
    check = getattr(permissions, check_name)

    if expected:
        check(person, *arguments)
    else:
        with pytest.raises(refusal):
            check(person, *arguments)


# A post written by one of the group's facilitators: nobody decides about their own
# post. With another facilitator in the group, they decide; when the author is the
# group's only facilitator, an organisation admin does, so it never waits for nobody.
DECIDERS = ("author", "facilitator", "supervisor", "org admin")
#                                            au fa su ad
FACILITATORS_OWN_POST: dict[str, str] = {
    "another facilitator in the group":     ".  Y  .  .",
    "the author facilitates alone":         ".  -  .  Y",
}  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("situation", "who", "expected"),
    [
        (situation, who, mark == "Y")
        for situation, marks in FACILITATORS_OWN_POST.items()
        for who, mark in zip(DECIDERS, marks.split(), strict=True)
        if mark != "-"
    ],
)
def test_nobody_decides_about_their_own_post(
    situation: str, who: str, expected: bool
) -> None:
    world = make_world()
    author = world.post.author
    assert author is not None
    author.memberships.filter(group=world.group).update(role=GroupRole.FACILITATOR)
    people = {"author": author}
    if situation == "another facilitator in the group":
        people["facilitator"] = actor("facilitator", world.group)
    person = people.get(who) or actor(who, world.group)

    assert permissions.can_decide_on(person, world.post) is expected
    if expected:
        permissions.check_decide_on(person, world.post)
    else:
        with pytest.raises(PermissionDenied):
            permissions.check_decide_on(person, world.post)


# People whose own situation turns a rule: the person an alert is about, who
# facilitates the group (staff need support too), and the author of the decided post
# who has already replied to the decision once.
SELF_ACTORS = ("at risk", "already replied")
#                                            ar rp
ABOUT_THEMSELVES: dict[str, str] = {
    "can_acknowledge":                      ".  .",
    "can_decide_on":                        ".  .",
    "can_report":                           ".  .",
    "can_moderate":                         "Y  .",
    "reads escalated post":                 "Y  .",
    "can_reply_to_decision":                "Y  .",
    # A facilitator reads the words in their group's queue, but never the reports
    # about their own post, and opens their own decision as its author.
    "can_read_queue_words":                 "Y  .",
    "can_see_reports_on":                   ".  .",
    "reads_decision_as_staff":              ".  .",
}  # fmt: skip


def self_actor(name: str, world: World) -> Person:
    """The post's author, who is the person at risk in the world's escalation."""
    author = world.post.author
    assert author is not None and author.pk == world.escalation.person_at_risk_id
    if name == "at risk":
        author.roles.filter(organisation=world.group.organisation).update(
            role=Role.FACILITATOR
        )
        give_second_factor(author)
        author.memberships.filter(group=world.group).update(role=GroupRole.FACILITATOR)
    else:
        ModerationDecision.objects.filter(pk=world.decision.pk).update(
            replied_at=world.decision.created_at
        )
        world.decision.refresh_from_db()
    return author


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("rule", "actor_name", "expected"), table(ABOUT_THEMSELVES, SELF_ACTORS)
)
def test_rules_about_the_person_themselves(
    rule: str, actor_name: str, expected: bool
) -> None:
    world = make_world()
    person = self_actor(actor_name, world)

    assert RULE_CALLS[rule](person, world) is expected


@pytest.mark.django_db
def test_the_person_at_risk_never_acknowledges_an_alert_that_reached_them() -> None:
    world = make_world()
    person = self_actor("at risk", world)
    world.escalation.alerted.add(person)

    assert permissions.can_acknowledge(person, world.escalation) is False
    with pytest.raises(PermissionDenied):
        permissions.check_acknowledge(person, world.escalation)
