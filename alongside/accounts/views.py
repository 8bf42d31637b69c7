"""A person's own account settings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from alongside.core.requests import AuthenticatedRequest

from .actions import update_account_settings
from .forms import AccountSettingsForm


@login_required
@require_http_methods(["GET", "POST"])
def account_settings(request: AuthenticatedRequest) -> HttpResponse:
    form = AccountSettingsForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        update_account_settings(
            person=request.user,
            email=form.cleaned_data["email"],
            wants_email_notifications=form.cleaned_data["wants_email_notifications"],
        )
        messages.success(request, "Your settings are saved.")
        return redirect("accounts:settings")
    return render(request, "accounts/settings.html", {"form": form})
