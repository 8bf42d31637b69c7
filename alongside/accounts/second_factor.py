"""The second factor that staff pages require.

Staff views call `ensure_second_factor(request)` after their permission check, so that
people who may not open the page still get the ordinary 404 or 403. A staff member
without a second factor is taken to set one up and then brought back. Having one is
not enough: this browser's session must have passed it (at sign-in, when setting it
up, or when asked again), which is recorded in the session (`passed_second_step`). A
session signed in with a password alone is asked for the code before any staff page.
"""

from typing import Any
from urllib.parse import urlencode

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

RETURN_SESSION_KEY = "alongside.after_second_factor"
# The id of the person whose second step this session passed.
PASSED_SESSION_KEY = "alongside.second_step_passed"


class SecondFactorRequired(Exception):
    """Raised when a staff page is opened by someone without a second factor."""


class SecondStepNotPassed(Exception):
    """Raised when a staff page is opened from a session that has not passed the
    second step, though the person has one."""


def ensure_second_factor(request: HttpRequest) -> None:
    """Raises SecondFactorRequired unless the signed-in person has a second factor,
    and SecondStepNotPassed unless this session has passed it (both handled by the
    middleware below). Call after the permission check."""
    if not is_mfa_enabled(request.user):
        raise SecondFactorRequired
    if not passed_second_step(request.session, request.user.pk):
        raise SecondStepNotPassed


def passed_second_step(session: SessionBase | None, person_id: int | None) -> bool:
    """Whether this session passed this person's second step. Pages and sockets ask
    the same question."""
    return (
        session is not None
        and person_id is not None
        and session.get(PASSED_SESSION_KEY) == person_id
    )


def mark_second_step_passed(session: SessionBase, person_id: int) -> None:
    session[PASSED_SESSION_KEY] = person_id


def record_second_step_passed(
    sender: object, request: HttpRequest | None, user: Any, **kwargs: Any
) -> None:
    """A code typed at sign-in, or again when asked, passes the second step in this
    session (allauth's `authenticator_used` signal)."""
    if request is not None and user is not None and user.pk is not None:
        mark_second_step_passed(request.session, user.pk)


def second_step_turned_on_or_off(
    sender: object,
    request: HttpRequest | None,
    user: Any,
    authenticator: Authenticator,
    **kwargs: Any,
) -> None:
    """Turning the second step on or off (allauth's `authenticator_added` and
    `authenticator_removed` signals) ends every other session of the account; spare
    codes come and go with it and change nothing on their own."""
    if request is None or user is None or user.pk is None:
        return
    if authenticator.type == Authenticator.Type.RECOVERY_CODES:
        return
    from .actions import end_other_sessions

    end_other_sessions(person=user, request=request)
    if is_mfa_enabled(user):
        # Setting it up means typing a code from it, in this session.
        mark_second_step_passed(request.session, user.pk)
    else:
        request.session.pop(PASSED_SESSION_KEY, None)


class SecondFactorMiddleware:
    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)  # type: ignore[no-any-return]

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponse | None:
        if isinstance(exception, SecondStepNotPassed):
            return _ask_for_the_code(request)
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


def _ask_for_the_code(request: HttpRequest) -> HttpResponse:
    messages.info(
        request,
        "Staff pages need your second step in this browser too. Please type the "
        "code from your authenticator app, then you can carry on.",
    )
    carry_on = urlencode({REDIRECT_FIELD_NAME: _where_to_carry_on(request)})
    target = f"{reverse('mfa_reauthenticate')}?{carry_on}"
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
