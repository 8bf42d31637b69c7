"""The home page and the error pages, in the product's own voice."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.views.decorators.http import require_GET

from alongside.organisations.permissions import is_staff
from alongside.peergroups.models import Membership


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Public: the front door explains the service to people who have not signed up."""
    if not request.user.is_authenticated:
        return render(request, "core/welcome.html")
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
    return render(request, "core/home.html", {"memberships": memberships})


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered without the request context: whatever broke may be in it. The quick
    # exit comes from settings, so it works even when the database does not.
    template = loader.get_template("500.html")
    context = {"quick_exit_url": settings.QUICK_EXIT_URL}
    return HttpResponse(template.render(context), status=500)
