"""Proposals and consent: proposing changes (or a review), amending and
withdrawing them, answering in a consent round, withdrawing an objection and
discussing. The shared steps of writing a proposal's changes live here too."""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.actions import notify
from alongside.peergroups.models import GroupRole, Membership, PeerGroup

from ..models import (
    REASON_NEEDED,
    Agreement,
    AgreementItem,
    ChangeAction,
    Comment,
    Proposal,
    ProposalChange,
    ProposalKind,
    ProposalStatus,
    Response,
    ResponseChoice,
)
from ..permissions import (
    check_amend,
    check_comment,
    check_facilitate_agreement,
    check_propose,
    check_respond,
    check_withdraw_objection,
    check_withdraw_proposal,
)


@dataclass(frozen=True)
class Change:
    """One change a proposal would make, as parsed from a form."""

    action: str
    text: str = ""
    why: str = ""
    item_key: uuid.UUID | None = None


def agreement_for(group: PeerGroup) -> Agreement:
    """The group's agreement, made empty the first time it is needed."""
    agreement, _ = Agreement.objects.get_or_create(group=group)
    return agreement


def active_people(group: PeerGroup, *, exclude: Person | None = None) -> list[Person]:
    """The group's active members, leaving out ``exclude`` if given."""
    memberships = (
        Membership.objects.active().filter(group=group).select_related("person")
    )
    return [m.person for m in memberships if exclude is None or m.person != exclude]


def active_facilitators(group: PeerGroup) -> list[Person]:
    """The group's active facilitators."""
    return [
        m.person
        for m in Membership.objects.active()
        .filter(group=group, role=GroupRole.FACILITATOR)
        .select_related("person")
    ]


def agreement_link(group: PeerGroup) -> str:
    """The address of the group's agreement page, for notes."""
    return reverse("agreements:agreement-detail", args=[group.pk])


def _proposal_link(proposal: Proposal) -> str:
    return reverse(
        "agreements:proposal-detail",
        args=[proposal.agreement.group_id, proposal.pk],
    )


def add_months(day: date, months: int) -> date:
    """The same day some months later, or the month's last day if it is shorter."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _current_group_items(agreement: Agreement) -> list[AgreementItem]:
    current = agreement.current_version
    return list(current.group_items) if current else []


def _validate_changes(agreement: Agreement, changes: Sequence[Change]) -> None:
    if not changes:
        raise ValidationError("A proposal needs at least one change.")
    keys = {item.key for item in _current_group_items(agreement)}
    for change in changes:
        needs_text = change.action in (
            ChangeAction.ADD,
            ChangeAction.CHANGE,
            ChangeAction.BREACH,
        )
        needs_item = change.action in (
            ChangeAction.CHANGE,
            ChangeAction.REMOVE,
            ChangeAction.KEEP,
        )
        if needs_text and not change.text.strip():
            raise ValidationError("Please write the new wording.", code="text")
        if needs_item and change.item_key not in keys:
            raise ValidationError(
                "That item is no longer in the agreement. Please choose another.",
                code="item",
            )


def _write_changes(proposal: Proposal, changes: Sequence[Change]) -> None:
    proposal.changes.all().delete()
    ProposalChange.objects.bulk_create(
        ProposalChange(
            proposal=proposal,
            action=change.action,
            item_key=change.item_key or uuid.uuid4(),
            text=change.text.strip(),
            why=change.why.strip(),
            position=position,
        )
        for position, change in enumerate(changes)
    )


def _record_response(
    *,
    person: Person,
    proposal: Proposal,
    choice: str,
    reason: str,
    shows_name: bool,
    now: datetime,
) -> Response:
    response, _ = Response.objects.update_or_create(
        proposal=proposal,
        person=person,
        defaults={
            "choice": choice,
            "reason": reason.strip(),
            "shows_name": shows_name,
            "revision": proposal.revision,
            "updated_at": now,
            "objection_withdrawn_at": None,
        },
        create_defaults={
            "choice": choice,
            "reason": reason.strip(),
            "shows_name": shows_name,
            "revision": proposal.revision,
            "created_at": now,
            "updated_at": now,
        },
    )
    return response


# --- proposals and consent ----------------------------------------------------


def _open_proposal(
    *,
    person: Person,
    agreement: Agreement,
    kind: str,
    changes: Sequence[Change],
    reason: str,
    now: datetime,
    message: str,
) -> Proposal:
    """Write an already checked proposal with the proposer agreeing, and tell the
    other active members once, after the commit."""
    proposal = Proposal.objects.create(
        agreement=agreement,
        kind=kind,
        proposed_by=person,
        reason=reason.strip(),
        round_started_at=now,
        created_at=now,
    )
    _write_changes(proposal, changes)
    _record_response(
        person=person,
        proposal=proposal,
        choice=ResponseChoice.AGREE,
        reason="",
        shows_name=False,
        now=now,
    )
    others = active_people(agreement.group, exclude=person)
    link = _proposal_link(proposal)
    notify(people=others, message=message, link=link)
    return proposal


@transaction.atomic
def propose_changes(
    *,
    person: Person,
    group: PeerGroup,
    changes: Sequence[Change],
    reason: str,
    now: datetime | None = None,
) -> Proposal:
    """Any active member suggests adding, changing or removing items, or rewording
    what happens if a rule is broken. The proposer's own response is "agree" (they
    may change it). Active members are told once; paused members are not.
    """
    check_propose(person, group)
    agreement = agreement_for(group)
    _validate_changes(agreement, changes)
    return _open_proposal(
        person=person,
        agreement=agreement,
        kind=ProposalKind.CHANGE,
        changes=changes,
        reason=reason,
        now=now or timezone.now(),
        message=f"Someone in {group.name} has suggested a change to the group "
        "agreement. Your view is welcome, if you would like to give it.",
    )


@transaction.atomic
def start_review(
    *,
    person: Person,
    group: PeerGroup,
    changes: Sequence[Change],
    reason: str,
    now: datetime | None = None,
) -> Proposal:
    """A facilitator opens a review: every item is kept, changed or removed, and the
    breach section may be reworded. The group then responds as to any proposal.
    """
    check_facilitate_agreement(person, group)
    now = now or timezone.now()
    agreement = agreement_for(group)
    current_keys = {item.key for item in _current_group_items(agreement)}
    covered = {change.item_key for change in changes if change.item_key}
    if not current_keys <= covered:
        raise ValidationError("Please say what should happen to every item.")
    _validate_changes(agreement, changes)
    return _open_proposal(
        person=person,
        agreement=agreement,
        kind=ProposalKind.REVIEW,
        changes=changes,
        reason=reason,
        now=now,
        message=f"{group.name} is reviewing its group agreement. Have a look "
        "at each item when you are ready.",
    )


@transaction.atomic
def amend_proposal(
    *,
    person: Person,
    proposal: Proposal,
    changes: Sequence[Change],
    reason: str,
    now: datetime | None = None,
) -> Proposal:
    """The proposer rewords their proposal. The round starts again on the new
    wording. Objections are not dismissed: they stand until the person who objected
    withdraws them. Those who responded are told once that the wording changed.
    """
    check_amend(person, proposal)
    now = now or timezone.now()
    _validate_changes(proposal.agreement, changes)
    proposal.revision += 1
    proposal.round_started_at = now
    proposal.reason = reason.strip()
    proposal.save(update_fields=["revision", "round_started_at", "reason"])
    _write_changes(proposal, changes)
    _record_response(
        person=person,
        proposal=proposal,
        choice=ResponseChoice.AGREE,
        reason="",
        shows_name=False,
        now=now,
    )
    group = proposal.agreement.group
    active_ids = set(
        Membership.objects.active()
        .filter(group=group)
        .values_list("person_id", flat=True)
    )
    responders = [
        response.person
        for response in proposal.responses.exclude(person=person).select_related(
            "person"
        )
        if response.person_id in active_ids
    ]
    link = _proposal_link(proposal)
    notify(
        people=responders,
        message=f"A suggested change to {group.name}'s agreement has been "
        "reworded. Your earlier response is kept; you can look again.",
        link=link,
    )
    return proposal


@transaction.atomic
def withdraw_proposal(*, person: Person, proposal: Proposal) -> Proposal:
    """The proposer withdraws it. Nothing else changes and nobody is notified."""
    check_withdraw_proposal(person, proposal)
    proposal.status = ProposalStatus.WITHDRAWN
    proposal.closed_at = timezone.now()
    proposal.save(update_fields=["status", "closed_at"])
    return proposal


@transaction.atomic
def respond_to_proposal(
    *,
    person: Person,
    proposal: Proposal,
    choice: str,
    reason: str = "",
    shows_name: bool = False,
    now: datetime | None = None,
) -> Response:
    """Record or change the person's response to the current wording. A concern or an
    objection needs a reason, so the group can work with it."""
    check_respond(person, proposal)
    if choice not in ResponseChoice.values:
        raise ValidationError("Please choose one of the responses.", code="choice")
    if choice in REASON_NEEDED and not reason.strip():
        raise ValidationError(
            "Please say a little about why, so the group can work with it.",
            code="reason",
        )
    return _record_response(
        person=person,
        proposal=proposal,
        choice=choice,
        reason=reason,
        shows_name=shows_name,
        now=now or timezone.now(),
    )


@transaction.atomic
def withdraw_objection(
    *, person: Person, proposal: Proposal, now: datetime | None = None
) -> Response:
    """The person who objected says their objection is resolved. Their response
    becomes "I can live with it" on the current wording; their reason is kept."""
    check_withdraw_objection(person, proposal)
    now = now or timezone.now()
    response = Response.objects.get(proposal=proposal, person=person)
    response.choice = ResponseChoice.LIVE_WITH
    response.objection_withdrawn_at = now
    response.revision = proposal.revision
    response.updated_at = now
    response.save(
        update_fields=["choice", "objection_withdrawn_at", "revision", "updated_at"]
    )
    return response


@transaction.atomic
def comment_on_proposal(*, person: Person, proposal: Proposal, text: str) -> Comment:
    """Add to a proposal's own discussion. Nobody is notified, to keep things calm."""
    check_comment(person, proposal)
    text = text.strip()
    if not text:
        raise ValidationError("Please write something first.", code="text")
    return Comment.objects.create(proposal=proposal, person=person, text=text)
