"""The team page, supervision sessions, and registration."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest
from alongside.supporters import actions
from alongside.supporters.forms import (
    AssignSupervisorForm,
    NotesForm,
    ReflectionForm,
    RegistrationForm,
    SessionForm,
    supporters_of,
)
from alongside.supporters.models import (
    HelpRequest,
    SessionStatus,
    SupporterProfile,
    TrainingModule,
)
from alongside.supporters.permissions import (
    can_assign_supervisors,
    can_manage_rota,
    can_manage_training,
    can_set_registration,
    can_write_notes,
    can_write_reflection,
    caseload_summary,
    check_see_team,
    check_set_registration,
    current_supervisor_of,
    get_session_for,
    get_support_organisation_for,
    is_supervision_overdue,
    session_dates_visible_to,
    sessions_visible_to,
    shared_check_ins_for,
    supervisees_of,
    training_records_visible_to,
)
from alongside.supporters.views.shared import (
    show_form_errors,
    staff_second_step,
    training_rows,
)


@login_required
@require_http_methods(["GET", "POST"])
def team(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_support_organisation_for(request.user, slug)
    check_see_team(request.user, organisation)
    ensure_second_factor(request)
    may_assign = can_assign_supervisors(request.user, organisation)
    form = AssignSupervisorForm(
        request.POST if may_assign and request.method == "POST" else None,
        organisation=organisation,
    )
    if request.method == "POST":
        if not may_assign:
            raise Http404
        if form.is_valid():
            try:
                actions.assign_supervisor(
                    person=request.user, organisation=organisation, **form.cleaned_data
                )
            except ValidationError as error:
                show_form_errors(form, error)
            else:
                messages.success(request, "Supervision is set.")
                return redirect("supporters:team", slug=organisation.slug)
    modules = list(TrainingModule.objects.filter(organisation=organisation).current())
    records = list(
        training_records_visible_to(request.user, organisation).select_related("module")
    )
    people: list[dict[str, Any]] = [
        {
            "person": someone,
            "supervisor": supervisor,
            # Told to their supervisor only, never to the whole organisation.
            "supervision_overdue": supervisor == request.user
            and is_supervision_overdue(someone, organisation),
            "training": training_rows(
                [r for r in records if r.person_id == someone.pk], modules
            ),
        }
        for someone in supporters_of(organisation)
        for supervisor in [current_supervisor_of(someone, organisation)]
    ]
    registrations = {
        profile.person_id: profile.registration
        for profile in SupporterProfile.objects.filter(
            organisation=organisation,
            person__in=[row["supervisor"] for row in people if row["supervisor"]],
        )
    }
    for row in people:
        row["registration"] = (
            registrations.get(row["supervisor"].pk, "") if row["supervisor"] else ""
        )
    my_profile = (
        actions.profile_for(request.user, organisation)
        if can_set_registration(request.user, organisation)
        else None
    )
    reaching_me = (
        HelpRequest.objects.open()
        .filter(organisation=organisation, alerted=request.user)
        .select_related("person")
    )
    context = {
        "organisation": organisation,
        "people": people,
        "modules": modules,
        "form": form if may_assign else None,
        "supervisees": supervisees_of(request.user, organisation),
        "my_sessions": sessions_visible_to(request.user)
        .filter(organisation=organisation, supervisor=request.user)
        .select_related("supervisee")[:20],
        "session_dates": session_dates_visible_to(
            request.user, organisation
        ).select_related("supervisee")[:50],
        "shared_check_ins": shared_check_ins_for(
            request.user, organisation
        ).select_related("person")[:20],
        "help_requests": reaching_me,
        "caseloads": caseload_summary(request.user, organisation),
        "registration_form": RegistrationForm(
            initial={
                "profession": my_profile.profession,
                "register": my_profile.register,
                "register_number": my_profile.register_number,
            }
        )
        if my_profile is not None
        else None,
        "can_manage_training": can_manage_training(request.user, organisation),
        "can_manage_rota": can_manage_rota(request.user, organisation),
    }
    return render(request, "supporters/team.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def session_create(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_support_organisation_for(request.user, slug)
    check_see_team(request.user, organisation)
    ensure_second_factor(request)
    supervisees = supervisees_of(request.user, organisation)
    form = SessionForm(request.POST or None, supervisees=supervisees)
    if request.method == "POST" and form.is_valid():
        try:
            session = actions.schedule_session(
                person=request.user, organisation=organisation, **form.cleaned_data
            )
        except ValidationError as error:
            show_form_errors(form, error)
        else:
            messages.success(request, "The session is planned.")
            return redirect("supporters:session-detail", session_id=session.pk)
    return render(
        request,
        "supporters/session_form.html",
        {
            "organisation": organisation,
            "form": form,
            "has_supervisees": supervisees.exists(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def session_detail(request: AuthenticatedRequest, session_id: int) -> HttpResponse:
    session = get_session_for(request.user, session_id)
    staff_second_step(request, session.organisation)
    writes_notes = can_write_notes(request.user, session)
    writes_reflection = can_write_reflection(request.user, session)
    notes_form = NotesForm(
        request.POST if writes_notes and request.method == "POST" else None,
        initial={"notes": session.notes, "status": session.status},
    )
    reflection_form = ReflectionForm(
        request.POST if writes_reflection and request.method == "POST" else None,
        initial={"reflection": session.reflection},
    )
    if request.method == "POST":
        if writes_notes and notes_form.is_valid():
            actions.write_session_notes(
                person=request.user, session=session, **notes_form.cleaned_data
            )
            messages.success(request, "Saved. Only the two of you can read it.")
            return redirect("supporters:session-detail", session_id=session.pk)
        if writes_reflection and reflection_form.is_valid():
            actions.write_reflection(
                person=request.user, session=session, **reflection_form.cleaned_data
            )
            messages.success(
                request, "Saved. Only you and your supervisor can read it."
            )
            return redirect("supporters:session-detail", session_id=session.pk)
    return render(
        request,
        "supporters/session_detail.html",
        {
            "session": session,
            "notes_form": notes_form if writes_notes else None,
            "reflection_form": reflection_form if writes_reflection else None,
            "happened": session.status == SessionStatus.HAPPENED,
        },
    )


@login_required
@require_POST
def registration(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_support_organisation_for(request.user, slug)
    check_set_registration(request.user, organisation)
    ensure_second_factor(request)
    form = RegistrationForm(request.POST)
    if form.is_valid():
        actions.set_registration(
            person=request.user, organisation=organisation, **form.cleaned_data
        )
        messages.success(request, "Your registration is saved.")
    else:
        for field_errors in form.errors.values():
            for field_error in field_errors:
                messages.error(request, str(field_error))
    return redirect("supporters:team", slug=organisation.slug)
