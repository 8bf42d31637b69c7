"""The person's own notification inbox."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from alongside.core.requests import AuthenticatedRequest

from .actions import mark_all_read
from .models import Notification


@login_required
@require_GET
def inbox(request: AuthenticatedRequest) -> HttpResponse:
    notifications = Notification.objects.for_person(request.user)[:100]
    return render(request, "notifications/inbox.html", {"notifications": notifications})


@login_required
@require_POST
def mark_read(request: AuthenticatedRequest) -> HttpResponse:
    mark_all_read(person=request.user)
    return redirect("notifications:inbox")
