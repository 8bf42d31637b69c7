"""Deleting a whole group: the admin's confirmation page. Views translate; actions
decide and write."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest
from alongside.peergroups.permissions import check_delete_group, get_group_for
from alongside.safety.holds import open_safety_items_in

from . import actions
from .forms import DeleteGroupForm


@login_required
@require_http_methods(["GET", "POST"])
def group_delete(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = get_group_for(request.user, group_id)
    check_delete_group(request.user, group)
    ensure_second_factor(request)
    form = DeleteGroupForm(request.POST or None, group_name=group.name)
    open_items = open_safety_items_in(group)
    if request.method == "POST" and not open_items and form.is_valid():
        organisation_slug = group.organisation.slug
        try:
            actions.delete_group(person=request.user, group=group)
        except actions.SafetyItemsOpen:
            open_items = open_safety_items_in(group) or 1
        else:
            messages.info(request, "The group has been deleted.")
            return redirect("organisations:organisation-detail", slug=organisation_slug)
    return render(
        request,
        "retention/group_delete.html",
        {"group": group, "form": form, "open_items": open_items},
    )
