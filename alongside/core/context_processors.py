"""Values every page needs: the quick-exit address, and whether a page waits for the
second sign-in step. The unread notification count comes from notifications."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, Any]:
    context: dict[str, Any] = {"quick_exit_url": settings.QUICK_EXIT_URL}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        context["has_page_waiting"] = bool(
            request.session.get("alongside.after_second_factor")
        )
    return context
