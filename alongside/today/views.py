"""The Today page: a staff member's home, and its list alone for a live refresh."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest

from .permissions import check_see_today
from .sections import sections_for


def today(request: AuthenticatedRequest) -> HttpResponse:
    """GET, for signed-in staff only. Someone who signed out (perhaps in another
    tab) while the page stayed open is sent to sign in as a whole page: its next
    refresh must not put the sign-in form inside the list."""
    if not request.user.is_authenticated:
        to_sign_in = redirect_to_login(reverse("today:page"))
        if request.htmx:
            return HttpResponse(status=204, headers={"HX-Redirect": to_sign_in.url})
        return to_sign_in
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
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
