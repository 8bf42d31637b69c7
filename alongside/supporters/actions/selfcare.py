"""Self-care and caseload: check-ins, sharing one, the supporter's profile,
caseload, registration and taking a break."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.actions import notify
from alongside.organisations.models import STAFF_ROLES, Organisation, OrganisationRole
from alongside.supporters.models import (
    DEFAULT_MAX_MATCHES,
    CheckIn,
    EmploymentKind,
    Register,
    Shift,
    SupporterProfile,
)
from alongside.supporters.permissions import (
    check_set_registration,
    check_share_check_in,
    check_supporter,
    current_supervisor_of,
)


@transaction.atomic
def record_check_in(
    *,
    person: Person,
    organisation: Organisation,
    feeling: int,
    load: str,
    would_like_to_talk: bool,
) -> CheckIn:
    """A private check-in. Nobody is told; wanting to talk offers the person the
    ways to ask for help, and sends nothing by itself."""
    check_supporter(person, organisation)
    return CheckIn.objects.create(
        organisation=organisation,
        person=person,
        feeling=feeling,
        load=load,
        would_like_to_talk=would_like_to_talk,
    )


@transaction.atomic
def share_check_in(*, person: Person, check_in: CheckIn) -> CheckIn:
    """Share one check-in with the person's supervisor, who is told."""
    check_share_check_in(person, check_in)
    if check_in.shared_at is None:
        check_in.shared_at = timezone.now()
        check_in.save(update_fields=["shared_at"])
        supervisor = current_supervisor_of(person, check_in.organisation)
        if supervisor is not None:
            notify(
                people=[supervisor],
                message="Someone you supervise shared a check-in with you.",
                link=reverse(
                    "supporters:team", kwargs={"slug": check_in.organisation.slug}
                ),
            )
    return check_in


def profile_for(person: Person, organisation: Organisation) -> SupporterProfile:
    """The supporter's profile, made with the organisation's default on first use.
    Employed peer support workers (the staff roles: facilitators, supervisors and
    admins) start at the higher default."""
    employed = OrganisationRole.objects.filter(
        organisation=organisation, person=person, role__in=STAFF_ROLES
    ).exists()
    kind = EmploymentKind.EMPLOYED if employed else EmploymentKind.VOLUNTEER
    profile, _ = SupporterProfile.objects.get_or_create(
        organisation=organisation,
        person=person,
        defaults={"employment": kind, "max_matches": DEFAULT_MAX_MATCHES[kind]},
    )
    return profile


@transaction.atomic
def set_caseload(
    *,
    person: Person,
    organisation: Organisation,
    max_matches: int,
    matching_paused: bool,
) -> SupporterProfile:
    """A supporter sets their own limit of one-to-one matches, and can pause new
    ones. The limit is at most the organisation's default for their kind of role."""
    check_supporter(person, organisation)
    profile = profile_for(person, organisation)
    ceiling = DEFAULT_MAX_MATCHES[EmploymentKind(profile.employment)]
    if not 0 <= max_matches <= ceiling:
        raise ValidationError(
            {"max_matches": f"Please choose a number from 0 to {ceiling}."}
        )
    profile.max_matches = max_matches
    profile.matching_paused = matching_paused
    profile.save(update_fields=["max_matches", "matching_paused"])
    return profile


@transaction.atomic
def set_registration(
    *,
    person: Person,
    organisation: Organisation,
    profession: str,
    register: str,
    register_number: str,
) -> SupporterProfile:
    """A supervisor gives their profession and professional registration, which the
    people they supervise and the organisation's admins see."""
    check_set_registration(person, organisation)
    if register and register not in Register.values:
        raise ValidationError({"register": "Please choose one of the registers."})
    profile = profile_for(person, organisation)
    profile.profession = profession.strip()
    profile.register = register
    profile.register_number = register_number.strip()
    profile.save(update_fields=["profession", "register", "register_number"])
    return profile


@transaction.atomic
def take_break(*, person: Person, organisation: Organisation) -> SupporterProfile:
    """One step: new matches pause and the person's coming shifts are left open for
    someone else. Nobody is told why; the rota shows a gap."""
    check_supporter(person, organisation)
    profile = profile_for(person, organisation)
    if profile.on_break_since is None:
        profile.on_break_since = timezone.now()
        profile.save(update_fields=["on_break_since"])
    Shift.objects.filter(
        organisation=organisation, person=person, ends_at__gt=timezone.now()
    ).update(person=None)
    return profile


@transaction.atomic
def end_break(*, person: Person, organisation: Organisation) -> SupporterProfile:
    """Back from a break. Matching stays as they set it; shifts are not given back
    (the rota may have been filled)."""
    check_supporter(person, organisation)
    profile = profile_for(person, organisation)
    profile.on_break_since = None
    profile.save(update_fields=["on_break_since"])
    return profile
