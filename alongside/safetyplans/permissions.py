"""Who may see or do what with safety plans. The only place that decides.

A plan is its owner's alone. There is no staff rule here at all: no role in an
organisation or a group, and no escalation, reads a plan. Someone else sees it only
through a share the owner made and has not revoked: a named person who still shares
an organisation with the owner, or whoever holds a link that has not expired. A
named share is made only to someone who supports the owner when it is made (their
one-to-one supporter or a facilitator of one of their groups), chosen from a list
by the name they are shown by; it does not follow those roles afterwards. Every
lookup answers 404 for what is missing and for what the person may not see alike.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.http import Http404

from alongside.accounts.models import Person
from alongside.buddying.models import Match
from alongside.organisations.models import Organisation, OrganisationRole
from alongside.peergroups.models import GroupRole, Membership, Status

from .models import PlanShare, SafetyPlan, ShareQuerySet, digest_of


def _is_owner(person: Person, plan: SafetyPlan) -> bool:
    """The one rule for a plan itself: its owner, signed in."""
    return bool(person.is_authenticated and plan.owner_id == person.pk)


def plans_visible_to(person: Person) -> list[SafetyPlan]:
    """The person's own plan, if they have made one; nobody else's. Reads only."""
    if not person.is_authenticated:
        return []
    return list(SafetyPlan.objects.filter(owner=person))


def plan_of(person: Person) -> SafetyPlan | None:
    """The signed-in person's own plan, or None before they have saved anything."""
    plans = plans_visible_to(person)
    return plans[0] if plans else None


def can_change_plan(person: Person, plan: SafetyPlan) -> bool:
    """Only the owner reads, changes, prints, shares or locks their plan."""
    return _is_owner(person, plan)


def check_change_plan(person: Person, plan: SafetyPlan) -> None:
    """Raises Http404 unless can_change_plan. No side effects."""
    if not can_change_plan(person, plan):
        raise Http404


def share_an_organisation(first: Person, second: Person) -> bool:
    """Whether both hold a role in one organisation now. Reads only."""
    return Organisation.objects.filter(
        roles__person=first, pk__in=_organisations_of(second)
    ).exists()


def _organisations_of(person: Person) -> list[int]:
    return list(
        OrganisationRole.objects.filter(person=person).values_list(
            "organisation_id", flat=True
        )
    )


def _reasons_to_share_with(owner: Person) -> dict[int, list[str]]:
    """The one rule for sharing with a named person: the people who support the
    owner now, each with why. Their one-to-one supporter (an active match), and the
    facilitators of the groups they are an active member of; only active people, in
    one of the owner's organisations, never the owner. Nobody else is listed, so
    choosing whom to share with shows no one the owner does not already know, and
    never a sign-in name. Reads only."""
    if not owner.is_authenticated:
        return {}
    reasons: dict[int, list[str]] = {}
    for supporter_id in (
        Match.objects.active().filter(peer=owner).values_list("supporter_id", flat=True)
    ):
        reasons.setdefault(supporter_id, []).append("your one-to-one supporter")
    own_groups = Membership.objects.filter(person=owner, status=Status.ACTIVE)
    facilitators = Membership.objects.filter(
        role=GroupRole.FACILITATOR,
        status=Status.ACTIVE,
        group__in=own_groups.values("group"),
    ).order_by("group__name")
    for person_id, group_name in facilitators.values_list("person_id", "group__name"):
        reasons.setdefault(person_id, []).append(f"facilitator of {group_name}")
    in_organisation = OrganisationRole.objects.filter(
        person_id=OuterRef("pk"), organisation_id__in=_organisations_of(owner)
    )
    allowed = (
        Person.objects.filter(pk__in=reasons, is_active=True)
        .exclude(pk=owner.pk)
        .filter(Exists(in_organisation))
        .values_list("pk", flat=True)
    )
    return {person_id: reasons[person_id] for person_id in allowed}


def people_to_share_with(owner: Person) -> list[tuple[Person, str]]:
    """Whom the owner may choose to share with, each with the words that say who
    they are to the owner ("Jo, your one-to-one supporter"), by the name they are
    shown by. Reads only."""
    reasons = _reasons_to_share_with(owner)
    people = Person.objects.filter(pk__in=reasons)
    choices = [
        (person, f"{person.shown_name}, {' and '.join(reasons[person.pk])}")
        for person in people
    ]
    return sorted(choices, key=lambda choice: choice[1].casefold())


def can_share_with(owner: Person, recipient: Person) -> bool:
    """A plan may be shared with someone who supports the owner now (see
    `_reasons_to_share_with`)."""
    return recipient.pk in _reasons_to_share_with(owner)


def recipient_for(owner: Person, person_id: int) -> Person | None:
    """The person chosen from `people_to_share_with`, if the owner may share with
    them; None otherwise, whatever the reason. Reads only."""
    if person_id not in _reasons_to_share_with(owner):
        return None
    return Person.objects.filter(pk=person_id).first()


def shares_visible_to(person: Person) -> ShareQuerySet:
    """Named shares made to the person that are live now, from owners who still
    share an organisation with them. Never through a group. Reads only."""
    if not person.is_authenticated:
        return PlanShare.objects.none()
    same_organisation = OrganisationRole.objects.filter(
        person_id=OuterRef("plan__owner_id"),
        organisation_id__in=_organisations_of(person),
    )
    return (
        PlanShare.objects.live()
        .with_person(person)
        .filter(Exists(same_organisation))
        .select_related("plan")
    )


def get_share_for(person: Person, share_id: int) -> PlanShare:
    """A live share made to this person; otherwise 404, also once it is revoked or
    the owner and the person no longer share an organisation."""
    try:
        return shares_visible_to(person).get(pk=share_id)
    except PlanShare.DoesNotExist:
        raise Http404 from None


def get_link_share(token: str) -> PlanShare:
    """The live link share this token opens; otherwise 404 (revoked, expired,
    unknown or malformed alike)."""
    if not token or len(token) > 100:
        raise Http404
    try:
        return (
            PlanShare.objects.live()
            .select_related("plan")
            .get(token_digest=digest_of(token))
        )
    except PlanShare.DoesNotExist:
        raise Http404 from None


def get_own_share(person: Person, share_id: int) -> PlanShare:
    """A share of the person's own plan, live or not; 404 for anyone else's."""
    try:
        share = PlanShare.objects.select_related("plan").get(pk=share_id)
    except PlanShare.DoesNotExist:
        raise Http404 from None
    check_change_plan(person, share.plan)
    return share
