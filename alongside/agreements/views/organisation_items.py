"""The organisation's own agreement items (baseline items and examples), for its
admins."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest
from alongside.organisations.models import Organisation
from alongside.organisations.permissions import get_organisation_for

from .. import actions
from ..forms import OrganisationItemForm
from ..models import OrganisationItem
from ..permissions import check_manage_organisation_items
from ..starter import DEFAULT_EXAMPLES


def _managed_organisation(request: AuthenticatedRequest, slug: str) -> Organisation:
    organisation = get_organisation_for(request.user, slug)
    check_manage_organisation_items(request.user, organisation)
    ensure_second_factor(request)
    return organisation


@login_required
@require_http_methods(["GET", "POST"])
def organisation_items(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = _managed_organisation(request, slug)
    form = OrganisationItemForm(request.POST or None, initial={"kind": "example"})
    if request.method == "POST" and form.is_valid():
        actions.save_organisation_item(
            person=request.user, organisation=organisation, **form.cleaned_data
        )
        messages.success(request, "The item is saved.")
        return redirect("agreements:organisation-items", slug=organisation.slug)
    items = OrganisationItem.objects.filter(organisation=organisation)
    return render(
        request,
        "agreements/organisation_items.html",
        {
            "organisation": organisation,
            "form": form,
            "baseline": [i for i in items if i.kind == "baseline"],
            "examples": [i for i in items if i.kind == "example"],
            "default_examples": DEFAULT_EXAMPLES,
            "recently_removed": OrganisationItem.with_removed.filter(
                organisation=organisation
            ).recently_removed(),
        },
    )


def _organisation_item(organisation: Organisation, item_id: int) -> OrganisationItem:
    item = OrganisationItem.objects.filter(
        organisation=organisation, pk=item_id
    ).first()
    if item is None:
        raise Http404
    return item


@login_required
@require_http_methods(["GET", "POST"])
def organisation_item_edit(
    request: AuthenticatedRequest, slug: str, item_id: int
) -> HttpResponse:
    organisation = _managed_organisation(request, slug)
    item = _organisation_item(organisation, item_id)
    form = OrganisationItemForm(
        request.POST or None,
        initial={"kind": item.kind, "text": item.text, "why": item.why},
    )
    if request.method == "POST" and form.is_valid():
        actions.save_organisation_item(
            person=request.user,
            organisation=organisation,
            item=item,
            **form.cleaned_data,
        )
        messages.success(request, "The item is saved.")
        return redirect("agreements:organisation-items", slug=organisation.slug)
    return render(
        request,
        "agreements/organisation_item_edit.html",
        {"organisation": organisation, "form": form, "item": item},
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_item_remove(
    request: AuthenticatedRequest, slug: str, item_id: int
) -> HttpResponse:
    """Asks first; removing can be undone from the items page for a few minutes."""
    organisation = _managed_organisation(request, slug)
    item = _organisation_item(organisation, item_id)
    if request.method == "POST":
        actions.remove_organisation_item(
            person=request.user, organisation=organisation, item=item
        )
        messages.success(
            request,
            "The item is removed from every group's agreement. You can put it back "
            "from this page for the next few minutes.",
        )
        return redirect("agreements:organisation-items", slug=organisation.slug)
    return render(
        request,
        "agreements/organisation_item_remove.html",
        {"organisation": organisation, "item": item},
    )


@login_required
@require_POST
def organisation_item_restore(
    request: AuthenticatedRequest, slug: str, item_id: int
) -> HttpResponse:
    organisation = _managed_organisation(request, slug)
    item = OrganisationItem.with_removed.filter(
        organisation=organisation, pk=item_id
    ).first()
    if item is None:
        raise Http404
    if actions.restore_organisation_item(
        person=request.user, organisation=organisation, item=item
    ):
        messages.success(request, "The item is back in every group's agreement.")
    else:
        messages.info(
            request, "It is too late to put that back. Please add it again below."
        )
    return redirect("agreements:organisation-items", slug=organisation.slug)
