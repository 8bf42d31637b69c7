"""The second factor that staff pages require.

Staff views call `ensure_second_factor(request)` after their permission check, so that
people who may not open the page still get the ordinary 404 or 403. A staff member
without a second factor is taken to set one up and then brought back.
"""

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

RETURN_SESSION_KEY = "alongside.after_second_factor"


class SecondFactorRequired(Exception):
    """Raised when a staff page is opened by someone without a second factor."""


def ensure_second_factor(request: HttpRequest) -> None:
    """Raises SecondFactorRequired (handled by the middleware below) unless the
    signed-in person has a second factor. Call after the permission check."""
    if not is_mfa_enabled(request.user):
        raise SecondFactorRequired


class SecondFactorMiddleware:
    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)  # type: ignore[no-any-return]

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponse | None:
        if not isinstance(exception, SecondFactorRequired):
            return None
        messages.info(
            request,
            "Staff pages need a second step when you sign in. Set it up here, "
            "then you can carry on to the page you were opening.",
        )
        request.session[RETURN_SESSION_KEY] = _where_to_carry_on(request)
        target = reverse("mfa_activate_totp")
        response = HttpResponseRedirect(target)
        if getattr(request, "htmx", False):
            response["HX-Redirect"] = target
        return response


def _where_to_carry_on(request: HttpRequest) -> str:
    """The page to open once the second step is set up. Only a GET can be opened
    again; after a form was sent, go back to the page it was sent from (if it is
    ours), else home, rather than to a URL that answers only POST."""
    if request.method in ("GET", "HEAD"):
        return request.get_full_path()
    referrer = request.headers.get("Referer", "")
    if referrer and url_has_allowed_host_and_scheme(
        referrer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referrer
    return reverse("core:home")
