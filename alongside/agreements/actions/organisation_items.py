"""The organisation's own agreement items, kept by its admins."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import UNDO_WINDOW, Organisation

from ..models import OrganisationItem
from ..permissions import check_manage_organisation_items


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
    """An admin removes a baseline or example item. It leaves every list and every
    group's agreement at once, and can be put back for UNDO_WINDOW; items removed
    longer ago than that are deleted for good now. Versions already adopted keep
    their words. Removing twice keeps the first time."""
    check_manage_organisation_items(person, organisation)
    if item.organisation_id != organisation.pk:
        raise PermissionDenied
    now = timezone.now()
    OrganisationItem.with_removed.filter(
        organisation=organisation, removed_at__lt=now - UNDO_WINDOW
    ).delete()
    if item.removed_at is None:
        item.removed_at = now
        item.save(update_fields=["removed_at"])


@transaction.atomic
def restore_organisation_item(
    *, person: Person, organisation: Organisation, item: OrganisationItem
) -> bool:
    """Put a removed item back, if it was removed within UNDO_WINDOW. Admins only.
    False when it is too late, so the page can say so."""
    check_manage_organisation_items(person, organisation)
    if item.organisation_id != organisation.pk:
        raise PermissionDenied
    if item.removed_at is None:
        return True
    if item.removed_at < timezone.now() - UNDO_WINDOW:
        return False
    item.removed_at = None
    item.save(update_fields=["removed_at"])
    return True
