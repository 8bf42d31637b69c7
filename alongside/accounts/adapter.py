"""Sign-up and sign-in as allauth does them, in Alongside's own words."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import PermissionDenied
from django.core.validators import MaxLengthValidator
from django.http import HttpRequest

from alongside.core.addresses import client_address


class SignInNameValidator(UnicodeUsernameValidator):
    message = (
        "A sign-in name can use letters, numbers and . @ + - _ only, with no "
        "spaces. Please try another."
    )


# Read by allauth (ACCOUNT_USERNAME_VALIDATORS): the rules of Person.username.
sign_in_name_validators = [SignInNameValidator(), MaxLengthValidator(150)]


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "username_taken": (
            "Someone already uses that sign-in name. Please choose another; "
            "nobody else will ever see it."
        ),
        "too_many_login_attempts": (
            "Signing in has not worked a few times, so it is paused for a few "
            "minutes to keep your account safe. Please try again shortly."
        ),
        "username_password_mismatch": (
            "That sign-in name and password do not match. Please check them and "
            "try again."
        ),
    }

    def get_client_ip(self, request: HttpRequest) -> str:
        """The address behind per-address limits: forwarded headers are believed
        only from the proxies the operator lists (alongside.core.addresses)."""
        address = client_address(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address
