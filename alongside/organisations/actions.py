"""Every change to organisations, their roles, invitations and help directory."""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from django.db import transaction
from django.db.models import F
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.core.live import staff_roles_changed
from alongside.notifications.actions import notify

from .kinds import defaults_for
from .models import (
    UNDO_WINDOW,
    Invitation,
    Organisation,
    OrganisationRole,
    Role,
    Setting,
    SupportService,
    role_rank,
)
from .permissions import check_change_role, check_manage_organisation
from .support_defaults import UK_SUPPORT_SERVICES

logger = logging.getLogger(__name__)


@transaction.atomic
def create_organisation(**fields: Any) -> Organisation:
    """Create an organisation and give its directory the UK defaults to start from.
    Switches not given take the defaults of its kind of service (`setting`). No
    permission check: for setup commands and the demo only, never for views."""
    organisation = Organisation.objects.create(
        **{**defaults_for(fields["setting"]), **fields}
    )
    SupportService.objects.bulk_create(
        SupportService(organisation=organisation, **service)
        for service in UK_SUPPORT_SERVICES
    )
    return organisation


def grant_role(
    *, person: Person, organisation: Organisation, role: str
) -> OrganisationRole:
    """Give the person at least this role. A higher role already held is kept. No
    permission check: callers (sign-up, setup commands) have decided already."""
    existing = OrganisationRole.objects.filter(
        organisation=organisation, person=person
    ).first()
    if existing is None:
        return OrganisationRole.objects.create(
            organisation=organisation, person=person, role=role
        )
    if role_rank(role) > role_rank(existing.role):
        existing.role = role
        existing.save(update_fields=["role"])
    return existing


# Sent inside change_role's transaction, after the role is saved, with `place` (the
# OrganisationRole, holding the new role), `old_role`, `changed_by` and
# `step_down_from_groups` (the admin chose to end their facilitating too). The apps
# above this one connect to it in their AppConfig.ready and take away at once what
# only the old role gave (the team's places in private conversations, duty,
# supervising), so that it commits, or rolls back, with the change itself.
role_changed = Signal()


@transaction.atomic
def change_role(
    *,
    person: Person,
    place: OrganisationRole,
    role: str,
    step_down_from_groups: bool = False,
) -> bool:
    """An admin gives someone in their organisation another role, or takes a staff
    role away. Needs check_change_role: Http404 for anyone but the organisation's
    admins, PermissionDenied (with the reason) for the last admin. Everything the old
    role gave and the new one does not ends in the same transaction (role_changed),
    the person's staff alert sockets leave the organisation's staff channel once it
    commits, and the person is told, neutrally. With `step_down_from_groups`, someone
    no longer staff stops facilitating the organisation's groups even where peers may
    facilitate. Giving the role already held, or a role to someone no longer in the
    organisation, changes nothing and tells nobody. Returns whether the role changed
    (and so the person was told)."""
    # Two admins stepping each other down at once take turns here, as does one
    # erasing their account (privacy's erase_account takes the same lock), so that
    # the second finds the first's change and the organisation keeps an admin.
    Organisation.objects.select_for_update().get(pk=place.organisation_id)
    current = (
        OrganisationRole.objects.select_related("organisation", "person")
        .filter(pk=place.pk)
        .first()
    )
    if current is None:
        # They left the organisation, or erased their account, meanwhile.
        check_manage_organisation(person, place.organisation)
        return False
    place = current
    check_change_role(person, place, role)
    old_role = place.role
    if old_role == role:
        return False
    place.role = Role(role)
    place.save(update_fields=["role"])
    role_changed.send(
        sender=OrganisationRole,
        place=place,
        old_role=old_role,
        changed_by=person,
        step_down_from_groups=step_down_from_groups,
    )
    organisation = place.organisation
    notify(
        people=[place.person],
        message=f"Your role at {organisation.name} has changed. You are now: "
        f"{place.get_role_display()}.",
        link=reverse(
            "organisations:organisation-detail", kwargs={"slug": organisation.slug}
        ),
    )
    transaction.on_commit(partial(staff_roles_changed, person_id=place.person_id))
    # No audit trail of staff actions exists; the log keeps who, whose and when, by
    # id only.
    logger.info(
        "Role changed in organisation %s: person %s from %s to %s, by person %s.",
        organisation.pk,
        place.person_id,
        old_role,
        role,
        person.pk,
    )
    return True


@transaction.atomic
def welcome_new_person(*, person: Person, invitation: Invitation | None) -> None:
    """Place a newly signed-up person in their organisations.

    With an invitation they join its organisation in its role, and the invitation is
    used once. Without one they join every organisation that is open for sign-up.
    """
    if invitation is not None:
        used = (
            Invitation.objects.usable()
            .filter(pk=invitation.pk)
            .update(use_count=F("use_count") + 1)
        )
        if used:
            grant_role(
                person=person,
                organisation=invitation.organisation,
                role=invitation.role,
            )
            return
    for organisation in Organisation.objects.open_for_signup():
        grant_role(person=person, organisation=organisation, role=Role.PEER)


def update_organisation(
    *, person: Person, organisation: Organisation, **fields: Any
) -> Organisation:
    """Change the organisation's policy or its limits of confidentiality. Admins only
    (Http404 otherwise); saves only the fields given."""
    check_manage_organisation(person, organisation)
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.save(update_fields=list(fields))
    return organisation


def choose_organisation_kind(
    *, person: Person, organisation: Organisation, kind: str
) -> list[str]:
    """Make the organisation this kind of service and put every policy switch to
    that kind's defaults; the admin changes them one by one afterwards. Admins
    only (Http404 otherwise). Returns the switches whose value changed."""
    check_manage_organisation(person, organisation)
    defaults = defaults_for(kind)
    changed = [
        name for name, value in defaults.items() if getattr(organisation, name) != value
    ]
    organisation.setting = Setting(kind)
    for name, value in defaults.items():
        setattr(organisation, name, value)
    organisation.save(update_fields=["setting", *defaults])
    return changed


def create_invitation(
    *, person: Person, organisation: Organisation, **fields: Any
) -> Invitation:
    """Make a new invitation code for the organisation. Admins only (Http404
    otherwise); records who made it."""
    check_manage_organisation(person, organisation)
    return Invitation.objects.create(
        organisation=organisation, created_by=person, **fields
    )


def restore_invitation(*, person: Person, invitation: Invitation) -> bool:
    """Let a stopped code work again, if it was stopped within UNDO_WINDOW. Admins
    only (Http404 otherwise). False when it is too late."""
    check_manage_organisation(person, invitation.organisation)
    if invitation.revoked_at is None:
        return True
    if invitation.revoked_at < timezone.now() - UNDO_WINDOW:
        return False
    invitation.revoked_at = None
    invitation.save(update_fields=["revoked_at"])
    return True


def revoke_invitation(*, person: Person, invitation: Invitation) -> None:
    """Stop an invitation being used from now on. Admins only (Http404 otherwise);
    revoking twice keeps the first time."""
    check_manage_organisation(person, invitation.organisation)
    if invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])


def save_support_service(
    *, person: Person, service: SupportService, **fields: Any
) -> SupportService:
    """Add or change an entry in the organisation's "Get help now" directory. Admins
    only (Http404 otherwise). Adding an entry the directory already has (a double
    click) keeps the one there: two of the same would only confuse someone in a
    hurry."""
    check_manage_organisation(person, service.organisation)
    for name, value in fields.items():
        setattr(service, name, value)
    with transaction.atomic():
        if service.pk is None:
            # Taken in turn, so that two presses at once cannot both add.
            Organisation.objects.select_for_update().get(pk=service.organisation_id)
            same = _same_service_in_directory(service)
            if same is not None:
                return same
        service.save()
    return service


def _same_service_in_directory(service: SupportService) -> SupportService | None:
    for entry in SupportService.objects.filter(
        organisation_id=service.organisation_id, name__iexact=service.name.strip()
    ):
        if (entry.phone, entry.text_message, entry.website) == (
            service.phone,
            service.text_message,
            service.website,
        ):
            return entry
    return None


def remove_support_service(*, person: Person, service: SupportService) -> None:
    """Take an entry out of the "Get help now" directory at once. Admins only (Http404
    otherwise). It can be put back for UNDO_WINDOW; entries removed longer ago than
    that are deleted for good now. Removing twice keeps the first time."""
    check_manage_organisation(person, service.organisation)
    now = timezone.now()
    SupportService.with_removed.filter(
        organisation_id=service.organisation_id, removed_at__lt=now - UNDO_WINDOW
    ).delete()
    if service.removed_at is None:
        service.removed_at = now
        service.save(update_fields=["removed_at"])


def restore_support_service(*, person: Person, service: SupportService) -> bool:
    """Put a removed entry back in the directory, if it was removed within
    UNDO_WINDOW. Admins only (Http404 otherwise). False when it is too late (or it
    was never removed), so the page can say so."""
    check_manage_organisation(person, service.organisation)
    if service.removed_at is None:
        return True
    if service.removed_at < timezone.now() - UNDO_WINDOW:
        return False
    service.removed_at = None
    service.save(update_fields=["removed_at"])
    return True
