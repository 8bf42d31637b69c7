"""Every change to a referral on to another service: the supporter records it, the
peer gives or refuses consent item by item, and a supervisor counter-signs one made
under the limits of confidentiality. Each action checks permission, keeps the
invariants, writes, and only after the commit tells anyone.

Nothing is sent to the service from here: the record says what may be shared, with
whose say-so and when. Notices never carry anyone's words.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.actions import notify
from alongside.organisations.models import (
    SUPERVISING_ROLES,
    OrganisationRole,
    SupportService,
)
from alongside.supporters.permissions import current_supervisor_of

from ..ending_models import Basis, Referral, ReferralStatus, ShareItem
from ..models import Match
from ..permissions import check_countersign, check_give_consent, check_refer

DOUBLE_CLICK = timedelta(seconds=30)
NOTHING_TICKED = "Please tick at least one thing that may be shared."
NOT_IN_DIRECTORY = (
    "That service is no longer in the organisation's directory. Please choose "
    "from the list as it is now."
)


def _link(referral: Referral) -> str:
    return reverse("buddying:referral-detail", kwargs={"referral_id": referral.pk})


def _signers(referral: Referral) -> list[Person]:
    """The supporter's supervisor; with none, the organisation's supervisors and
    admins (never the supporter or the peer)."""
    assert referral.made_by is not None
    supervisor = current_supervisor_of(referral.made_by, referral.organisation)
    if supervisor is not None:
        return [supervisor]
    return list(
        Person.objects.filter(
            pk__in=OrganisationRole.objects.filter(
                organisation=referral.organisation, role__in=SUPERVISING_ROLES
            ).values("person_id")
        ).exclude(pk__in=[referral.made_by_id, referral.peer_id])
    )


@transaction.atomic
def record_referral(
    *,
    person: Person,
    match: Match,
    service: SupportService,
    basis: str,
    items: list[str],
    why: str,
) -> Referral:
    """The supporter records a referral to a service in the organisation's
    directory. With consent, the peer is asked to tick what may be shared. Under
    the limits of confidentiality, a supervisor is asked to counter-sign, and the
    peer is told it was made. A double click finds the first."""
    match = Match.objects.select_for_update().get(pk=match.pk)
    check_refer(person, match)
    if service.organisation_id != match.organisation_id or service.removed_at:
        raise PermissionDenied(NOT_IN_DIRECTORY)
    items = [item for item in ShareItem.values if item in items]
    if not items:
        raise PermissionDenied(NOTHING_TICKED)
    if basis not in Basis.values:
        raise PermissionDenied("Please choose whether the person has a say.")
    earlier = Referral.objects.filter(
        match=match,
        service=service,
        basis=basis,
        created_at__gte=timezone.now() - DOUBLE_CLICK,
    ).first()
    if earlier is not None:
        return earlier
    under_limits = basis == Basis.LIMITS
    referral = Referral.objects.create(
        organisation=match.organisation,
        match=match,
        peer=match.peer,
        made_by=person,
        service=service,
        service_name=service.name,
        basis=basis,
        why=why,
        items_asked=items,
        items_shared=items if under_limits else [],
        status=ReferralStatus.AWAITING_SIGNATURE
        if under_limits
        else ReferralStatus.ASKED,
    )
    if under_limits:
        notify(
            people=_signers(referral),
            message="A one-to-one referral made under the limits of "
            "confidentiality is waiting for a supervisor's signature.",
            link=_link(referral),
        )
        notify(
            people=[match.peer],
            message="Your supporter has recorded a referral about you. You can "
            "read what is shared, and why.",
            link=_link(referral),
        )
    else:
        notify(
            people=[match.peer],
            message="Your supporter suggests another service. You choose what, "
            "if anything, may be shared.",
            link=_link(referral),
        )
    return referral


@transaction.atomic
def give_consent(*, person: Person, referral: Referral, items: list[str]) -> Referral:
    """The peer ticks, item by item, what may be shared (only items they were
    asked about), and the time is kept. Ticking nothing says no: nothing is
    shared. The supporter is told the answer, not the items' words."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    check_give_consent(person, referral)
    agreed = [item for item in referral.items_asked if item in items]
    referral.items_shared = agreed
    referral.consented_at = timezone.now()
    referral.status = ReferralStatus.CONSENTED if agreed else ReferralStatus.DECLINED
    referral.save(update_fields=["items_shared", "consented_at", "status"])
    if referral.made_by is not None:
        notify(
            people=[referral.made_by],
            message="The person you support has answered your referral."
            if agreed
            else "The person you support would rather not be referred. Nothing "
            "is shared.",
            link=_link(referral),
        )
    return referral


@transaction.atomic
def countersign_referral(*, person: Person, referral: Referral, agree: bool) -> None:
    """A supervisor signs a referral under the limits of confidentiality, or
    refuses (then nothing is shared). Both people are told; a second click finds
    it answered."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    check_countersign(person, referral)
    referral.countersigned_by = person
    referral.countersigned_at = timezone.now()
    if agree:
        referral.status = ReferralStatus.SIGNED
    else:
        referral.status = ReferralStatus.NOT_SIGNED
        referral.items_shared = []
    referral.save(
        update_fields=["countersigned_by", "countersigned_at", "status", "items_shared"]
    )
    notify(
        people=[p for p in (referral.made_by, referral.peer) if p is not None],
        message="A supervisor has looked at a one-to-one referral.",
        link=_link(referral),
    )
