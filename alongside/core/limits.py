"""How fast one person may add things: live messages, posts, reports, and sign-ups
from one address. Past a limit the person is told kindly to wait, and nothing they
typed is lost: the refusal is a ValidationError, which pages show on the form with
the words kept, and the live-room socket sends as an error about that message,
whose words the page puts back in the box.

Counting is django-ratelimit's: fixed windows kept in Django's cache (Redis in
production, shared by every worker), counted with the cache's atomic increment. It
needs no request, so pages and sockets share it. The rates are
`settings.ALONGSIDE_RATE_LIMITS`; an action left out there is not limited.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django_ratelimit.core import is_ratelimited

LIVE_MESSAGE = "live_message"
POST = "post"
REPORT = "report"
SIGNUP = "signup"

MESSAGES = {
    LIVE_MESSAGE: "You are sending messages very quickly. Please wait a moment "
    "before the next one; your words are still in the box.",
    POST: "You have posted a lot in a short time. Please wait a few minutes before "
    "posting again; your words are still here.",
    REPORT: "Thank you for looking out for others. You have sent several reports "
    "just now, so please wait a little before sending another; your words are "
    "still here.",
    SIGNUP: "Several accounts have been made from here just now. Please try again "
    "in a little while.",
}


class LimitReached(ValidationError):
    """Raised when someone has reached a limit; its message says to wait."""


def check_rate(*, action: str, who: str) -> None:
    """Count one more `action` by `who` (a person's id, or an address for
    sign-ups); raise LimitReached, with kind words, once past the limit."""
    rate = settings.ALONGSIDE_RATE_LIMITS.get(action)
    if not rate:
        return
    reached = is_ratelimited(
        None,
        group=f"alongside.{action}",
        key=lambda group, request: who,
        rate=rate,
        increment=True,
    )
    if reached:
        raise LimitReached(MESSAGES[action], code="rate_limited")
