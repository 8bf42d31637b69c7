"""Self-care check-ins, sharing one, and the caseload page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from alongside.core.requests import AuthenticatedRequest
from alongside.supporters import actions
from alongside.supporters.forms import (
    CaseloadForm,
    CheckInForm,
)
from alongside.supporters.models import (
    CheckIn,
)
from alongside.supporters.permissions import (
    can_share_check_in,
    check_supporter,
    get_support_organisation_for,
)
from alongside.supporters.views.shared import staff_second_step


@login_required
@require_http_methods(["GET", "POST"])
def check_in(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_support_organisation_for(request.user, slug)
    check_supporter(request.user, organisation)
    staff_second_step(request, organisation)
    form = CheckInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        made = actions.record_check_in(
            person=request.user, organisation=organisation, **form.cleaned_data
        )
        if made.would_like_to_talk:
            messages.info(
                request,
                "Thank you for checking in. Nobody has been told. If you would like "
                "to talk, you can ask for help below, now or in the next few days.",
            )
        else:
            messages.success(request, "Thank you for checking in. Only you see this.")
        return redirect("supporters:mine", slug=organisation.slug)
    return render(
        request,
        "supporters/check_in.html",
        {"organisation": organisation, "form": form},
    )


@login_required
@require_POST
def check_in_share(request: AuthenticatedRequest, check_in_id: int) -> HttpResponse:
    found = CheckIn.objects.filter(pk=check_in_id, person=request.user).first()
    if found is None:
        raise Http404
    if not can_share_check_in(request.user, found):
        messages.error(request, "You do not have a supervisor to share it with yet.")
    else:
        actions.share_check_in(person=request.user, check_in=found)
        messages.success(request, "Shared with your supervisor.")
    return redirect("supporters:mine", slug=found.organisation.slug)


@login_required
@require_POST
def caseload(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_support_organisation_for(request.user, slug)
    check_supporter(request.user, organisation)
    what = request.POST.get("action", "")
    if what == "break":
        actions.take_break(person=request.user, organisation=organisation)
        messages.success(
            request,
            "You are taking a break. New matches and your coming shifts are paused. "
            "Nobody is told why. Look after yourself.",
        )
        return redirect("supporters:mine", slug=organisation.slug)
    if what == "back":
        actions.end_break(person=request.user, organisation=organisation)
        messages.success(request, "Welcome back.")
        return redirect("supporters:mine", slug=organisation.slug)
    form = CaseloadForm(request.POST)
    if form.is_valid():
        try:
            actions.set_caseload(
                person=request.user, organisation=organisation, **form.cleaned_data
            )
        except ValidationError as error:
            for problem in error.messages:
                messages.error(request, problem)
        else:
            messages.success(request, "Your caseload is saved.")
    else:
        for field_errors in form.errors.values():
            for field_error in field_errors:
                messages.error(request, str(field_error))
    return redirect("supporters:mine", slug=organisation.slug)
