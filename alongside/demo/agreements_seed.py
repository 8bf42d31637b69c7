"""The living-with-loss group's agreement for the demo: organisation items,
proposals, a vote and the versions it made."""

from __future__ import annotations

from datetime import timedelta

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
from alongside.organisations.models import Organisation
from alongside.peergroups.models import PeerGroup


def seed_agreements(
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
