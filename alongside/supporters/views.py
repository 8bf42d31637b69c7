"""Supporters' pages: my support work, training, the team, supervision sessions,
check-ins, caseload, the rota and "I need help". Views translate; permissions
decide; actions write."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.forms import Form
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alongside.accounts.models import Person
from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest
from alongside.organisations.models import Organisation
from alongside.organisations.permissions import is_staff

from . import actions
from .forms import (
    AssignSupervisorForm,
    CaseloadForm,
    CheckInForm,
    HelpForm,
    ModuleForm,
    NotesForm,
    RecordTrainingForm,
    ReflectionForm,
    RegistrationForm,
    SessionForm,
    ShiftForm,
    supporters_of,
)
from .models import (
    REMIND_DAYS_BEFORE_EXPIRY,
    CheckIn,
    Gate,
    HelpRequest,
    SessionStatus,
    Shift,
    ShiftKind,
    SupporterProfile,
    TrainingModule,
    TrainingRecord,
)
from .permissions import (
    can_acknowledge_help,
    can_ask_for_swap,
    can_assign_supervisors,
    can_manage_rota,
    can_manage_training,
    can_record_training,
    can_set_registration,
    can_share_check_in,
    can_take_this_shift,
    can_write_notes,
    can_write_reflection,
    caseload_summary,
    check_ask_for_help,
    check_ins_visible_to,
    check_manage_rota,
    check_manage_training,
    check_record_training,
    check_see_rota,
    check_see_team,
    check_set_registration,
    check_supporter,
    current_supervisor_of,
    get_help_request_for,
    get_session_for,
    get_shift_for,
    get_support_organisation_for,
    help_requests_visible_to,
    is_supervision_overdue,
    missing_training,
    session_dates_visible_to,
    sessions_visible_to,
    shared_check_ins_for,
    supervisees_of,
    support_organisations_of,
    training_reason,
    training_records_visible_to,
    uncovered_shift_ids,
)

GAPS_AHEAD = timedelta(hours=72)


@dataclass(frozen=True)
class RotaRow:
    """A shift as the rota shows it: a gap when nobody (allowed) is on it, and what
    the reader may do with it."""

    shift: Shift
    is_gap: bool
    is_mine: bool = False
    can_take: bool = False


def _staff_second_step(
    request: AuthenticatedRequest, organisation: Organisation
) -> None:
    """Staff pages ask staff for their second sign-in step; peer supporters, who
    are not staff, are not asked."""
    if is_staff(request.user, organisation):
        ensure_second_factor(request)


def _form_errors(form: Form, error: ValidationError) -> None:
    """Put an action's refusal next to the field it is about, keeping the input."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            for problem in errors:
                form.add_error(target, problem)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _training_rows(
    person_records: list[TrainingRecord], modules: list[TrainingModule]
) -> list[dict[str, Any]]:
    """For each module on the path: the latest real completion and its state."""
    today = timezone.localdate()
    soon = today + timedelta(days=REMIND_DAYS_BEFORE_EXPIRY)
    rows = []
    for module in modules:
        done = [
            r for r in person_records if r.module_id == module.pk and not r.is_practice
        ]
        latest = max(done, key=lambda r: r.completed_on, default=None)
        practised = [
            r for r in person_records if r.module_id == module.pk and r.is_practice
        ]
        if latest is None:
            state = "Not done yet"
        elif latest.expires_on is not None and latest.expires_on <= today:
            state = "Needs refreshing"
        elif latest.expires_on is not None and latest.expires_on <= soon:
            state = "Runs out soon"
        else:
            state = "Done"
        rows.append(
            {
                "module": module,
                "latest": latest,
                "state": state,
                "practice_count": len(practised),
            }
        )
    return rows


def _registration_of(person: Person | None, organisation: Organisation) -> str:
    if person is None:
        return ""
    profile = SupporterProfile.objects.filter(
        organisation=organisation, person=person
    ).first()
    return profile.registration if profile is not None else ""


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
    _staff_second_step(request, organisation)
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
        "training": _training_rows(records, modules),
        "gates": gates,
        "supervisor": current_supervisor_of(person, organisation),
        "supervisor_registration": _registration_of(
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
            _form_errors(form, error)
        else:
            messages.success(request, f"“{module.name}” is on the path.")
            return redirect("supporters:training", slug=organisation.slug)
    modules = (
        TrainingModule.objects.filter(organisation=organisation)
        .current()
        .annotate(record_count=Count("records"))
    )
    return render(
        request,
        "supporters/training.html",
        {"organisation": organisation, "modules": modules, "form": form},
    )


@login_required
@require_POST
def module_remove(
    request: AuthenticatedRequest, slug: str, module_id: int
) -> HttpResponse:
    organisation = get_support_organisation_for(request.user, slug)
    check_manage_training(request.user, organisation)
    ensure_second_factor(request)
    module = TrainingModule.objects.filter(
        organisation=organisation, pk=module_id
    ).first()
    if module is None:
        raise Http404
    actions.remove_training_module(person=request.user, module=module)
    messages.info(
        request,
        f"“{module.name}” is off the path. People's records of it are kept.",
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
            _form_errors(form, error)
        else:
            what = "Practice session" if record.is_practice else "Completion"
            messages.success(
                request,
                f"{what} recorded: “{record.module.name}” for "
                f"{record.person.username}.",
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
                _form_errors(form, error)
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
            "training": _training_rows(
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
            _form_errors(form, error)
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
    _staff_second_step(request, session.organisation)
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
@require_http_methods(["GET", "POST"])
def check_in(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_support_organisation_for(request.user, slug)
    check_supporter(request.user, organisation)
    _staff_second_step(request, organisation)
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


@login_required
@require_http_methods(["GET", "POST"])
def rota(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_support_organisation_for(request.user, slug)
    check_see_rota(request.user, organisation)
    _staff_second_step(request, organisation)
    may_manage = can_manage_rota(request.user, organisation)
    if request.method == "POST":
        check_manage_rota(request.user, organisation)
    form = ShiftForm(
        request.POST if request.method == "POST" else None, organisation=organisation
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.add_shift(
                person=request.user, organisation=organisation, **form.cleaned_data
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, "The shift is on the rota.")
            return redirect("supporters:rota", slug=organisation.slug)
    now = timezone.now()
    shifts = list(
        Shift.objects.filter(organisation=organisation)
        .between(now, now + timedelta(days=14))
        .select_related("person")
    )
    uncovered = uncovered_shift_ids(organisation, shifts)
    rows = [
        RotaRow(
            shift,
            is_gap=shift.person_id is None or shift.pk in uncovered,
            is_mine=can_ask_for_swap(request.user, shift),
            can_take=(
                shift.person_id is None
                or shift.pk in uncovered
                or shift.swap_asked_at is not None
            )
            and can_take_this_shift(request.user, shift),
        )
        for shift in shifts
    ]
    gaps = [
        row.shift
        for row in rows
        if row.is_gap and row.shift.starts_at < now + GAPS_AHEAD
    ]
    crisis_now = [
        row
        for row in rows
        if row.shift.kind == ShiftKind.CRISIS
        and not row.is_gap
        and row.shift.starts_at <= now < row.shift.ends_at
    ]
    return render(
        request,
        "supporters/rota.html",
        {
            "organisation": organisation,
            "rows": rows,
            "gaps": gaps if may_manage else [],
            "form": form if may_manage else None,
            "crisis_cover_now": bool(crisis_now),
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


@login_required
@require_POST
def shift_swap(request: AuthenticatedRequest, shift_id: int) -> HttpResponse:
    shift = get_shift_for(request.user, shift_id)
    if not can_ask_for_swap(request.user, shift):
        messages.error(request, "Only the person on a shift can ask for a swap.")
    else:
        actions.ask_for_swap(person=request.user, shift=shift)
        messages.success(
            request,
            "Others who can take it will see it on the rota. It stays "
            "yours until someone does.",
        )
    return redirect("supporters:rota", slug=shift.organisation.slug)


@login_required
@require_POST
def shift_take(request: AuthenticatedRequest, shift_id: int) -> HttpResponse:
    shift = get_shift_for(request.user, shift_id)
    try:
        actions.take_shift(person=request.user, shift=shift)
    except ValidationError as error:
        for problem in error.messages:
            messages.error(request, problem)
    else:
        messages.success(request, "The shift is yours. Thank you.")
    return redirect("supporters:rota", slug=shift.organisation.slug)
