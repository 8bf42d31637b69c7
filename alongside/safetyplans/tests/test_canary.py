"""A canary crawl of My plan: a unique marker in every field of a plan (and in an
earlier version), then every page of ours, as the owner, the person it is shared
with, a link holder and every staff role (an escalation's handler included).

Markers may appear only on the owner's own pages and download, and in live shares:
the named person's copy and the link's. Earlier versions reach nobody but the owner.
After the shares are stopped they reach nobody else at all. Nothing in any log
record or email.
"""

from __future__ import annotations

import itertools
import logging
import re
import uuid
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.conversations.tests.factories import thread_with_post
from alongside.core.tests.test_url_policy import _route_parameters, our_url_names
from alongside.organisations.models import Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.peergroups.models import GroupRole
from alongside.peergroups.tests.factories import MembershipFactory, PeerGroupFactory
from alongside.peergroups.tests.states import alert_about_group
from alongside.safety.models import Escalation
from conftest import gave_password_again, person_with_role

from .. import actions
from ..models import PlanShare, PlanVersion
from ..sections import SECTIONS
from .factories import plan_with_canaries, share_with

MARKER = re.compile(r"CANARY-plan-[0-9a-f]{8}")

pytestmark = pytest.mark.django_db


def _people() -> tuple[dict[str, Person | None], Any]:
    organisation = OrganisationFactory.create()
    group = PeerGroupFactory.create(organisation=organisation)
    people: dict[str, Person | None] = {"anonymous": None}
    people["owner"] = person_with_role(organisation, Role.PEER)
    people["supporter"] = person_with_role(organisation, Role.PEER_SUPPORTER)
    people["member"] = person_with_role(organisation, Role.PEER)
    people["facilitator"] = person_with_role(
        organisation, Role.FACILITATOR, second_factor=True
    )
    people["supervisor"] = person_with_role(
        organisation, Role.SUPERVISOR, second_factor=True
    )
    people["handler"] = person_with_role(
        organisation, Role.SUPERVISOR, second_factor=True
    )
    people["admin"] = person_with_role(organisation, Role.ADMIN, second_factor=True)
    people["outsider"] = person_with_role(OrganisationFactory.create(), Role.ADMIN)
    for name in ("owner", "member"):
        MembershipFactory.create(group=group, person=people[name])
    MembershipFactory.create(
        group=group, person=people["facilitator"], role=GroupRole.FACILITATOR
    )
    return people, group


def _urls(values: dict[str, list[Any]]) -> list[str]:
    urls = []
    for name in sorted(our_url_names()):
        parameters = _route_parameters(name)
        options = [values.get(p, []) for p in parameters]
        for combination in itertools.product(*options):
            urls.append(
                reverse(name, kwargs=dict(zip(parameters, combination, strict=True)))
            )
    return sorted(set(urls))


def _crawl(
    people: dict[str, Person | None], urls: list[str]
) -> dict[str, dict[str, str]]:
    """actor -> {marker: where it was seen}"""
    seen: dict[str, dict[str, str]] = {}
    for actor, person in people.items():
        client = Client()
        if person is not None:
            client.force_login(person)
        seen[actor] = {}
        for url in urls:
            response = client.get(url)
            assert response.status_code < 500, (actor, url)
            body = response.getvalue().decode(errors="replace")
            for marker in MARKER.findall(body):
                seen[actor].setdefault(marker, url)
    return seen


def test_a_plan_is_seen_only_by_its_owner_and_live_shares(
    caplog: pytest.LogCaptureFixture,
) -> None:
    people, group = _people()
    owner, supporter = people["owner"], people["supporter"]
    assert owner is not None and supporter is not None
    markers: set[str] = set()

    def marker() -> str:
        text = f"CANARY-plan-{uuid.uuid4().hex[:8]}"
        markers.add(text)
        return text

    plan = plan_with_canaries(owner, marker)
    named = share_with(owner, supporter)
    link = PlanShare.objects.get(plan=plan, token_digest__isnull=False)
    handler = people["handler"]
    assert handler is not None
    post = thread_with_post(group, owner).posts.get()
    # An escalation about the owner's own post reached the handler: it opens the
    # post, never the plan.
    Escalation.objects.create(
        organisation=group.organisation, group=group, post=post, person_at_risk=owner
    )
    alert_about_group(group, handler)
    current = set(MARKER.findall(plan.versions.first().content))  # type: ignore[union-attr]
    earlier = markers - current - {link.shown_as}
    assert earlier, "an earlier version holds markers the current one does not"
    values: dict[str, list[Any]] = {
        "section": [section.key for section in SECTIONS],
        "layout": ["a4", "card", "large"],
        "version_number": list(
            PlanVersion.objects.filter(plan=plan).values_list("number", flat=True)
        ),
        "share_id": [named.pk, link.pk],
        "token": [link.token],
        "group_id": [group.pk],
        "thread_id": [post.thread_id],
        "post_id": [post.pk],
        "slug": [group.organisation.slug],
        "organisation_slug": [group.organisation.slug],
    }
    urls = _urls(values)
    caplog.set_level(logging.DEBUG)
    caplog.clear()

    seen = _crawl(people, urls)

    assert set(seen["owner"]) == markers, sorted(markers - set(seen["owner"]))
    # The named person sees the plan as it is now through their share, and anyone
    # (signed in or not) through the link; never an earlier version.
    through_share = {
        m: u for m, u in seen["supporter"].items() if "/shared-plan/" not in u
    }
    assert set(through_share) == current
    assert all("/plans-shared-with-me/" in u for u in through_share.values())
    assert set(seen["anonymous"]) == current | {link.shown_as}
    assert all("/shared-plan/" in u for u in seen["anonymous"].values())
    # A person signed in holds the link as well as anyone: the link is a bearer's.
    for actor in (
        "member",
        "facilitator",
        "supervisor",
        "handler",
        "admin",
        "outsider",
    ):
        leaked = {m: u for m, u in seen[actor].items() if "/shared-plan/" not in u}
        assert not leaked, (actor, leaked)

    # The owner's download holds every marker; nobody else's holds any.
    download = Client()
    download.force_login(owner)
    gave_password_again(download)
    owned = download.get(reverse("privacy:data-json")).getvalue().decode()
    assert set(MARKER.findall(owned)) == markers
    for actor in ("supporter", "facilitator", "admin"):
        client = Client()
        client.force_login(people[actor])  # type: ignore[arg-type]
        gave_password_again(client)
        assert not MARKER.findall(
            client.get(reverse("privacy:data-json")).getvalue().decode()
        )

    # Stopped shares reach nobody but the owner, at once.
    actions.revoke_share(person=owner, share=named)
    actions.revoke_share(person=owner, share=link)
    after = _crawl(people, urls)
    for actor, sightings in after.items():
        if actor != "owner":
            assert not sightings, (actor, sightings)
    assert set(after["owner"]) == markers

    records = " ".join(record.getMessage() for record in caplog.records)
    assert not MARKER.findall(records)
    emails = " ".join(f"{m.subject} {m.body}" for m in mail.outbox)
    assert not MARKER.findall(emails)
