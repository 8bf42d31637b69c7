"""Every URL of ours, with every kind of person, for GET and POST.

The table below is the policy: for each URL name, the status code each actor gets.
A new view cannot be added without a decision here, because
`test_every_url_has_a_policy` walks the URL resolver and fails on any name that is
missing from the table. No probe may ever end in a server error.

302 for anonymous means "sent to sign in". 404 means "we do not say whether this
exists"; 403 means "you can see this group, but this is not for you"; 405 means the
view does not accept that method.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation
from alongside.organisations.tests.factories import (
    InvitationFactory,
    OrganisationFactory,
    SupportServiceFactory,
)
from alongside.peergroups.models import JoinPolicy, Membership, PeerGroup, Status
from alongside.peergroups.tests.factories import MembershipFactory, PeerGroupFactory
from alongside.peergroups.tests.states import person_in_state

NAMESPACES = (
    "core",
    "accounts",
    "organisations",
    "peergroups",
    "notifications",
    "safety",
)

ACTORS = (
    "anonymous",
    "outsider",  # a peer of another organisation
    "peer",  # in the organisation, not in the group
    "requested",
    "member",
    "paused",
    "left",
    "facilitator",  # the group's facilitator
    "admin",  # the organisation's admin, not in the group
    "supervisor",  # not in the group
)

# How each actor is made, relative to the group being probed.
ACTOR_STATES = {
    "outsider": "other organisation",
    "peer": "none",
    "requested": "requested",
    "member": "active",
    "paused": "paused",
    "left": "left",
    "facilitator": "facilitator",
    "admin": "org admin",
    "supervisor": "supervisor",
}

# Columns follow ACTORS:
#   anon  outs  peer  req   mem   paus  left  faci  admn  supv
_OPEN_TO_ALL = (200, 200, 200, 200, 200, 200, 200, 200, 200, 200)
_SIGNED_IN = (302, 200, 200, 200, 200, 200, 200, 200, 200, 200)
_IN_ORGANISATION = (302, 404, 200, 200, 200, 200, 200, 200, 200, 200)
_ADMIN_PAGE = (302, 404, 404, 404, 404, 404, 404, 404, 200, 404)
_ADMIN_DONE = (302, 404, 404, 404, 404, 404, 404, 404, 302, 404)
_NO_GET = (302, 405, 405, 405, 405, 405, 405, 405, 405, 405)
_NO_POST = (302, 405, 405, 405, 405, 405, 405, 405, 405, 405)
_NO_POST_PUBLIC = (405, 405, 405, 405, 405, 405, 405, 405, 405, 405)

POLICY: dict[str, dict[str, tuple[int, ...]]] = {
    "core:home": {
        "GET": _OPEN_TO_ALL,
        "POST": _NO_POST_PUBLIC,
    },
    "accounts:settings": {
        "GET": _SIGNED_IN,
        "POST": (302, 302, 302, 302, 302, 302, 302, 302, 302, 302),
    },
    "accounts:second-factor-continue": {
        "GET": (302, 302, 302, 302, 302, 302, 302, 302, 302, 302),
        "POST": _NO_POST,
    },
    "organisations:help": {
        "GET": _OPEN_TO_ALL,
        "POST": _NO_POST_PUBLIC,
    },
    "organisations:organisation-detail": {
        "GET": _IN_ORGANISATION,
        "POST": _NO_POST,
    },
    "organisations:confidentiality": {
        "GET": _IN_ORGANISATION,
        "POST": _NO_POST,
    },
    "organisations:settings-edit": {"GET": _ADMIN_PAGE, "POST": _ADMIN_DONE},
    "organisations:invitation-list": {"GET": _ADMIN_PAGE, "POST": _ADMIN_DONE},
    "organisations:invitation-revoke": {"GET": _NO_GET, "POST": _ADMIN_DONE},
    "organisations:directory-manage": {"GET": _ADMIN_PAGE, "POST": _ADMIN_DONE},
    "organisations:directory-edit": {"GET": _ADMIN_PAGE, "POST": _ADMIN_DONE},
    "organisations:directory-remove": {"GET": _NO_GET, "POST": _ADMIN_DONE},
    "peergroups:group-list": {
        "GET": _SIGNED_IN,
        "POST": _NO_POST,
    },
    "peergroups:group-create": {
        #       anon  outs  peer  req   mem   paus  left  faci  admn  supv
        "GET": (302, 404, 404, 404, 404, 404, 404, 200, 200, 200),
        "POST": (302, 404, 404, 404, 404, 404, 404, 302, 302, 302),
    },
    "peergroups:group-detail": {
        "GET": _IN_ORGANISATION,
        "POST": _NO_POST,
    },
    "peergroups:group-join": {
        #       anon  outs  peer  req   mem   paus  left  faci  admn  supv
        "GET": (302, 404, 200, 302, 302, 302, 200, 302, 200, 200),
        "POST": (302, 404, 302, 302, 302, 302, 302, 302, 302, 302),
    },
    "peergroups:membership-pause": {
        "GET": _NO_GET,
        "POST": (302, 404, 403, 403, 302, 403, 403, 302, 403, 403),
    },
    "peergroups:membership-return": {
        # The probed group asks first: someone who left asks again (group-join)
        # rather than walking back in; only a paused member comes back here.
        "GET": _NO_GET,
        "POST": (302, 404, 403, 403, 403, 302, 403, 403, 403, 403),
    },
    "peergroups:group-leave": {
        #       anon  outs  peer  req   mem   paus  left  faci  admn  supv
        "GET": (302, 404, 403, 200, 200, 200, 403, 200, 403, 403),
        "POST": (302, 404, 403, 302, 302, 302, 403, 302, 403, 403),
    },
    "peergroups:leave-feedback": {
        "GET": (302, 404, 403, 403, 403, 403, 200, 403, 403, 403),
        "POST": (302, 404, 403, 403, 403, 403, 302, 403, 403, 403),
    },
    "peergroups:display-name-edit": {
        "GET": (302, 404, 403, 403, 200, 200, 403, 200, 403, 403),
        "POST": (302, 404, 403, 403, 302, 302, 403, 302, 403, 403),
    },
    "peergroups:request-list": {
        "GET": (302, 404, 403, 403, 403, 403, 403, 200, 200, 403),
        "POST": _NO_POST,
    },
    "peergroups:request-approve": {
        "GET": _NO_GET,
        "POST": (302, 404, 403, 403, 403, 403, 403, 302, 302, 403),
    },
    "peergroups:request-decline": {
        "GET": _NO_GET,
        "POST": (302, 404, 403, 403, 403, 403, 403, 302, 302, 403),
    },
    "notifications:inbox": {
        "GET": _SIGNED_IN,
        "POST": _NO_POST,
    },
    "notifications:inbox-read": {
        "GET": _NO_GET,
        "POST": (302, 302, 302, 302, 302, 302, 302, 302, 302, 302),
    },
    # Safety. The post probed is someone else's shared post in the group; the
    # decision, escalation and incident are about it.
    "safety:post-report": {
        #       anon  outs  peer  req   mem   paus  left  faci  admn  supv
        "GET": (302, 404, 403, 403, 200, 200, 403, 200, 403, 403),
        "POST": (302, 404, 403, 403, 302, 302, 403, 302, 403, 403),
    },
    "safety:post-redact": {
        "GET": _NO_GET,
        "POST": (302, 404, 403, 403, 403, 403, 403, 403, 403, 403),
    },
    "safety:post-appeal": {
        "GET": (302, 404, 403, 403, 403, 403, 403, 403, 403, 403),
        "POST": (302, 404, 403, 403, 403, 403, 403, 403, 403, 403),
    },
    "safety:queue": {
        "GET": (302, 404, 403, 403, 403, 403, 403, 200, 200, 403),
        "POST": _NO_POST,
    },
    "safety:queue-decide": {
        "GET": (302, 404, 403, 403, 403, 403, 403, 200, 403, 403),
        "POST": (302, 404, 403, 403, 403, 403, 403, 302, 403, 403),
    },
    "safety:decision-detail": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 200, 404, 404),
        "POST": (302, 404, 404, 404, 404, 404, 404, 403, 404, 404),
    },
    "safety:duty": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 200, 200, 200),
        "POST": (302, 404, 404, 404, 404, 404, 404, 302, 302, 302),
    },
    "safety:escalation-detail": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 200, 404, 404),
        "POST": _NO_POST,
    },
    "safety:escalation-acknowledge": {
        "GET": _NO_GET,
        "POST": (302, 404, 404, 404, 404, 404, 404, 302, 404, 404),
    },
    "safety:chain-edit": {"GET": _ADMIN_PAGE, "POST": _ADMIN_DONE},
    "safety:incident-list": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 200, 200, 200),
        "POST": _NO_POST,
    },
    "safety:incident-create": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 200, 200, 200),
        "POST": (302, 404, 404, 404, 404, 404, 404, 302, 302, 302),
    },
    "safety:incident-detail": {
        "GET": (302, 404, 404, 404, 404, 404, 404, 200, 200, 200),
        "POST": _NO_POST,
    },
}

# Valid input for each form, so that allowed POSTs exercise the whole success path.
POST_DATA: dict[str, dict[str, Any]] = {
    "accounts:settings": {"email": ""},
    "organisations:settings-edit": {
        "name": "A renamed service",
        "about": "About us.",
        "confidentiality_statement": "What is shared here stays here.",
        "group_creation": "staff",
    },
    "organisations:invitation-list": {
        "label": "For a new colleague",
        "role": "peer",
        "max_uses": "1",
        "valid_for_days": "30",
    },
    "organisations:directory-manage": {
        "name": "A listening line",
        "purpose": "Someone to talk to.",
        "position": "1",
    },
    "organisations:directory-edit": {
        "name": "A listening line",
        "purpose": "Someone to talk to.",
        "position": "1",
    },
    "peergroups:group-create": {
        "name": "A new circle",
        "shared_experience": "Something we have in common.",
        "tags": "one, two",
        "format": "online",
        "join_policy": "open",
        "is_listed": "on",
    },
    "peergroups:group-join": {"display_name": "Fresh Name"},
    "peergroups:leave-feedback": {"text": ""},
    "peergroups:display-name-edit": {"display_name": "Another Name"},
    "safety:post-report": {"reason": "other"},
    "safety:post-appeal": {"note": ""},
    "safety:queue-decide": {"action": "publish", "reason": "It is fine."},
    "safety:decision-detail": {"reply": "Thank you."},
    "safety:chain-edit": {"minutes_before_moving_up": "10"},
    "safety:incident-create": {
        "category": "other",
        "severity": "low",
        "what_happened": "Written for the test.",
    },
}


def our_url_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns: list[Any], namespace: str | None) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or namespace
                walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and namespace in NAMESPACES:
                assert pattern.name, f"an unnamed URL in {namespace}: {pattern}"
                names.add(f"{namespace}:{pattern.name}")

    walk(get_resolver().url_patterns, None)
    return names


PROBES = [
    (name, method, actor, expected)
    for name, methods in POLICY.items()
    for method, statuses in methods.items()
    for actor, expected in zip(ACTORS, statuses, strict=True)
]
probes_run = 0


@dataclass
class World:
    organisation: Organisation
    group: PeerGroup
    pending: Membership

    def kwargs_for(self, name: str) -> dict[str, Any]:
        from alongside.safety.tests.policy_world import safety_objects

        parameters = _route_parameters(name)
        available = {
            "group_id": self.group.pk,
            "organisation_slug": self.organisation.slug,
            "slug": self.organisation.slug,
            "membership_id": self.pending.pk,
            "invitation_id": InvitationFactory.create(
                organisation=self.organisation
            ).pk,
            "service_id": SupportServiceFactory.create(
                organisation=self.organisation
            ).pk,
        }
        if {"post_id", "decision_id", "escalation_id", "incident_id"} & set(parameters):
            available |= safety_objects(self.group)
        return {key: available[key] for key in parameters}


def _route_parameters(name: str) -> list[str]:
    namespace, _, url_name = name.partition(":")
    _, resolver = get_resolver().namespace_dict[namespace]
    possibilities = resolver.reverse_dict.getlist(url_name)
    assert possibilities, name
    _, _, _, converters = possibilities[0]
    return list(converters)


def build_world() -> World:
    organisation = OrganisationFactory.create()
    group = PeerGroupFactory.create(
        organisation=organisation, join_policy=JoinPolicy.REQUEST
    )
    requester = person_in_state("none", group)
    pending = MembershipFactory.create(
        group=group, person=requester, status=Status.REQUESTED
    )
    return World(organisation=organisation, group=group, pending=pending)


def client_for_actor(actor: str, world: World) -> tuple[Client, Person | None]:
    client = Client()
    if actor == "anonymous":
        return client, None
    person = person_in_state(ACTOR_STATES[actor], world.group)
    client.force_login(person)
    return client, person


def test_every_url_has_a_policy() -> None:
    names = our_url_names()

    missing = names - set(POLICY)
    stale = set(POLICY) - names
    assert not missing, f"URLs with no policy decision: {sorted(missing)}"
    assert not stale, f"Policy entries for URLs that no longer exist: {sorted(stale)}"


def test_policy_rows_name_every_actor() -> None:
    for name, methods in POLICY.items():
        assert set(methods) == {"GET", "POST"}, name
        for statuses in methods.values():
            assert len(statuses) == len(ACTORS), name


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "method", "actor", "expected"), PROBES)
def test_url_answers_each_actor_as_the_policy_says(
    name: str, method: str, actor: str, expected: int
) -> None:
    global probes_run
    world = build_world()
    client, _ = client_for_actor(actor, world)
    url = reverse(name, kwargs=world.kwargs_for(name))

    if method == "GET":
        response = client.get(url)
    else:
        response = client.post(url, POST_DATA.get(name, {}))
    probes_run += 1

    assert response.status_code == expected, (
        f"{method} {name} as {actor}: {response.status_code}, expected {expected}"
    )
    if expected == 302:
        location = response.headers["Location"]
        signing_in = location.startswith(reverse("account_login"))
        assert signing_in is (actor == "anonymous"), location
        assert not location.startswith(reverse("mfa_activate_totp")), location


def test_probe_count(capsys: pytest.CaptureFixture[str]) -> None:
    assert len(PROBES) == len(POLICY) * 2 * len(ACTORS)
    assert len(PROBES) >= 500
    with capsys.disabled():
        print(
            f"\nURL x role policy: {len(POLICY)} URL names, {len(ACTORS)} actors, "
            f"{len(PROBES)} probes declared, {probes_run} run in this session."
        )
