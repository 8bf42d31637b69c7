"""Values every page needs: the quick-exit address and the unread notification count."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, Any]:
    context: dict[str, Any] = {"quick_exit_url": settings.QUICK_EXIT_URL}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        from alongside.notifications.models import Notification

        context["unread_notification_count"] = Notification.objects.unread_for(
            user
        ).count()
        context["has_page_waiting"] = bool(
            request.session.get("alongside.after_second_factor")
        )
    return context
