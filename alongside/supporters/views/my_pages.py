"""A supporter's own pages: where they support, their support work, and asking for
help soon."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest
from alongside.supporters import actions
from alongside.supporters.forms import (
    CaseloadForm,
    HelpForm,
)
from alongside.supporters.models import (
    Gate,
    Shift,
    TrainingModule,
)
from alongside.supporters.permissions import (
    can_acknowledge_help,
    can_manage_training,
    can_record_training,
    check_ask_for_help,
    check_ins_visible_to,
    current_supervisor_of,
    get_help_request_for,
    get_support_organisation_for,
    help_requests_visible_to,
    is_supervision_overdue,
    missing_training,
    sessions_visible_to,
    support_organisations_of,
    training_reason,
    training_records_visible_to,
)
from alongside.supporters.views.shared import (
    registration_of,
    staff_second_step,
    training_rows,
)


@login_required
@require_GET
def index(request: AuthenticatedRequest) -> HttpResponse:
    organisations = list(support_organisations_of(request.user))
    if not organisations:
        raise Http404
    if len(organisations) == 1:
        return redirect("supporters:mine", slug=organisations[0].slug)
    return render(request, "supporters/index.html", {"organisations": organisations})


@login_required
@require_GET
def mine(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_support_organisation_for(request.user, slug)
    staff_second_step(request, organisation)
    person = request.user
    modules = list(TrainingModule.objects.filter(organisation=organisation).current())
    records = list(
        training_records_visible_to(person, organisation).filter(person=person)
    )
    gates = [
        {
            "label": gate.label,
            "missing": missing,
            "reason": training_reason(gate, missing) if missing else "",
        }
        for gate in Gate
        for missing in [missing_training(person, organisation, gate)]
    ]
    profile = actions.profile_for(person, organisation)
    now = timezone.now()
    context = {
        "organisation": organisation,
        "training": training_rows(records, modules),
        "gates": gates,
        "supervisor": current_supervisor_of(person, organisation),
        "supervisor_registration": registration_of(
            current_supervisor_of(person, organisation), organisation
        ),
        "supervision_overdue": is_supervision_overdue(person, organisation),
        "sessions": sessions_visible_to(person)
        .filter(organisation=organisation, supervisee=person)
        .order_by("-scheduled_for")[:10],
        "check_ins": check_ins_visible_to(person, organisation)[:10],
        "profile": profile,
        "caseload_form": CaseloadForm(
            initial={
                "max_matches": profile.max_matches,
                "matching_paused": profile.matching_paused,
            }
        ),
        "shifts": Shift.objects.filter(
            organisation=organisation, person=person, ends_at__gt=now
        )[:10],
        "help_requests": help_requests_visible_to(person)
        .filter(organisation=organisation, person=person)
        .order_by("-created_at")[:5],
        "can_share": current_supervisor_of(person, organisation) is not None,
        "can_see_team": can_record_training(person, organisation),
        "can_manage_training": can_manage_training(person, organisation),
    }
    return render(request, "supporters/mine.html", context)


@login_required
@require_POST
def help_ask(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_support_organisation_for(request.user, slug)
    check_ask_for_help(request.user, organisation)
    form = HelpForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Please choose now or soon, then press the button.")
        return redirect("supporters:mine", slug=organisation.slug)
    help_request = actions.ask_for_help(
        person=request.user,
        organisation=organisation,
        urgency=form.cleaned_data["urgency"],
    )
    return redirect("supporters:help-detail", help_request_id=help_request.pk)


@login_required
@require_http_methods(["GET", "POST"])
def help_detail(request: AuthenticatedRequest, help_request_id: int) -> HttpResponse:
    help_request = get_help_request_for(request.user, help_request_id)
    if request.method == "POST":
        actions.acknowledge_help(person=request.user, help_request=help_request)
        messages.success(request, "They have been told you will be in touch.")
        return redirect("supporters:help-detail", help_request_id=help_request.pk)
    is_asker = help_request.person_id == request.user.pk
    if not is_asker:
        ensure_second_factor(request)
    return render(
        request,
        "supporters/help_detail.html",
        {
            "help_request": help_request,
            "is_asker": is_asker,
            "can_acknowledge": can_acknowledge_help(request.user, help_request),
        },
    )
