"""Asking for the password again before the few things a passer-by at a shared,
signed-in device must not do: carry away a copy of everything someone has written
(alongside.privacy), or change who may read people's private words (an
organisation's people and roles). Allauth's step: the password is asked for unless
it was typed again in the last few minutes (ACCOUNT_REAUTHENTICATION_TIMEOUT)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

from allauth.account.decorators import reauthentication_required
from django.http import HttpResponse, StreamingHttpResponse

View = TypeVar("View", bound=Callable[..., HttpResponse | StreamingHttpResponse])


def asks_for_the_password_again(view: View) -> View:
    """Wrap a view so that it asks for the password again first. Put it after the
    permission check, so that people who may not open the page get the ordinary
    404 rather than a password prompt that confirms it exists."""
    return cast(View, reauthentication_required(view))
