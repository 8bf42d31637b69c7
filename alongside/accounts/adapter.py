"""Sign-up and sign-in as allauth does them, in Alongside's own words."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib import messages
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxLengthValidator
from django.forms import BaseForm
from django.http import HttpRequest

from alongside.core.addresses import client_address

from .models import Person
from .sign_in_names import MAX_CHOSEN_LENGTH, unique_sign_in_name


class SignInNameValidator(UnicodeUsernameValidator):
    message = (
        "A sign-in name can use letters, numbers and . @ + - _ only, with no "
        "spaces. Please try another."
    )


class ChosenLengthValidator(MaxLengthValidator):
    message = "Please choose a shorter name, of up to %(limit_value)d characters."


# Read by allauth (ACCOUNT_USERNAME_VALIDATORS): the rules of the part of a sign-in
# name that a person chooses (sign_in_names adds the rest).
sign_in_name_validators = [
    SignInNameValidator(),
    ChosenLengthValidator(MAX_CHOSEN_LENGTH),
]


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": (
            "Signing in has not worked a few times, so it is paused for a few "
            "minutes to keep your account safe. Please try again shortly."
        ),
        "username_password_mismatch": (
            "That sign-in name and password do not match. Please check them and "
            "try again. Sign-in names given when joining end in four numbers, "
            "such as river-4821."
        ),
    }

    def clean_username(self, username: str, shallow: bool = False) -> str:
        """The rules of the chosen part only: whether anyone uses it is never
        asked, because the sign-in name is made unique when the account is saved
        (`save_user`), whatever was typed."""
        cleaned = str(super().clean_username(username, shallow=True))
        # Kept in lower case, some letters grow ("İ" becomes two characters), so
        # the rule is checked again on the name as it will be kept.
        if len(cleaned.lower()) > MAX_CHOSEN_LENGTH:
            raise ValidationError(
                ChosenLengthValidator.message % {"limit_value": MAX_CHOSEN_LENGTH}
            )
        return cleaned

    def save_user(
        self, request: HttpRequest, user: Any, form: BaseForm, commit: bool = True
    ) -> Person:
        """Save a new person under the name they chose with four random numbers
        added, and tell them the whole name on the next page."""
        person: Person = super().save_user(request, user, form, commit=False)
        person.username = unique_sign_in_name(person.username)
        if commit:
            person.save()
            messages.success(
                request,
                f"Welcome. Your sign-in name is {person.username}. Please keep it "
                "somewhere safe with your password: you need both to sign in. We "
                "add four numbers to every name so that it is yours alone.",
            )
        return person

    def get_client_ip(self, request: HttpRequest) -> str:
        """The address behind per-address limits: forwarded headers are believed
        only from the proxies the operator lists (alongside.core.addresses)."""
        address = client_address(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address
