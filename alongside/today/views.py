"""The Today page: a staff member's home, and its list alone for a live refresh."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest

from .permissions import check_see_today
from .sections import sections_for


@login_required
@require_GET
def today(request: AuthenticatedRequest) -> HttpResponse:
    check_see_today(request.user)
    ensure_second_factor(request)
    now = timezone.now()
    template = "today/today.html"
    if request.htmx:
        # The socket said something changed, or the minute passed: the list only.
        template += "#today-sections"
    return render(
        request,
        template,
        {"sections": sections_for(request.user, now), "now": now},
    )
