"""Every change to group agreements. Each action checks permission, keeps the
invariants, writes, and only then tells anyone (after the transaction commits).

Notifications are always the system's own words and go only to people who are
active in the group: nobody taking a break is chased.
"""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.actions import notify
from alongside.organisations.models import Organisation
from alongside.peergroups.models import GroupRole, Membership, PeerGroup

from .models import (
    REASON_NEEDED,
    Agreement,
    AgreementItem,
    AgreementVersion,
    ChangeAction,
    Comment,
    OrganisationItem,
    Proposal,
    ProposalChange,
    ProposalKind,
    ProposalStatus,
    Reading,
    ReadingChoice,
    Response,
    ResponseChoice,
)
from .permissions import (
    check_adopt,
    check_amend,
    check_comment,
    check_facilitate_agreement,
    check_manage_organisation_items,
    check_propose,
    check_record_reading,
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


# --- helpers ------------------------------------------------------------------


def _agreement_for(group: PeerGroup) -> Agreement:
    agreement, _ = Agreement.objects.get_or_create(group=group)
    return agreement


def _active_people(group: PeerGroup, *, exclude: Person | None = None) -> list[Person]:
    memberships = (
        Membership.objects.active().filter(group=group).select_related("person")
    )
    return [m.person for m in memberships if exclude is None or m.person != exclude]


def _active_facilitators(group: PeerGroup) -> list[Person]:
    return [
        m.person
        for m in Membership.objects.active()
        .filter(group=group, role=GroupRole.FACILITATOR)
        .select_related("person")
    ]


def _agreement_link(group: PeerGroup) -> str:
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
    others = _active_people(agreement.group, exclude=person)
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
    agreement = _agreement_for(group)
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
    agreement = _agreement_for(group)
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
        others = _active_people(group, exclude=person)
        link = _agreement_link(group)
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
    agreement = _agreement_for(group)
    agreement.consent_days = consent_days
    agreement.review_months = review_months
    if review_due_on is not None:
        agreement.review_due_on = review_due_on
    agreement.save(update_fields=["consent_days", "review_months", "review_due_on"])
    return agreement


# --- reading and joining ------------------------------------------------------


@transaction.atomic
def confirm_agreement(*, person: Person, group: PeerGroup) -> Reading:
    """The person has read the current version and is happy to go along with it."""
    check_record_reading(person, group)
    version = _agreement_for(group).current_version
    if version is None:  # check_record_reading has made sure there is one
        raise PermissionDenied
    reading, _ = Reading.objects.update_or_create(
        version=version,
        person=person,
        defaults={"choice": ReadingChoice.CONFIRMED, "created_at": timezone.now()},
    )
    return reading


@transaction.atomic
def ask_to_talk_first(*, person: Person, group: PeerGroup) -> Reading:
    """The person would like to talk about the agreement before taking part. The
    group's active facilitators are told quietly; nobody else is."""
    check_record_reading(person, group)
    version = _agreement_for(group).current_version
    if version is None:  # check_record_reading has made sure there is one
        raise PermissionDenied
    existing = Reading.objects.filter(version=version, person=person).first()
    if existing is not None and existing.choice == ReadingChoice.CONFIRMED:
        return existing
    reading, created = Reading.objects.update_or_create(
        version=version,
        person=person,
        defaults={"choice": ReadingChoice.TALK_FIRST, "created_at": timezone.now()},
    )
    if created:
        facilitators = _active_facilitators(group)
        link = reverse("agreements:talk-list", args=[group.pk])
        notify(
            people=facilitators,
            message=f"Someone in {group.name} would like to talk about the group "
            "agreement before they take part.",
            link=link,
        )
    return reading


# --- the organisation's items -------------------------------------------------


@transaction.atomic
def save_organisation_item(
    *,
    person: Person,
    organisation: Organisation,
    kind: str,
    text: str,
    why: str,
    item: OrganisationItem | None = None,
) -> OrganisationItem:
    """An admin adds or edits a baseline or example item. Baseline items appear in
    every group's agreement at once, and are written into each version it adopts."""
    check_manage_organisation_items(person, organisation)
    if item is not None and item.organisation_id != organisation.pk:
        raise PermissionDenied
    if item is None:
        item = OrganisationItem(organisation=organisation)
    item.kind = kind
    item.text = text.strip()
    item.why = why.strip()
    item.save()
    return item


@transaction.atomic
def remove_organisation_item(
    *, person: Person, organisation: Organisation, item: OrganisationItem
) -> None:
    """An admin removes a baseline or example item. Versions already adopted keep it."""
    check_manage_organisation_items(person, organisation)
    if item.organisation_id != organisation.pk:
        raise PermissionDenied
    item.delete()


# --- review reminders ---------------------------------------------------------


def send_review_reminders(*, now: datetime | None = None) -> int:
    """Remind the active facilitators of each agreement whose review is due within
    two weeks. Sent once per review date, however often this runs: the date is
    claimed with a conditional update before anyone is told.

    Returns how many agreements were reminded about.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    reminded = 0
    candidates = Agreement.objects.filter(review_due_on__isnull=False).select_related(
        "group"
    )
    for agreement in candidates:
        due = agreement.review_due_on
        reminder_on = agreement.review_reminder_on
        if due is None or reminder_on is None or today < reminder_on:
            continue
        if agreement.review_reminder_sent_for == due:
            continue
        with transaction.atomic():
            claimed = (
                Agreement.objects.filter(pk=agreement.pk)
                .exclude(review_reminder_sent_for=due)
                .update(review_reminder_sent_for=due)
            )
            if not claimed:
                continue
            group = agreement.group
            facilitators = _active_facilitators(group)
            link = reverse("agreements:review-start", args=[group.pk])
            message = (
                f"{group.name}'s group agreement is due for its review on "
                f"{due.day} {due:%B %Y}. When the group is ready, you can start a "
                "review."
            )
            transaction.on_commit(
                partial(notify, people=facilitators, message=message, link=link)
            )
            reminded += 1
    return reminded


# --- erasing an account -------------------------------------------------------


def erase_agreement_words(*, person: Person, keep_posts: bool) -> None:
    """System action for erasing an account. Suggestions stay with the group's
    agreement history; the person's reasons go when they chose to remove their
    words, and their open suggestions are withdrawn.

    Precondition: the caller (alongside.privacy) has checked that the account may be
    erased, inside its transaction. No one is told.
    """
    if keep_posts:
        return
    proposals = Proposal.objects.filter(proposed_by=person)
    proposals.filter(status=ProposalStatus.OPEN).update(
        status=ProposalStatus.WITHDRAWN, closed_at=timezone.now()
    )
    proposals.update(reason="")
    ProposalChange.objects.filter(Q(proposal__proposed_by=person), ~Q(why="")).update(
        why=""
    )


def erase_comments(*, person: Person, keep_posts: bool) -> None:
    """System action for erasing an account: the person's comments on suggestions
    go when they chose to remove their words; otherwise they stay as "former member".

    Precondition: as `erase_agreement_words`.
    """
    if not keep_posts:
        Comment.objects.filter(person=person).delete()
