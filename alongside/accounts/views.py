"""A person's own account settings."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)

from alongside.core.requests import AuthenticatedRequest

from .actions import update_account_settings
from .forms import AccountSettingsForm
from .second_factor import RETURN_SESSION_KEY


@login_required
@require_http_methods(["GET", "POST"])
def account_settings(request: AuthenticatedRequest) -> HttpResponse:
    form = AccountSettingsForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        update_account_settings(
            person=request.user,
            email=form.cleaned_data["email"],
            wants_email_notifications=form.cleaned_data["wants_email_notifications"],
            quick_exit_signs_out=form.cleaned_data["quick_exit_signs_out"] or None,
            known_as=form.cleaned_data["known_as"],
        )
        messages.success(request, "Your settings are saved.")
        return redirect("accounts:settings")
    return render(request, "accounts/settings.html", {"form": form})


@login_required
@require_GET
def second_factor_continue(request: AuthenticatedRequest) -> HttpResponse:
    """After setting up the second step, go on to the staff page that asked for it."""
    target = request.session.pop(RETURN_SESSION_KEY, "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    return redirect(target or "/")


@require_POST
def quick_exit_sign_out(request: HttpRequest) -> HttpResponse:
    """Sign this browser out as the person leaves quickly. The page has already gone,
    so nothing is shown: an empty answer, and the same one for someone already signed
    out (public for that reason: signing out nobody changes nothing)."""
    logout(request)
    return HttpResponse(status=204)
