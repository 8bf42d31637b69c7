"""What every owner page does first: find the person's own plan through the PIN lock."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from alongside.core.requests import AuthenticatedRequest

from .. import actions, lock
from ..models import SafetyPlan
from ..permissions import plan_of
from ..sections import PlanContent


def open_plan(request: AuthenticatedRequest) -> SafetyPlan | None:
    """The owner's plan (None before anything is saved), kept open for five more
    minutes when it has a PIN. Raises `PlanLocked` when the PIN is needed first."""
    plan = plan_of(request.user)
    if lock.is_locked(request, plan):
        raise PlanLocked
    if plan is not None and plan.has_pin:
        lock.keep_open(request)
    return plan


class PlanLocked(Exception):
    """The plan has a PIN that this browser has not entered in the last five
    minutes of use."""


def unlock_page(request: HttpRequest) -> HttpResponse:
    return redirect("safetyplans:plan-unlock")


def content_of(plan: SafetyPlan | None) -> PlanContent:
    return PlanContent() if plan is None else actions.current_content(plan)


def owner_context(
    request: AuthenticatedRequest, plan: SafetyPlan | None
) -> dict[str, Any]:
    return {"plan": plan, "has_pin": plan is not None and plan.has_pin}
