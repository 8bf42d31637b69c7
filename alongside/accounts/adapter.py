"""Sign-up and sign-in as allauth does them, in Alongside's own words."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.validators import MaxLengthValidator


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
