"""The optional PIN: setting it, locking, unlocking, and taking off a forgotten PIN
with the account password."""

from __future__ import annotations

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.hashers import check_password
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from alongside.core.requests import AuthenticatedRequest

from .. import actions, lock
from ..forms import PasswordAgainForm, PinForm, UnlockForm
from ..permissions import plan_of
from ..sections import SECTIONS_BY_KEY
from .common import PlanLocked, open_plan, owner_context, unlock_page


@login_required
@require_http_methods(["GET", "POST"])
def pin_edit(request: AuthenticatedRequest) -> HttpResponse:
    try:
        plan = open_plan(request)
    except PlanLocked:
        return unlock_page(request)
    if request.method == "POST" and request.POST.get("action") == "remove":
        actions.remove_pin(person=request.user)
        messages.success(request, "The PIN is off. Your plan opens without it.")
        return redirect("safetyplans:plan-detail")
    form = PinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.set_pin(person=request.user, pin=form.cleaned_data["pin"])
        lock.keep_open(request)
        messages.success(
            request, "Done. The plan asks for the PIN after five idle minutes."
        )
        return redirect("safetyplans:plan-detail")
    return render(
        request, "safetyplans/pin.html", {**owner_context(request, plan), "form": form}
    )


@login_required
@require_POST
def plan_lock(request: AuthenticatedRequest) -> HttpResponse:
    lock.lock_now(request)
    plan = plan_of(request.user)
    if plan is not None and plan.has_pin:
        return redirect("safetyplans:plan-unlock")
    return redirect("safetyplans:plan-detail")


@login_required
@require_http_methods(["GET", "POST"])
def plan_unlock(request: AuthenticatedRequest) -> HttpResponse:
    plan = plan_of(request.user)
    if plan is None or not lock.is_locked(request, plan):
        return redirect("safetyplans:plan-detail")
    may_try = ratelimit.consume(
        request, action=lock.WRONG_TRIES, user=request.user, dry_run=True
    )
    section = request.GET.get("section", "")
    form = UnlockForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not may_try:
            form.add_error(
                "pin",
                "That PIN has been tried several times. Please wait five minutes, "
                "then try again.",
            )
        elif check_password(form.cleaned_data["pin"], plan.pin_hash):
            lock.keep_open(request)
            if section in SECTIONS_BY_KEY:
                return redirect("safetyplans:section-edit", section=section)
            return redirect("safetyplans:plan-detail")
        else:
            ratelimit.consume(request, action=lock.WRONG_TRIES, user=request.user)
            form.add_error("pin", "That PIN did not match. Please try again.")
    return render(
        request,
        "safetyplans/unlock.html",
        {"form": form, "section": section if section in SECTIONS_BY_KEY else ""},
    )


@login_required
@require_http_methods(["GET", "POST"])
def pin_reset(request: AuthenticatedRequest) -> HttpResponse:
    plan = plan_of(request.user)
    if plan is None or not plan.has_pin:
        return redirect("safetyplans:plan-detail")
    may_try = ratelimit.consume(
        request, action=lock.WRONG_TRIES, user=request.user, dry_run=True
    )
    form = PasswordAgainForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not may_try:
            form.add_error(
                "password",
                "That has been tried several times. Please wait five minutes, "
                "then try again.",
            )
        elif request.user.check_password(form.cleaned_data["password"]):
            actions.remove_pin(person=request.user)
            lock.keep_open(request)
            messages.success(request, "The PIN is off. You can set a new one.")
            return redirect("safetyplans:plan-detail")
        else:
            ratelimit.consume(request, action=lock.WRONG_TRIES, user=request.user)
            form.add_error("password", "That password did not match. Please try again.")
    return render(request, "safetyplans/pin_reset.html", {"form": form})
