"""Security headers on every response: a strict Content-Security-Policy and no caching
of signed-in pages, so that a shared computer's back button reveals nothing."""

from collections.abc import Callable

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        if response.status_code >= 500 or is_signed_in(request):
            response["Cache-Control"] = "no-store"
        return response


def is_signed_in(request: HttpRequest) -> bool:
    """Whether the page is for a signed-in person. When the database cannot say, the
    answer is yes: keeping a page out of the cache is the safe side, and the error page
    must not fail a second time."""
    user = getattr(request, "user", None)
    if user is None:
        return False
    try:
        return bool(user.is_authenticated)
    except DatabaseError:
        return True


class MethodNotAllowedPageMiddleware:
    """An address that only takes a button press (a POST) answers a visit with a
    kind page instead of a blank one. It happens after signing in again: the sign-in
    page sends people on to the address of the button they pressed."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 405 or response.content or request.method != "GET":
            return response
        page = render(request, "405.html", status=405)
        if response.has_header("Allow"):
            page["Allow"] = response["Allow"]
        return page
