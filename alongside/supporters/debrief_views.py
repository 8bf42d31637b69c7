"""The short debrief after a meeting someone facilitated: writing it, the list of
one's own and of those received, and reading one. Views translate;
debrief_permissions decide; debriefs write."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest
from alongside.organisations.permissions import is_staff

from . import debriefs
from .debrief_permissions import (
    debriefs_visible_to,
    facilitated_meetings_of,
    get_debrief_for,
    get_facilitated_for,
)
from .forms import DebriefForm
from .permissions import current_supervisor_of, get_support_organisation_for


@login_required
@require_http_methods(["GET", "POST"])
def debrief(request: AuthenticatedRequest, facilitated_id: int) -> HttpResponse:
    facilitated = get_facilitated_for(request.user, facilitated_id)
    existing = getattr(facilitated, "debrief", None)
    form = DebriefForm(
        request.POST if request.method == "POST" else None,
        initial={"to_pass_on": existing.to_pass_on, "needs": existing.needs}
        if existing is not None
        else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            debriefs.write_debrief(
                person=request.user, facilitated=facilitated, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            messages.success(request, "Thank you. Your supervisor can read it now.")
            return redirect(
                "supporters:debrief-list", slug=facilitated.organisation.slug
            )
    return render(
        request,
        "supporters/debrief_form.html",
        {
            "facilitated": facilitated,
            "form": form,
            "supervisor": current_supervisor_of(request.user, facilitated.organisation),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def debrief_list(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_support_organisation_for(request.user, slug)
    if is_staff(request.user, organisation):
        ensure_second_factor(request)
    visible = debriefs_visible_to(request.user).filter(organisation=organisation)
    return render(
        request,
        "supporters/debrief_list.html",
        {
            "organisation": organisation,
            "facilitated": facilitated_meetings_of(request.user)
            .filter(organisation=organisation)
            .select_related("debrief")[:20],
            "received": visible.filter(supervisor=request.user)
            .exclude(facilitated_meeting__person=request.user)
            .select_related("facilitated_meeting__person")[:20],
        },
    )


@login_required
@require_GET
def debrief_detail(request: AuthenticatedRequest, debrief_id: int) -> HttpResponse:
    found = get_debrief_for(request.user, debrief_id)
    if found.supervisor_id == request.user.pk:
        ensure_second_factor(request)
    return render(request, "supporters/debrief_detail.html", {"debrief": found})
