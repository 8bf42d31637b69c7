"""The organisation's own agreement items, kept by its admins."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation

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
    """An admin removes a baseline or example item. Versions already adopted keep it."""
    check_manage_organisation_items(person, organisation)
    if item.organisation_id != organisation.pk:
        raise PermissionDenied
    item.delete()
