"""Adopting a proposal as the agreement's next version, and the agreement's
settings (how long a consent round lasts, when the next review is due)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.actions import notify
from alongside.peergroups.models import PeerGroup

from ..models import (
    Agreement,
    AgreementItem,
    AgreementVersion,
    ChangeAction,
    OrganisationItem,
    Proposal,
    ProposalChange,
    ProposalStatus,
    Reading,
    ReadingChoice,
)
from ..permissions import check_adopt, check_facilitate_agreement
from .proposals import active_people, add_months, agreement_for, agreement_link


def _apply_changes(
    items: list[AgreementItem], breach: str, changes: Iterable[ProposalChange]
) -> tuple[list[tuple[uuid.UUID, str, str]], str]:
    by_key = {item.key: (item.key, item.text, item.why) for item in items}
    order = [item.key for item in items]
    for change in changes:
        if change.action == ChangeAction.ADD:
            by_key[change.item_key] = (change.item_key, change.text, change.why)
            order.append(change.item_key)
        elif change.action == ChangeAction.CHANGE and change.item_key in by_key:
            by_key[change.item_key] = (change.item_key, change.text, change.why)
        elif change.action == ChangeAction.REMOVE and change.item_key in by_key:
            del by_key[change.item_key]
            order.remove(change.item_key)
        elif change.action == ChangeAction.BREACH:
            breach = change.text
    return [by_key[key] for key in order], breach


def _write_version(
    *,
    agreement: Agreement,
    items: list[tuple[uuid.UUID, str, str]],
    breach: str,
    proposal: Proposal | None,
    now: datetime,
    changes_content: bool,
) -> AgreementVersion:
    previous = agreement.current_version
    version = AgreementVersion.objects.create(
        agreement=agreement,
        number=(previous.number + 1) if previous else 1,
        breach_response=breach,
        adopted_at=now,
        proposal=proposal,
        changes_content=changes_content,
    )
    baseline = OrganisationItem.objects.baseline().filter(
        organisation_id=agreement.group.organisation_id
    )
    AgreementItem.objects.bulk_create(
        [
            AgreementItem(
                version=version,
                position=position,
                text=item.text,
                why=item.why,
                is_baseline=True,
            )
            for position, item in enumerate(baseline)
        ]
        + [
            AgreementItem(
                version=version, key=key, position=position, text=text, why=why
            )
            for position, (key, text, why) in enumerate(items)
        ]
    )
    agreement.review_due_on = add_months(
        timezone.localdate(now), agreement.review_months
    )
    agreement.save(update_fields=["review_due_on"])
    return version


@transaction.atomic
def adopt_proposal(
    *, person: Person, proposal: Proposal, now: datetime | None = None
) -> AgreementVersion:
    """A facilitator adopts a proposal once its round has run its time (or everyone
    active has responded to the current wording) and no objection stands.

    Makes a new version and sets the next review date. Active members are invited,
    once, to read the agreement again when what it says has changed.
    """
    now = now or timezone.now()
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    check_adopt(person, proposal, now)
    agreement = Agreement.objects.select_for_update().get(pk=proposal.agreement_id)
    current = agreement.current_version
    current_items = list(current.group_items) if current else []
    current_breach = current.breach_response if current else ""
    items, breach = _apply_changes(
        current_items, current_breach, proposal.changes.all()
    )
    before = [(item.key, item.text, item.why) for item in current_items]
    changes_content = current is None or items != before or breach != current_breach
    version = _write_version(
        agreement=agreement,
        items=items,
        breach=breach,
        proposal=proposal,
        now=now,
        changes_content=changes_content,
    )
    proposal.status = ProposalStatus.ADOPTED
    proposal.closed_at = now
    proposal.save(update_fields=["status", "closed_at"])
    # The facilitator who adopted it has read it.
    Reading.objects.update_or_create(
        version=version,
        person=person,
        defaults={"choice": ReadingChoice.CONFIRMED, "created_at": now},
    )
    group = agreement.group
    if changes_content:
        others = active_people(group, exclude=person)
        link = agreement_link(group)
        notify(
            people=others,
            message=f"{group.name}'s group agreement has changed. Have a read "
            "when you are ready; there is no rush.",
            link=link,
        )
    return version


@transaction.atomic
def update_agreement_settings(
    *,
    person: Person,
    group: PeerGroup,
    consent_days: int,
    review_months: int,
    review_due_on: date | None,
) -> Agreement:
    """A facilitator sets how long rounds stay open, how often the group reviews, and
    (if the group chose one) the next review date."""
    check_facilitate_agreement(person, group)
    if not 1 <= consent_days <= 28:
        raise ValidationError("Please choose between 1 and 28 days.")
    if not 1 <= review_months <= 36:
        raise ValidationError("Please choose between 1 and 36 months.")
    agreement = agreement_for(group)
    agreement.consent_days = consent_days
    agreement.review_months = review_months
    if review_due_on is not None:
        agreement.review_due_on = review_due_on
    agreement.save(update_fields=["consent_days", "review_months", "review_due_on"])
    return agreement
