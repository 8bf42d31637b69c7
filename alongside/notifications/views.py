"""The person's own notification inbox, and opening one note."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from alongside.core.requests import AuthenticatedRequest

from .actions import mark_all_read, mark_read, mark_read_without_links
from .permissions import get_notification_for, notifications_visible_to


@login_required
@require_GET
def inbox(request: AuthenticatedRequest) -> HttpResponse:
    notifications = list(notifications_visible_to(request.user)[:100])
    # Shown as they were ("New"), then marked: a note with nothing to open has
    # been read in full here.
    response = render(
        request, "notifications/inbox.html", {"notifications": notifications}
    )
    mark_read_without_links(person=request.user, notifications=notifications)
    return response


@login_required
@require_GET
def notification_open(
    request: AuthenticatedRequest, notification_id: int
) -> HttpResponse:
    """Opening a note marks it read and goes where it points (only ever a page of
    ours; anything else goes back to the inbox)."""
    notification = get_notification_for(request.user, notification_id)
    mark_read(person=request.user, notification=notification)
    link = notification.link
    if link.startswith("/") and url_has_allowed_host_and_scheme(
        link, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(link)
    return redirect("notifications:inbox")


@login_required
@require_POST
def mark_read_all(request: AuthenticatedRequest) -> HttpResponse:
    mark_all_read(person=request.user)
    return redirect("notifications:inbox")
