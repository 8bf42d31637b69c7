"""What pages need from supporters: whether the person supports others anywhere
(for the "Support work" link, where "I need help" is), and the requests for help
waiting for them (so they show on any staff page, as alerts do).

Both are callables, which templates call only where they are used: staff pages'
header, and the home page. Other pages pay nothing for them."""

from typing import Any

from django.http import HttpRequest


def support_work(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from .models import HelpRequest
    from .permissions import support_organisations_of

    def is_supporter_member() -> bool:
        return support_organisations_of(user).exists()

    def open_help_requests() -> list[HelpRequest]:
        return list(
            HelpRequest.objects.open()
            .filter(alerted=user)
            .exclude(person=user)
            .order_by("-created_at")[:5]
        )

    return {
        "is_supporter_member": is_supporter_member,
        "open_help_requests": open_help_requests,
    }
