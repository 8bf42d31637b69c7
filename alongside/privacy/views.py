"""Pages for a person's own data: download it, erase the account, and a goodbye."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

from allauth.core import ratelimit
from asgiref.sync import sync_to_async
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.handlers.asgi import ASGIRequest
from django.db import transaction
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from alongside.core.password_again import asks_for_the_password_again
from alongside.core.requests import AuthenticatedRequest
from alongside.safetyplans import lock as plan_lock
from alongside.safetyplans.permissions import plan_of

from .actions import erase_account
from .export import export_as_html_parts, export_as_json_parts
from .forms import EraseAccountForm
from .permissions import organisations_needing_another_admin
from .registry import REGISTRY

# The rate is set beside sign-in's in settings.ACCOUNT_RATE_LIMITS.
ERASE_TRIES = "erase_wrong_tries"


# A copy of everything someone has written is what a passer-by at a shared,
# signed-in device could carry away whole: the download page and both files ask for
# the password again (alongside.core.password_again). Erasure asks for it on its own
# form.


@login_required
@require_GET
@asks_for_the_password_again
def data_download(request: AuthenticatedRequest) -> HttpResponse:
    # Split here: a template would call each entry's export function rather than
    # test whether it has one.
    included = [entry for entry in REGISTRY if entry.export is not None]
    left_out = [entry for entry in REGISTRY if entry.export is None]
    return render(
        request,
        "privacy/download.html",
        {"included": included, "left_out": left_out},
    )


def _named(
    response: HttpResponse | StreamingHttpResponse, *, extension: str
) -> HttpResponse | StreamingHttpResponse:
    filename = f"alongside-my-data-{timezone.localdate().isoformat()}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


async def _in_turn(parts: Iterator[str]) -> AsyncIterator[str]:
    """Each part made in the thread that serves the request's database work, so that
    an ASGI server sends the file as it is made rather than gathering it first."""
    make_next = sync_to_async(_next_part, thread_sensitive=True)
    while (part := await make_next(parts)) is not None:
        yield part


def _next_part(parts: Iterator[str]) -> str | None:
    return next(parts, None)


def _streamed(
    request: AuthenticatedRequest, parts: Iterator[str], *, content_type: str
) -> StreamingHttpResponse:
    return StreamingHttpResponse(
        _in_turn(parts) if isinstance(request, ASGIRequest) else parts,
        content_type=content_type,
    )


def _plan_locked(request: AuthenticatedRequest) -> HttpResponse | None:
    """Both files hold the person's safety plan. When it has a PIN that this
    browser has not entered lately, someone else may be at a shared device: send
    them to the PIN first, as every page of the plan does."""
    if not plan_lock.is_locked(request, plan_of(request.user)):
        return None
    messages.info(
        request,
        "Your files hold your safety plan, so please enter its PIN first. Then "
        "download your data again.",
    )
    return redirect("safetyplans:plan-unlock")


@login_required
@require_GET
@asks_for_the_password_again
def data_json(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    """The JSON file, sent a section at a time: a long history is never held whole
    in memory."""
    if (locked := _plan_locked(request)) is not None:
        return locked
    response = _streamed(
        request,
        export_as_json_parts(request.user),
        content_type="application/json; charset=utf-8",
    )
    return _named(response, extension="json")


@login_required
@require_GET
@asks_for_the_password_again
def data_html(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    """The readable page, sent a section at a time as the JSON file is."""
    if (locked := _plan_locked(request)) is not None:
        return locked
    response = _streamed(
        request,
        export_as_html_parts(request.user),
        content_type="text/html; charset=utf-8",
    )
    return _named(response, extension="html")


@login_required
@require_http_methods(["GET", "POST"])
def account_erase(request: AuthenticatedRequest) -> HttpResponse:
    person = request.user
    needing_admin = organisations_needing_another_admin(person)
    # Someone holding a signed-in device must not be able to guess the password here
    # without limit: a few wrong tries bring a pause, as at sign-in.
    may_try = ratelimit.consume(request, action=ERASE_TRIES, user=person, dry_run=True)
    form = EraseAccountForm(request.POST or None, person=person, may_try=may_try)
    is_valid = request.method == "POST" and not needing_admin and form.is_valid()
    if form.password_mismatched:
        ratelimit.consume(request, action=ERASE_TRIES, user=person)
    if is_valid:
        keep_posts = form.keeps_posts
        username = person.username
        try:
            with transaction.atomic():
                erase_account(person=person, keep_posts=keep_posts)
        except PermissionDenied:
            # Someone else stopped being an admin since the page opened: nothing
            # was erased, and the page says what to do first.
            needing_admin = organisations_needing_another_admin(person)
            return render(
                request,
                "privacy/erase.html",
                {"form": form, "needing_admin": needing_admin, "entries": REGISTRY},
            )
        # Erased, and every session and live socket ended: sign this browser out too,
        # so that the goodbye page is shown signed out.
        logout(request)
        # Forget failed sign-in counts kept in the cache under the old pseudonym.
        ratelimit.clear(request, action="login_failed", key=username.lower())
        response = redirect("privacy:goodbye")
        # Words kept in this browser (drafts, unsent messages) go too.
        response["Clear-Site-Data"] = '"cache", "storage"'
        return response
    return render(
        request,
        "privacy/erase.html",
        {"form": form, "needing_admin": needing_admin, "entries": REGISTRY},
    )


@require_GET
def goodbye(request: HttpRequest) -> HttpResponse:
    """Public: shown after an account is erased, when nobody is signed in."""
    return render(request, "privacy/goodbye.html")
