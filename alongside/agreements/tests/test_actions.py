"""Consent rounds, adoption, versions, reviews and readings, through the actions."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from alongside.agreements import actions, permissions
from alongside.agreements.models import (
    AgreementVersion,
    ChangeAction,
    OrganisationItemKind,
    ProposalStatus,
    ResponseChoice,
)
from alongside.notifications.models import Notification
from alongside.organisations.models import Role
from alongside.peergroups.actions import leave_group
from alongside.peergroups.models import Status

from .conftest import Circle, adopt_first_version, open_proposal
from .factories import (
    PeerGroupFactory,
    item_worded,
    person_in,
    person_in_organisation,
)


def test_proposer_counts_as_agreeing(circle: Circle) -> None:
    proposal = open_proposal(circle)
    response = proposal.responses.get()
    assert response.person == circle.member
    assert response.choice == ResponseChoice.AGREE


def test_proposal_invites_active_members_but_not_paused_ones(
    circle: Circle, django_capture_on_commit_callbacks: Any
) -> None:
    paused = person_in(circle.group, status=Status.PAUSED)
    with django_capture_on_commit_callbacks(execute=True):
        open_proposal(circle)
    assert Notification.objects.filter(person=circle.facilitator).count() == 1
    assert Notification.objects.filter(person=paused).count() == 0
    assert Notification.objects.filter(person=circle.member).count() == 0
    assert "A new made-up item" not in Notification.objects.get().message


def test_paused_member_cannot_propose(circle: Circle) -> None:
    paused = person_in(circle.group, status=Status.PAUSED)
    with pytest.raises(PermissionDenied):
        actions.propose_changes(
            person=paused,
            group=circle.group,
            changes=[actions.Change(ChangeAction.ADD, "Made-up.")],
            reason="Made-up.",
        )


def test_outsider_cannot_respond_and_is_told_nothing_exists(circle: Circle) -> None:
    proposal = open_proposal(circle)
    outsider = person_in(PeerGroupFactory.create())
    with pytest.raises(Http404):
        actions.respond_to_proposal(person=outsider, proposal=proposal, choice="agree")


@pytest.mark.parametrize("choice", [ResponseChoice.CONCERN, ResponseChoice.OBJECT])
def test_concern_and_objection_need_a_reason(circle: Circle, choice: str) -> None:
    proposal = open_proposal(circle)
    with pytest.raises(ValidationError):
        actions.respond_to_proposal(
            person=circle.facilitator, proposal=proposal, choice=choice, reason="  "
        )


def test_unknown_choice_is_refused(circle: Circle) -> None:
    proposal = open_proposal(circle)
    with pytest.raises(ValidationError):
        actions.respond_to_proposal(
            person=circle.facilitator, proposal=proposal, choice="maybe"
        )


def test_an_objection_is_never_outvoted(circle: Circle) -> None:
    proposal = open_proposal(circle)
    objector = person_in(circle.group)
    for _ in range(5):
        supporter = person_in(circle.group)
        actions.respond_to_proposal(person=supporter, proposal=proposal, choice="agree")
    actions.respond_to_proposal(
        person=objector, proposal=proposal, choice="object", reason="Made-up reason."
    )
    later = timezone.now() + timedelta(days=30)

    assert permissions.adoption_blockers(proposal, later)
    with pytest.raises(PermissionDenied):
        actions.adopt_proposal(person=circle.facilitator, proposal=proposal, now=later)


def test_facilitator_may_adopt_early_only_when_everyone_active_has_responded(
    circle: Circle,
) -> None:
    proposal = open_proposal(circle)
    person_in(circle.group, status=Status.PAUSED)
    assert permissions.adoption_blockers(proposal)

    actions.respond_to_proposal(
        person=circle.facilitator, proposal=proposal, choice="live_with"
    )

    assert permissions.adoption_blockers(proposal) == []


def test_after_the_round_has_run_its_time_silence_does_not_block(
    circle: Circle,
) -> None:
    proposal = open_proposal(circle)
    person_in(circle.group)
    later = proposal.round_started_at + timedelta(days=3, minutes=1)
    version = actions.adopt_proposal(
        person=circle.facilitator, proposal=proposal, now=later
    )
    assert version.number == 1


def test_member_cannot_adopt(circle: Circle) -> None:
    proposal = open_proposal(circle)
    actions.respond_to_proposal(
        person=circle.facilitator, proposal=proposal, choice="agree"
    )
    with pytest.raises(PermissionDenied):
        actions.adopt_proposal(person=circle.member, proposal=proposal)


def test_objection_resolved_by_amending_and_withdrawing(circle: Circle) -> None:
    adopt_first_version(circle)
    agreeing = person_in(circle.group)
    objector = person_in(circle.group)
    proposal = open_proposal(circle, "A first made-up wording.")
    actions.respond_to_proposal(person=agreeing, proposal=proposal, choice="agree")
    actions.respond_to_proposal(
        person=objector, proposal=proposal, choice="object", reason="Too strict."
    )

    actions.amend_proposal(
        person=circle.member,
        proposal=proposal,
        changes=[actions.Change(ChangeAction.ADD, "A gentler made-up wording.")],
        reason="Reworded to meet the objection.",
    )
    proposal.refresh_from_db()
    assert proposal.revision == 2
    assert permissions.standing_objections(proposal) == 1

    actions.withdraw_objection(person=objector, proposal=proposal)
    actions.respond_to_proposal(person=agreeing, proposal=proposal, choice="agree")
    actions.respond_to_proposal(
        person=circle.facilitator, proposal=proposal, choice="agree"
    )
    version = actions.adopt_proposal(person=circle.facilitator, proposal=proposal)

    assert version.number == 2
    assert "A gentler made-up wording." in [i.text for i in version.group_items]
    assert proposal.responses.get(person=objector).choice == ResponseChoice.LIVE_WITH


def test_amending_restarts_the_round_on_the_new_wording(circle: Circle) -> None:
    proposal = open_proposal(circle)
    actions.respond_to_proposal(
        person=circle.facilitator, proposal=proposal, choice="agree"
    )
    assert permissions.adoption_blockers(proposal) == []

    actions.amend_proposal(
        person=circle.member,
        proposal=proposal,
        changes=[actions.Change(ChangeAction.ADD, "Reworded.")],
        reason="Reworded.",
    )
    proposal.refresh_from_db()

    assert permissions.waiting_for(proposal) == 1
    assert permissions.adoption_blockers(proposal)


def test_only_the_proposer_may_amend_or_withdraw(circle: Circle) -> None:
    proposal = open_proposal(circle)
    with pytest.raises(PermissionDenied):
        actions.amend_proposal(
            person=circle.facilitator,
            proposal=proposal,
            changes=[actions.Change(ChangeAction.ADD, "Made-up.")],
            reason="Made-up.",
        )
    with pytest.raises(PermissionDenied):
        actions.withdraw_proposal(person=circle.facilitator, proposal=proposal)

    actions.withdraw_proposal(person=circle.member, proposal=proposal)

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.WITHDRAWN


def test_objection_of_someone_who_left_no_longer_stands(circle: Circle) -> None:
    proposal = open_proposal(circle)
    objector = person_in(circle.group)
    actions.respond_to_proposal(
        person=objector, proposal=proposal, choice="object", reason="Made-up."
    )
    leave_group(person=objector, group=circle.group)
    assert permissions.standing_objections(proposal) == 0


def test_paused_members_objection_still_stands(circle: Circle) -> None:
    proposal = open_proposal(circle)
    objector = person_in(circle.group, status=Status.PAUSED)
    actions.respond_to_proposal(
        person=objector, proposal=proposal, choice="object", reason="Made-up."
    )
    assert permissions.standing_objections(proposal) == 1


def test_adoption_makes_a_new_version_and_sets_the_review_date(
    circle: Circle, django_capture_on_commit_callbacks: Any
) -> None:
    first = adopt_first_version(circle)
    paused = person_in(circle.group, status=Status.PAUSED)
    item = item_worded(first, "Made-up item one.")
    proposal = actions.propose_changes(
        person=circle.member,
        group=circle.group,
        changes=[
            actions.Change(
                ChangeAction.CHANGE, "Made-up item one, kinder.", "", item.key
            )
        ],
        reason="Made-up.",
    )
    actions.respond_to_proposal(
        person=circle.facilitator, proposal=proposal, choice="agree"
    )
    with django_capture_on_commit_callbacks(execute=True):
        version = actions.adopt_proposal(person=circle.facilitator, proposal=proposal)

    assert version.number == 2
    assert version.group_items.get(key=item.key).text == "Made-up item one, kinder."
    assert first.group_items.get(key=item.key).text == "Made-up item one."
    agreement = version.agreement
    agreement.refresh_from_db()
    today = timezone.localdate()
    assert agreement.review_due_on == actions.add_months(today, 12)
    assert Notification.objects.filter(person=circle.member).count() == 1
    assert Notification.objects.filter(person=paused).count() == 0


def test_removing_an_item(circle: Circle) -> None:
    first = adopt_first_version(circle)
    item = item_worded(first, "Made-up item one.")
    proposal = actions.propose_changes(
        person=circle.member,
        group=circle.group,
        changes=[actions.Change(ChangeAction.REMOVE, item_key=item.key)],
        reason="Made-up.",
    )
    actions.respond_to_proposal(
        person=circle.facilitator, proposal=proposal, choice="agree"
    )
    version = actions.adopt_proposal(person=circle.facilitator, proposal=proposal)
    assert item.key not in [i.key for i in version.group_items]


def test_baseline_items_are_in_every_version_and_cannot_be_removed(
    circle: Circle,
) -> None:
    admin = person_in_organisation(circle.group.organisation, org_role=Role.ADMIN)
    actions.save_organisation_item(
        person=admin,
        organisation=circle.group.organisation,
        kind=OrganisationItemKind.BASELINE,
        text="A made-up baseline.",
        why="",
    )
    version = adopt_first_version(circle)
    baseline = version.items.get(is_baseline=True)
    assert baseline.text == "A made-up baseline."

    with pytest.raises(ValidationError):
        actions.propose_changes(
            person=circle.member,
            group=circle.group,
            changes=[actions.Change(ChangeAction.REMOVE, item_key=baseline.key)],
            reason="Made-up.",
        )


def test_only_admins_set_organisation_items(circle: Circle) -> None:
    with pytest.raises(Http404):
        actions.save_organisation_item(
            person=circle.facilitator,
            organisation=circle.group.organisation,
            kind=OrganisationItemKind.EXAMPLE,
            text="Made-up.",
            why="",
        )


def test_review_keeps_changes_and_removes(circle: Circle) -> None:
    first = adopt_first_version(circle)
    one, two = list(first.group_items)
    review = actions.start_review(
        person=circle.facilitator,
        group=circle.group,
        changes=[
            actions.Change(ChangeAction.KEEP, item_key=one.key),
            actions.Change(ChangeAction.REMOVE, item_key=two.key),
        ],
        reason="Our yearly look.",
    )
    actions.respond_to_proposal(person=circle.member, proposal=review, choice="agree")
    version = actions.adopt_proposal(person=circle.facilitator, proposal=review)
    assert [i.key for i in version.group_items] == [one.key]
    assert version.changes_content


def test_review_that_keeps_everything_does_not_ask_people_to_reread(
    circle: Circle,
) -> None:
    first = adopt_first_version(circle)
    actions.confirm_agreement(person=circle.member, group=circle.group)
    review = actions.start_review(
        person=circle.facilitator,
        group=circle.group,
        changes=[
            actions.Change(ChangeAction.KEEP, item_key=item.key)
            for item in first.group_items
        ],
        reason="Our yearly look.",
    )
    actions.respond_to_proposal(person=circle.member, proposal=review, choice="agree")
    version = actions.adopt_proposal(person=circle.facilitator, proposal=review)
    assert not version.changes_content
    assert permissions.has_read_latest_version(circle.member, circle.group)


def test_review_must_cover_every_item(circle: Circle) -> None:
    first = adopt_first_version(circle)
    with pytest.raises(ValidationError):
        actions.start_review(
            person=circle.facilitator,
            group=circle.group,
            changes=[
                actions.Change(
                    ChangeAction.KEEP,
                    item_key=item_worded(first, "Made-up item one.").key,
                )
            ],
            reason="Made-up.",
        )


def test_member_cannot_start_a_review(circle: Circle) -> None:
    adopt_first_version(circle)
    with pytest.raises(PermissionDenied):
        actions.start_review(
            person=circle.member, group=circle.group, changes=[], reason="Made-up."
        )


def test_talking_first_quietly_tells_the_active_facilitators_once(
    circle: Circle, django_capture_on_commit_callbacks: Any
) -> None:
    adopt_first_version(circle)
    newcomer = person_in(circle.group)
    with django_capture_on_commit_callbacks(execute=True):
        actions.ask_to_talk_first(person=newcomer, group=circle.group)
        actions.ask_to_talk_first(person=newcomer, group=circle.group)
    assert Notification.objects.filter(person=circle.facilitator).count() == 1
    assert Notification.objects.filter(person=circle.member).count() == 0


def test_confirming_after_talking_replaces_the_talk_request(circle: Circle) -> None:
    adopt_first_version(circle)
    newcomer = person_in(circle.group)
    actions.ask_to_talk_first(person=newcomer, group=circle.group)
    reading = actions.confirm_agreement(person=newcomer, group=circle.group)
    assert reading.choice == "confirmed"
    assert permissions.has_confirmed_current_agreement(newcomer, circle.group)


def test_nobody_confirms_an_agreement_that_does_not_exist(circle: Circle) -> None:
    with pytest.raises(PermissionDenied):
        actions.confirm_agreement(person=circle.member, group=circle.group)


def test_settings_are_checked(circle: Circle) -> None:
    with pytest.raises(ValidationError):
        actions.update_agreement_settings(
            person=circle.facilitator,
            group=circle.group,
            consent_days=0,
            review_months=12,
            review_due_on=None,
        )
    agreement = actions.update_agreement_settings(
        person=circle.facilitator,
        group=circle.group,
        consent_days=7,
        review_months=6,
        review_due_on=date(2030, 1, 31),
    )
    assert agreement.consent_days == 7
    assert agreement.review_due_on == date(2030, 1, 31)


def test_add_months_keeps_to_the_end_of_short_months() -> None:
    assert actions.add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert actions.add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert actions.add_months(date(2025, 11, 15), 3) == date(2026, 2, 15)


def test_versions_are_numbered_in_order(circle: Circle) -> None:
    adopt_first_version(circle)
    proposal = open_proposal(circle)
    actions.respond_to_proposal(
        person=circle.facilitator, proposal=proposal, choice="agree"
    )
    actions.adopt_proposal(person=circle.facilitator, proposal=proposal)
    numbers = list(
        AgreementVersion.objects.filter(agreement__group=circle.group)
        .order_by("number")
        .values_list("number", flat=True)
    )
    assert numbers == [1, 2]
