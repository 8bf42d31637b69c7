"""The training path and training records."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest
from alongside.organisations.models import UNDO_WINDOW, Organisation
from alongside.supporters import actions
from alongside.supporters.forms import (
    ModuleForm,
    RecordTrainingForm,
)
from alongside.supporters.models import (
    TrainingModule,
)
from alongside.supporters.permissions import (
    check_manage_training,
    check_record_training,
    get_support_organisation_for,
    training_records_visible_to,
)
from alongside.supporters.views.shared import show_form_errors


@login_required
@require_http_methods(["GET", "POST"])
def training(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_support_organisation_for(request.user, slug)
    check_manage_training(request.user, organisation)
    ensure_second_factor(request)
    form = ModuleForm(request.POST if "name" in request.POST else None)
    if request.method == "POST" and "starter" in request.POST:
        added = actions.copy_starter_path(
            person=request.user, organisation=organisation
        )
        messages.success(
            request,
            f"Added {added} module{'s' if added != 1 else ''} from the starter path."
            if added
            else "The starter path's modules are already here.",
        )
        return redirect("supporters:training", slug=organisation.slug)
    if request.method == "POST" and form.is_valid():
        try:
            module = actions.add_training_module(
                person=request.user, organisation=organisation, **form.cleaned_data
            )
        except ValidationError as error:
            show_form_errors(form, error)
        else:
            messages.success(request, f"“{module.name}” is on the path.")
            return redirect("supporters:training", slug=organisation.slug)
    modules = (
        TrainingModule.objects.filter(organisation=organisation)
        .current()
        .annotate(record_count=Count("records"))
    )
    recently_removed = TrainingModule.objects.filter(
        organisation=organisation,
        removed_at__gte=timezone.now() - UNDO_WINDOW,
    ).order_by("-removed_at")
    return render(
        request,
        "supporters/training.html",
        {
            "organisation": organisation,
            "modules": modules,
            "form": form,
            "recently_removed": recently_removed,
        },
    )


def _module_of(
    request: AuthenticatedRequest, slug: str, module_id: int
) -> tuple[Organisation, TrainingModule]:
    organisation = get_support_organisation_for(request.user, slug)
    check_manage_training(request.user, organisation)
    ensure_second_factor(request)
    module = TrainingModule.objects.filter(
        organisation=organisation, pk=module_id
    ).first()
    if module is None:
        raise Http404
    return organisation, module


@login_required
@require_http_methods(["GET", "POST"])
def module_remove(
    request: AuthenticatedRequest, slug: str, module_id: int
) -> HttpResponse:
    """Asks first; taking a module off can be undone for a few minutes."""
    organisation, module = _module_of(request, slug, module_id)
    if request.method == "POST":
        actions.remove_training_module(person=request.user, module=module)
        messages.info(
            request,
            f"“{module.name}” is off the path. People's records of it are kept. "
            "You can put it back from this page for the next few minutes.",
        )
        return redirect("supporters:training", slug=organisation.slug)
    return render(
        request,
        "supporters/module_remove.html",
        {"organisation": organisation, "module": module},
    )


@login_required
@require_POST
def module_restore(
    request: AuthenticatedRequest, slug: str, module_id: int
) -> HttpResponse:
    organisation, module = _module_of(request, slug, module_id)
    if actions.restore_training_module(person=request.user, module=module):
        messages.success(request, f"“{module.name}” is back on the path.")
    else:
        messages.info(
            request, "It is too late to put that back. Please add it again below."
        )
    return redirect("supporters:training", slug=organisation.slug)


@login_required
@require_http_methods(["GET", "POST"])
def training_record(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_support_organisation_for(request.user, slug)
    check_record_training(request.user, organisation)
    ensure_second_factor(request)
    form = RecordTrainingForm(
        request.POST or None, organisation=organisation, recorder=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            record = actions.record_training(
                person=request.user,
                supporter=form.cleaned_data["supporter"],
                module=form.cleaned_data["module"],
                completed_on=form.cleaned_data["completed_on"],
                is_practice=form.cleaned_data["is_practice"],
            )
        except ValidationError as error:
            show_form_errors(form, error)
        else:
            what = "Practice session" if record.is_practice else "Completion"
            messages.success(
                request,
                f"{what} recorded: “{record.module.name}” for "
                f"{record.person.shown_name}.",
            )
            return redirect("supporters:training-record", slug=organisation.slug)
    recent = (
        training_records_visible_to(request.user, organisation)
        .select_related("module", "person")
        .order_by("-created_at")[:10]
    )
    return render(
        request,
        "supporters/training_record.html",
        {"organisation": organisation, "form": form, "recent": recent},
    )
