"""The incident log: listing, recording, reading and updating incidents."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest
from alongside.organisations.models import Organisation
from alongside.organisations.permissions import get_organisation_for
from alongside.peergroups.models import Membership, PeerGroup
from alongside.safety import actions, reads
from alongside.safety.forms import (
    IncidentForm,
    IncidentUpdateForm,
)
from alongside.safety.permissions import (
    can_see_all_incidents,
    can_update_incident,
    check_record_incident,
    check_update_incident,
    get_decision_for,
    get_escalation_for,
    get_incident_for,
    incidents_visible_to,
)
from alongside.safety.rates import incident_rates


def _incident_organisation(
    request: AuthenticatedRequest, organisation_slug: str
) -> Organisation:
    organisation = get_organisation_for(request.user, organisation_slug)
    check_record_incident(request.user, organisation)
    ensure_second_factor(request)
    return organisation


def _groups_for_incidents(request: AuthenticatedRequest, organisation: Organisation):  # type: ignore[no-untyped-def]
    groups = PeerGroup.objects.filter(organisation=organisation)
    if can_see_all_incidents(request.user, organisation):
        return groups
    # The groups they facilitate now (as check_record_incident), not ones they left.
    held = Membership.objects.facilitating().filter(person=request.user)
    return groups.filter(pk__in=held.values("group"))


@login_required
@require_GET
def incident_list(
    request: AuthenticatedRequest, organisation_slug: str
) -> HttpResponse:
    organisation = _incident_organisation(request, organisation_slug)
    incidents = incidents_visible_to(request.user, organisation).select_related(
        "group"
    )[:200]
    sees_all = can_see_all_incidents(request.user, organisation)
    return render(
        request,
        "safety/incident_list.html",
        {
            "organisation": organisation,
            "incidents": incidents,
            "rates": incident_rates(organisation=organisation) if sees_all else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def incident_create(
    request: AuthenticatedRequest, organisation_slug: str
) -> HttpResponse:
    organisation = _incident_organisation(request, organisation_slug)
    groups = _groups_for_incidents(request, organisation)
    escalation = None
    decision = None
    source = request.POST if request.method == "POST" else request.GET
    initial: dict[str, object] = {}
    if source.get("escalation", "").isdecimal():
        escalation = get_escalation_for(request.user, int(source["escalation"]))
        check_record_incident(request.user, organisation, about=escalation)
        initial = {"group": escalation.group_id, "category": "risk_to_life"}
    elif source.get("decision", "").isdecimal():
        decision = get_decision_for(request.user, int(source["decision"]))
        check_record_incident(request.user, organisation, about=decision)
        initial = {"group": decision.group_id}
    form = IncidentForm(request.POST or None, groups=groups, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        incident = actions.record_incident(
            person=request.user,
            organisation=organisation,
            escalation=escalation,
            decision=decision,
            **data,
        )
        messages.success(request, "The incident is recorded.")
        return redirect(
            "safety:incident-detail",
            organisation_slug=organisation.slug,
            incident_id=incident.pk,
        )
    return render(
        request,
        "safety/incident_form.html",
        {
            "organisation": organisation,
            "form": form,
            "escalation": escalation,
            "decision": decision,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def incident_detail(
    request: AuthenticatedRequest, organisation_slug: str, incident_id: int
) -> HttpResponse:
    organisation = _incident_organisation(request, organisation_slug)
    incident = get_incident_for(request.user, organisation, incident_id)
    reads.record_incident_read(reader=request.user, incident=incident)
    return render(
        request,
        "safety/incident_detail.html",
        {
            "organisation": organisation,
            "incident": incident,
            "can_update": can_update_incident(request.user, incident),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def incident_update(
    request: AuthenticatedRequest, organisation_slug: str, incident_id: int
) -> HttpResponse:
    organisation = _incident_organisation(request, organisation_slug)
    incident = get_incident_for(request.user, organisation, incident_id)
    check_update_incident(request.user, incident)
    form = IncidentUpdateForm(request.POST or None, instance=incident)
    if request.method == "POST" and form.is_valid():
        actions.update_incident(
            person=request.user, incident=incident, **form.cleaned_data
        )
        messages.success(request, "Thank you. The incident is updated.")
        return redirect(
            "safety:incident-detail",
            organisation_slug=organisation.slug,
            incident_id=incident.pk,
        )
    incident.refresh_from_db()
    return render(
        request,
        "safety/incident_update.html",
        {"organisation": organisation, "incident": incident, "form": form},
        status=400 if form.errors else 200,
    )
