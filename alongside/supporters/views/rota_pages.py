"""The rota, and asking for or taking a shift swap."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from alongside.core.requests import AuthenticatedRequest
from alongside.supporters import actions
from alongside.supporters.forms import (
    ShiftForm,
)
from alongside.supporters.models import (
    Shift,
    ShiftKind,
)
from alongside.supporters.permissions import (
    can_ask_for_swap,
    can_manage_rota,
    can_take_this_shift,
    check_manage_rota,
    check_see_rota,
    get_shift_for,
    get_support_organisation_for,
    uncovered_shift_ids,
)
from alongside.supporters.views.shared import show_form_errors, staff_second_step

GAPS_AHEAD = timedelta(hours=72)


@dataclass(frozen=True)
class RotaRow:
    """A shift as the rota shows it: a gap when nobody (allowed) is on it, and what
    the reader may do with it."""

    shift: Shift
    is_gap: bool
    is_mine: bool = False
    can_take: bool = False


@login_required
@require_http_methods(["GET", "POST"])
def rota(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_support_organisation_for(request.user, slug)
    check_see_rota(request.user, organisation)
    staff_second_step(request, organisation)
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
            show_form_errors(form, error)
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
