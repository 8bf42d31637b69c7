"""A supporter's "I need help now": the button and the asker's own page, and the
page of a call for help for whoever it reached. Views translate; help_permissions
decide; help_actions and actions write."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest
from alongside.supporters.permissions import get_support_organisation_for

from . import actions, help_actions
from .help_permissions import check_ask_for_help_now, get_help_alert_for, own_help_calls
from .permissions import can_acknowledge


@login_required
@require_http_methods(["GET", "POST"])
def help_now(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    """POST calls for help now; GET shows the person's own calls and their state.
    A supporter in need is not asked for a second sign-in step here."""
    organisation = get_support_organisation_for(request.user, slug)
    check_ask_for_help_now(request.user, organisation)
    if request.method == "POST":
        help_actions.ask_for_help_now(person=request.user, organisation=organisation)
        return redirect("safety:help-now", slug=organisation.slug)
    calls = list(
        own_help_calls(request.user, organisation)
        .select_related("acknowledged_by")
        .order_by("-created_at", "-pk")[:5]
    )
    return render(
        request,
        "safety/help_now.html",
        {"organisation": organisation, "latest": calls[0] if calls else None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def help_alert(request: AuthenticatedRequest, call_id: int) -> HttpResponse:
    """A call for help that reached the person: who asked and when (never why: they
    did not have to say), what has happened, and the button to answer it."""
    escalation = get_help_alert_for(request.user, call_id)
    ensure_second_factor(request)
    if request.method == "POST":
        actions.acknowledge_escalation(person=request.user, escalation=escalation)
        messages.success(request, "They have been told you will be in touch.")
        return redirect("safety:help-alert", call_id=escalation.pk)
    return render(
        request,
        "safety/help_alert.html",
        {
            "escalation": escalation,
            "events": escalation.events.select_related("person"),
            "can_acknowledge": can_acknowledge(request.user, escalation),
        },
    )
