"""Set-up for agreement tests: fast password hashing, and a group with an adopted
agreement (version 1) and a facilitator, to build on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache

from alongside.accounts.models import Person
from alongside.agreements import actions
from alongside.agreements.models import AgreementVersion, ChangeAction, Proposal
from alongside.organisations.models import Role
from alongside.peergroups.models import GroupRole, PeerGroup

from .factories import PeerGroupFactory, person_in


@pytest.fixture(autouse=True)
def fast_settings(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    cache.clear()


@dataclass
class Circle:
    group: PeerGroup
    facilitator: Person
    member: Person


@pytest.fixture
def circle(db: None) -> Circle:
    """A group with a facilitator (with a second factor) and one active member."""
    group = PeerGroupFactory.create()
    facilitator = person_in(
        group,
        role=GroupRole.FACILITATOR,
        org_role=Role.FACILITATOR,
        second_factor=True,
    )
    member = person_in(group)
    return Circle(group=group, facilitator=facilitator, member=member)


def adopt_first_version(circle: Circle) -> AgreementVersion:
    """Version 1 with two items and a breach section, everyone active agreeing."""
    proposal = actions.propose_changes(
        person=circle.facilitator,
        group=circle.group,
        changes=[
            actions.Change(ChangeAction.ADD, "Made-up item one."),
            actions.Change(ChangeAction.ADD, "Made-up item two.", "A made-up why."),
            actions.Change(ChangeAction.BREACH, "A quiet word first."),
        ],
        reason="Our first agreement.",
    )
    actions.respond_to_proposal(person=circle.member, proposal=proposal, choice="agree")
    return actions.adopt_proposal(person=circle.facilitator, proposal=proposal)


@pytest.fixture
def adopted(circle: Circle) -> AgreementVersion:
    return adopt_first_version(circle)


def open_proposal(circle: Circle, text: str = "A new made-up item.") -> Proposal:
    return actions.propose_changes(
        person=circle.member,
        group=circle.group,
        changes=[actions.Change(ChangeAction.ADD, text)],
        reason="A made-up reason.",
    )
