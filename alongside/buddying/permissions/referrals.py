"""Who may see and do what with referrals on to another service.

- The supporter of an active match records a referral for their peer.
- The peer sees every referral about them, and gives or refuses consent, item by
  item, to one that asks for it, once.
- A referral under the limits of confidentiality is counter-signed by a
  supervisor: the supporter's current supervisor, or, when they have none, a
  supervisor or admin of the organisation. Never by the supporter themself.
- The supporter who made it reads it while still in the organisation.

Anything a person may not see is 404, as is anything missing.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from alongside.accounts.models import Person
from alongside.organisations.models import (
    SUPERVISING_ROLES,
    Organisation,
    OrganisationRole,
)
from alongside.organisations.permissions import role_in
from alongside.supporters.models import Supervision
from alongside.supporters.permissions import current_supervisor_of

from ..ending_models import Referral, ReferralStatus
from ..models import Match
from .matches import side_in


def can_refer(person: Person, match: Match) -> bool:
    """The supporter of an active match refers their peer on."""
    return match.is_active and side_in(person, match) == "supporter"


def check_refer(person: Person, match: Match) -> None:
    """Raise PermissionDenied unless can_refer."""
    if not can_refer(person, match):
        raise PermissionDenied(
            "Only the supporter records a referral, while the support goes on."
        )


def can_countersign(person: Person, referral: Referral) -> bool:
    """A supervisor counter-signs a referral under the limits of confidentiality
    that is waiting: the supporter's own supervisor, or any supervisor or admin
    there when the supporter has none. Never the one who made it."""
    if (
        not person.is_authenticated
        or referral.status != ReferralStatus.AWAITING_SIGNATURE
        or referral.made_by_id == person.pk
        or referral.peer_id == person.pk
        or role_in(person, referral.organisation) not in SUPERVISING_ROLES
    ):
        return False
    if referral.made_by is None:
        return True
    supervisor = current_supervisor_of(referral.made_by, referral.organisation)
    return supervisor is None or supervisor.pk == person.pk


def check_countersign(person: Person, referral: Referral) -> None:
    """Raise PermissionDenied unless can_countersign."""
    if referral.status != ReferralStatus.AWAITING_SIGNATURE:
        raise PermissionDenied(
            "This referral has already been signed or refused. Nothing has changed."
        )
    if not can_countersign(person, referral):
        raise PermissionDenied(
            "Only the supporter's supervisor (or, when they have none, a supervisor "
            "or admin here) counter-signs this referral. Nothing has changed."
        )


def can_give_consent(person: Person, referral: Referral) -> bool:
    """The peer answers a referral that asks for their consent, once."""
    return referral.peer_id == person.pk and referral.status == ReferralStatus.ASKED


def check_give_consent(person: Person, referral: Referral) -> None:
    """Raise PermissionDenied unless can_give_consent."""
    if not can_give_consent(person, referral):
        raise PermissionDenied(
            "You have already answered this referral. Your answer is shown below."
        )


def _signing_organisations(person: Person) -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        pk__in=OrganisationRole.objects.filter(
            person=person, role__in=SUPERVISING_ROLES
        ).values("organisation_id")
    )


def can_sign_referrals(person: Person) -> bool:
    """Supervisors and admins sign referrals made under the limits."""
    return person.is_authenticated and _signing_organisations(person).exists()


def referrals_to_sign_for(person: Person) -> QuerySet[Referral]:
    """Referrals under the limits the person may see as a supervisor: made by
    someone they supervise now, or by someone with no supervisor there."""
    if not person.is_authenticated:
        return Referral.objects.none()
    organisations = _signing_organisations(person)
    supervised = Supervision.objects.filter(
        supervisor=person, ended_at__isnull=True, organisation__in=organisations
    ).values("supporter_id")
    with_a_supervisor = Supervision.objects.filter(
        ended_at__isnull=True, organisation__in=organisations
    ).values("supporter_id")
    return (
        Referral.objects.filter(basis="limits", organisation__in=organisations)
        .filter(Q(made_by__in=supervised) | ~Q(made_by__in=with_a_supervisor))
        .exclude(Q(made_by=person) | Q(peer=person))
    )


def referrals_visible_to(person: Person) -> QuerySet[Referral]:
    """Every referral about the person; those they made, while still in the
    organisation; and those under the limits they may sign."""
    if not person.is_authenticated:
        return Referral.objects.none()
    still_in = OrganisationRole.objects.filter(person=person).values("organisation_id")
    return Referral.objects.filter(
        Q(peer=person)
        | Q(made_by=person, organisation__in=still_in)
        | Q(pk__in=referrals_to_sign_for(person).values("pk"))
    )


def get_referral_for(person: Person, referral_id: int) -> Referral:
    """A referral the person may see; 404 otherwise, also when missing."""
    try:
        return (
            referrals_visible_to(person)
            .select_related("organisation", "made_by", "countersigned_by")
            .get(pk=referral_id)
        )
    except Referral.DoesNotExist:
        raise Http404 from None


def referral_side(person: Person, referral: Referral) -> str:
    """ "peer", "supporter" or "supervisor", for what the page offers."""
    if referral.peer_id == person.pk:
        return "peer"
    if referral.made_by_id == person.pk:
        return "supporter"
    return "supervisor"
