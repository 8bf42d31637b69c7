"""The home page: the front door for visitors, and the groups one is in once signed
in. Its route keeps the name `core:home` (config/urls.py), which every page links to.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from alongside.organisations.permissions import is_staff

from .models import Membership


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Public: the front door explains the service to people who have not signed up."""
    if not request.user.is_authenticated:
        return render(request, "peergroups/welcome.html")
    memberships = (
        Membership.objects.current()
        .filter(person=request.user)
        .select_related("group", "group__organisation")
        .order_by("group__name")
    )
    if not memberships and is_staff(request.user):
        # Staff in no group of their own (supervisors, admins) start from what is
        # waiting for them, not from "You are not in a group yet".
        return redirect("today:page")
    return render(request, "peergroups/home.html", {"memberships": memberships})
