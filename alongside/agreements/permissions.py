"""Who may see or do what with group agreements. The only place that decides.

The policy, by the person's place in the group (tests/test_permissions.py holds it
as a table):

- Not signed in, or in another organisation: nothing (404).
- In the organisation but not in the group (including someone who asked to join,
  left or was declined, and admins and supervisors who are not members): may read
  the current agreement, so that a newcomer reads it before joining; proposals,
  discussion and history are 404.
- Active member: reads everything, proposes, discusses, responds, confirms.
- Paused member: reads everything and may respond, but is never chased; proposing
  and discussing wait until they come back (one click).
- Active facilitator: as an active member, and adopts, opens reviews, sets the
  group's timings and sees who would like to talk (staff pages: second factor).
- Paused facilitator: as a paused member.

Organisation admins set the organisation's baseline and example items; they do not
read a group's proposals or discussion unless they are in the group.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, Role
from alongside.organisations.permissions import role_in
from alongside.peergroups.models import (
    GroupRole,
    Membership,
    PeerGroup,
    Status,
)
from alongside.peergroups.permissions import (
    groups_visible_to,
    membership_of,
    membership_status,
)

from .models import (
    Agreement,
    AgreementVersion,
    Proposal,
    ProposalKind,
    ProposalQuerySet,
    ProposalStatus,
    Reading,
    ReadingChoice,
    Response,
    latest_content_version,
)

IN_GROUP = (Status.ACTIVE, Status.PAUSED)


def agreement_of(group: PeerGroup) -> Agreement | None:
    """The group's agreement, or None before anyone has proposed one. Reads only."""
    return Agreement.objects.filter(group=group).first()


# --- Seeing ---------------------------------------------------------------------


def can_view_agreement(person: Person, group: PeerGroup) -> bool:
    """Anyone who may see the group may read its current agreement: people read it
    before they join."""
    return groups_visible_to(person).filter(pk=group.pk).exists()


def check_view_agreement(person: Person, group: PeerGroup) -> None:
    """Raise Http404 unless can_view_agreement. No side effects."""
    if not can_view_agreement(person, group):
        raise Http404


def can_take_part(person: Person, group: PeerGroup) -> bool:
    """People in the group (active or taking a break) see its proposals, their
    discussion and the history of versions."""
    return membership_status(person, group) in IN_GROUP


def check_take_part(person: Person, group: PeerGroup) -> None:
    """404 for everyone outside the group, so nobody learns what is being discussed."""
    if not can_take_part(person, group):
        raise Http404


def proposals_visible_to(person: Person, group: PeerGroup) -> ProposalQuerySet:
    """The group's proposals for people in the group; none for anyone else."""
    if not can_take_part(person, group):
        return Proposal.objects.none()
    return Proposal.objects.filter(agreement__group=group)


def reading_shown_to(
    person: Person, group: PeerGroup, version: AgreementVersion | None
) -> Reading | None:
    """The person's own answer to this version (read it, or talk first), shown on
    the agreement page to people taking part in the group; None for anyone else."""
    if version is None or not can_take_part(person, group):
        return None
    return Reading.objects.filter(person=person, version=version).first()


def responder_name_shown(response: Response, names: dict[int, str]) -> str:
    """The name shown beside an answer's reason in a consent round: the
    responder's display name in the group (from `names`) only when they chose to
    show it; otherwise nothing, and the reason stands alone."""
    if not response.shows_name:
        return ""
    return names.get(response.person_id, "")


def get_proposal_for(person: Person, group: PeerGroup, proposal_id: int) -> Proposal:
    """The proposal, if the person may see it; 404 otherwise, also when missing."""
    try:
        return (
            proposals_visible_to(person, group)
            .select_related("agreement")
            .get(pk=proposal_id)
        )
    except Proposal.DoesNotExist:
        raise Http404 from None


def get_version_for(person: Person, group: PeerGroup, number: int) -> AgreementVersion:
    """The numbered version for people in the group; 404 otherwise or if missing."""
    check_take_part(person, group)
    version = AgreementVersion.objects.filter(
        agreement__group=group, number=number
    ).first()
    if version is None:
        raise Http404
    return version


# --- Taking part ----------------------------------------------------------------


def _require_in_group(person: Person, group: PeerGroup) -> None:
    """Outsiders get 404; people in the group who may not do this get 403."""
    check_take_part(person, group)


def can_propose(person: Person, group: PeerGroup) -> bool:
    """Any active member, not only facilitators. Someone taking a break comes back
    first (one click), so that nothing starts in their name while they are away."""
    return membership_status(person, group) == Status.ACTIVE


def check_propose(person: Person, group: PeerGroup) -> None:
    """404 outside the group; PermissionDenied unless can_propose."""
    _require_in_group(person, group)
    if not can_propose(person, group):
        raise PermissionDenied


def can_comment(person: Person, proposal: Proposal) -> bool:
    """Active members discuss a proposal while it is open."""
    return proposal.is_open and can_propose(person, proposal.agreement.group)


def check_comment(person: Person, proposal: Proposal) -> None:
    """404 outside the group; PermissionDenied unless can_comment."""
    _require_in_group(person, proposal.agreement.group)
    if not can_comment(person, proposal):
        raise PermissionDenied


def can_respond(person: Person, proposal: Proposal) -> bool:
    """Active and paused members may respond; paused members are never asked to."""
    return proposal.is_open and can_take_part(person, proposal.agreement.group)


def check_respond(person: Person, proposal: Proposal) -> None:
    """404 outside the group; PermissionDenied unless can_respond."""
    _require_in_group(person, proposal.agreement.group)
    if not can_respond(person, proposal):
        raise PermissionDenied


def can_withdraw_objection(person: Person, proposal: Proposal) -> bool:
    """Someone who objected to an open proposal may withdraw it."""
    return (
        can_respond(person, proposal)
        and Response.objects.objections()
        .filter(proposal=proposal, person=person)
        .exists()
    )


def check_withdraw_objection(person: Person, proposal: Proposal) -> None:
    """404 outside the group; PermissionDenied unless allowed."""
    _require_in_group(person, proposal.agreement.group)
    if not can_withdraw_objection(person, proposal):
        raise PermissionDenied


def can_amend(person: Person, proposal: Proposal) -> bool:
    """The person who suggested a change may reword it while it is open. Reviews are
    reworded by starting a new one."""
    return (
        proposal.is_open
        and proposal.kind == ProposalKind.CHANGE
        and proposal.proposed_by_id == person.pk
        and can_propose(person, proposal.agreement.group)
    )


def check_amend(person: Person, proposal: Proposal) -> None:
    """404 outside the group; PermissionDenied unless can_amend."""
    _require_in_group(person, proposal.agreement.group)
    if not can_amend(person, proposal):
        raise PermissionDenied


def can_withdraw_proposal(person: Person, proposal: Proposal) -> bool:
    """Only the person who suggested it may withdraw it: a facilitator cannot close
    someone's proposal, just as nobody's objection can be overruled."""
    return (
        proposal.is_open
        and proposal.proposed_by_id == person.pk
        and can_take_part(person, proposal.agreement.group)
    )


def check_withdraw_proposal(person: Person, proposal: Proposal) -> None:
    """404 outside the group; PermissionDenied unless allowed."""
    _require_in_group(person, proposal.agreement.group)
    if not can_withdraw_proposal(person, proposal):
        raise PermissionDenied


# --- Facilitating ---------------------------------------------------------------


def is_active_facilitator(person: Person, group: PeerGroup) -> bool:
    """A facilitator of the group who is not taking a break. Reads only."""
    membership = membership_of(person, group)
    return (
        membership is not None
        and membership.status == Status.ACTIVE
        and membership.role == GroupRole.FACILITATOR
    )


def can_facilitate_agreement(person: Person, group: PeerGroup) -> bool:
    """Active facilitators adopt proposals, start reviews, set the group's timings and
    see who would like to talk. These are staff pages: they ask for a second factor."""
    return is_active_facilitator(person, group)


def check_facilitate_agreement(person: Person, group: PeerGroup) -> None:
    """404 outside the group; PermissionDenied unless facilitating."""
    _require_in_group(person, group)
    if not can_facilitate_agreement(person, group):
        raise PermissionDenied


def standing_objections(proposal: Proposal) -> int:
    """Objections that still stand: from people still in the group (active or
    paused). Someone who has left the group no longer holds it back."""
    return (
        Response.objects.objections()
        .filter(
            proposal=proposal,
            person__memberships__group_id=proposal.agreement.group_id,
            person__memberships__status__in=IN_GROUP,
        )
        .count()
    )


def waiting_for(proposal: Proposal) -> int:
    """Active members who have not yet responded to the current wording. Paused
    members are not counted: they are not waited for or chased."""
    responded = Response.objects.filter(
        proposal=proposal, revision=proposal.revision
    ).values("person_id")
    return (
        Membership.objects.active()
        .filter(group_id=proposal.agreement.group_id)
        .exclude(person_id__in=responded)
        .count()
    )


def adoption_blockers(proposal: Proposal, now: datetime | None = None) -> list[str]:
    """Why the proposal cannot be adopted yet, in plain words; empty when it can.

    It can be adopted when it is open, no objection stands, and either the round
    has run its time or every active member has responded to the current wording.
    """
    now = now or timezone.now()
    if proposal.status != ProposalStatus.OPEN:
        return ["This proposal is no longer open."]
    blockers = []
    objections = standing_objections(proposal)
    if objections:
        blockers.append(
            "An objection still stands. It is resolved when the proposal is "
            "changed and the person withdraws it; it is never outvoted."
            if objections == 1
            else f"{objections} objections still stand. Each is resolved when the "
            "proposal is changed and the person withdraws it; none is outvoted."
        )
    if now < proposal.round_ends_at and waiting_for(proposal):
        blockers.append(
            "The round is still open, and not everyone has responded to the current "
            "wording yet."
        )
    return blockers


def can_adopt(person: Person, proposal: Proposal, now: datetime | None = None) -> bool:
    """An active facilitator adopts a proposal once nothing blocks it."""
    return can_facilitate_agreement(
        person, proposal.agreement.group
    ) and not adoption_blockers(proposal, now)


def check_adopt(
    person: Person, proposal: Proposal, now: datetime | None = None
) -> None:
    """404 outside the group; PermissionDenied unless can_adopt."""
    _require_in_group(person, proposal.agreement.group)
    if not can_adopt(person, proposal, now):
        raise PermissionDenied


def can_manage_organisation_items(person: Person, organisation: Organisation) -> bool:
    """The organisation's admins set its baseline and example items."""
    return role_in(person, organisation) == Role.ADMIN


def check_manage_organisation_items(person: Person, organisation: Organisation) -> None:
    """Raise Http404 unless the person is an admin here."""
    if not can_manage_organisation_items(person, organisation):
        raise Http404


# --- Reading and confirming -------------------------------------------------------


def can_record_reading(person: Person, group: PeerGroup) -> bool:
    """People in the group confirm they have read the agreement, or ask to talk."""
    agreement = agreement_of(group)
    return (
        can_take_part(person, group)
        and agreement is not None
        and agreement.versions.exists()
    )


def check_record_reading(person: Person, group: PeerGroup) -> None:
    """404 outside the group; PermissionDenied unless can_record_reading."""
    _require_in_group(person, group)
    if not can_record_reading(person, group):
        raise PermissionDenied


def has_read_latest_version(person: Person, group: PeerGroup) -> bool:
    """Whether the person has confirmed the agreement as it reads now."""
    agreement = agreement_of(group)
    if agreement is None:
        return True
    latest = latest_content_version(agreement)
    if latest is None:
        return True
    return Reading.objects.filter(
        person=person,
        version__agreement=agreement,
        version__number__gte=latest.number,
        choice=ReadingChoice.CONFIRMED,
    ).exists()


def has_confirmed_current_agreement(
    person: Person, group: PeerGroup, *, membership: Membership | None = None
) -> bool:
    """Whether the group's agreement lets this person post. The gate for posting.

    ``membership`` is the person's membership in the group when the caller has just
    read it; otherwise it is read here.

    - A group with no adopted agreement yet does not block anyone.
    - A newcomer must confirm the current version (or talk first, then confirm).
    - Someone who confirmed an earlier version still may post: after a change,
      people are invited to read it again, never forced.
    - Someone already in the group when its first agreement was adopted is invited
      to read it, never blocked.
    """
    if not person.is_authenticated:
        return False
    agreement = agreement_of(group)
    first = agreement.versions.order_by("number").first() if agreement else None
    if first is None:
        return True
    if membership is None:
        membership = membership_of(person, group)
    if membership is not None:
        joined_at = membership.joined_at or membership.created_at
        if joined_at < first.adopted_at:
            return True
    return Reading.objects.filter(
        person=person, version__agreement=agreement, choice=ReadingChoice.CONFIRMED
    ).exists()


def agreements_facilitated_by(person: Person) -> models.QuerySet[Agreement]:
    """The agreements of every group where the person may facilitate the agreement
    (`can_facilitate_agreement`: an active facilitator), as a set."""
    if not person.is_authenticated:
        return Agreement.objects.none()
    facilitating = Membership.objects.filter(
        person=person, status=Status.ACTIVE, role=GroupRole.FACILITATOR
    )
    return Agreement.objects.filter(group__in=facilitating.values("group"))
