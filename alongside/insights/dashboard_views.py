"""The organisation's dashboard page: filters read from the address, the figures
put together in dashboard.py. Thin."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest
from alongside.organisations.permissions import get_organisation_for
from alongside.peergroups.models import PeerGroup

from . import actions
from .dashboard import MORE_REPORTS, NOT_ENOUGH
from .dashboard_cache import cached_dashboard
from .forms import DashboardFilterForm
from .models import ReportStatus
from .permissions import check_see_dashboard, get_report_for
from .rates import Filters
from .report import file_name


@login_required
@require_GET
def dashboard(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug)
    check_see_dashboard(request.user, organisation)
    ensure_second_factor(request)
    groups = list(PeerGroup.objects.filter(organisation=organisation).order_by("name"))
    form = DashboardFilterForm(request.GET or None, groups=groups)
    filters, quarter_count = Filters(), 4
    if form.is_bound and form.is_valid():
        filters = Filters(
            group_id=form.cleaned_data["group"],
            setting=form.cleaned_data["setting"],
        )
        quarter_count = form.cleaned_data["quarters"] or 4
    return render(
        request,
        "insights/dashboard.html",
        {
            "organisation": organisation,
            "form": form,
            "filters": filters,
            "dashboard": cached_dashboard(
                organisation=organisation,
                filters=filters,
                quarter_count=quarter_count,
            ),
            "not_enough": NOT_ENOUGH,
            "more_reports": MORE_REPORTS,
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@login_required
@require_POST
def report_request(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug)
    check_see_dashboard(request.user, organisation)
    ensure_second_factor(request)
    report = actions.request_report(person=request.user, organisation=organisation)
    return redirect("insights:report-detail", slug=slug, report_id=report.pk)


@login_required
@require_GET
def report_detail(
    request: AuthenticatedRequest, slug: str, report_id: int
) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug)
    report = get_report_for(request.user, organisation, report_id)
    ensure_second_factor(request)
    return render(
        request,
        "insights/report.html#report-status"
        if request.htmx
        else "insights/report.html",
        {"organisation": organisation, "report": report},
    )


@login_required
@require_GET
def report_download(
    request: AuthenticatedRequest, slug: str, report_id: int
) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug)
    report = get_report_for(request.user, organisation, report_id)
    ensure_second_factor(request)
    if report.status != ReportStatus.READY:
        raise Http404
    response = HttpResponse(report.csv, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{file_name(report, "csv")}"'
    )
    return response


@login_required
@require_GET
def report_download_pdf(
    request: AuthenticatedRequest, slug: str, report_id: int
) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug)
    report = get_report_for(request.user, organisation, report_id)
    ensure_second_factor(request)
    if report.status != ReportStatus.READY or not report.pdf:
        raise Http404
    response = HttpResponse(bytes(report.pdf), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{file_name(report, "pdf")}"'
    )
    return response
