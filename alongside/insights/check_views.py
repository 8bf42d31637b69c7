"""Pages for the periodic check-ins, the register of measures, entering a
licensed measure's wording once, and the check-ins' figures. Thin: lookup
through permissions, form, action, response."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest
from alongside.organisations.permissions import get_organisation_for, role_in

from . import check_actions
from .check_forms import AskingForm, CheckInForm, WordingForm
from .check_models import LicensedWording
from .check_permissions import (
    asking_of,
    audience_for_role,
    can_enter_wording,
    check_enter_wording,
    check_in_blocker,
    check_may_visit_check_in,
    check_see_register,
    get_licensed_measure,
)
from .checks import check_in_figures, floor_inside
from .licences import MEASURES, wording_for, wording_of
from .permissions import check_see_dashboard


@login_required
@require_http_methods(["GET", "POST"])
def check_in(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug)
    check_may_visit_check_in(request.user, organisation)
    wording = wording_for(
        audience_for_role(role_in(request.user, organisation)), organisation.pk
    )
    form = CheckInForm(request.POST or None, wording=wording)
    if request.method == "POST" and form.is_valid():
        try:
            check_actions.check_in(
                person=request.user, organisation=organisation, scores=form.scores()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                "Thank you. Your answers are kept without your name, with only the "
                "day.",
            )
            return redirect("insights:check-in", slug=slug)
    return render(
        request,
        "insights/check_in.html",
        {
            "organisation": organisation,
            "wording": wording,
            "form": form,
            "blocker": check_in_blocker(request.user, organisation),
            "asking": asking_of(request.user, organisation),
            "floor": floor_inside(),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def check_in_asking(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug)
    check_may_visit_check_in(request.user, organisation)
    form = AskingForm(request.POST)
    if form.is_valid():
        check_actions.choose_asking(
            person=request.user,
            organisation=organisation,
            asking=form.cleaned_data["asking"],
        )
        messages.success(request, "Saved. You can change this here at any time.")
    else:
        messages.error(request, "Please choose one of the options.")
    return redirect("insights:check-in", slug=slug)


@login_required
@require_GET
def measure_register(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug)
    check_see_register(request.user, organisation)
    return render(
        request,
        "insights/measure_register.html",
        {
            "organisation": organisation,
            "rows": [
                (measure, wording_of(measure, organisation.pk)) for measure in MEASURES
            ],
            "may_enter": can_enter_wording(request.user, organisation),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def wording_enter(request: AuthenticatedRequest, slug: str, code: str) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug)
    check_enter_wording(request.user, organisation)
    measure = get_licensed_measure(code)
    ensure_second_factor(request)
    entered = LicensedWording.objects.filter(
        organisation=organisation, measure=measure.code
    ).first()
    form = WordingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            check_actions.enter_licensed_wording(
                person=request.user,
                organisation=organisation,
                measure=measure,
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Saved and locked. It can't be changed now.")
            return redirect("insights:measure-register", slug=slug)
    return render(
        request,
        "insights/wording_enter.html",
        {
            "organisation": organisation,
            "measure": measure,
            "entered": entered,
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_GET
def check_in_results(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug)
    check_see_dashboard(request.user, organisation)
    ensure_second_factor(request)
    return render(
        request,
        "insights/check_in_results.html",
        {
            "organisation": organisation,
            "measures": check_in_figures(organisation=organisation),
            "floor": floor_inside(),
        },
    )
