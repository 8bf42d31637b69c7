"""Signing up: the invitation code, needed only for invite-only services, that puts a
new person into their organisation. allauth builds its sign-up form on this class
(ACCOUNT_SIGNUP_FORM_CLASS)."""

from typing import Any

from django import forms
from django.http import HttpRequest

from alongside.accounts.actions import choose_known_as
from alongside.accounts.models import Person
from alongside.accounts.shown_names import KNOWN_AS_MAX_LENGTH, clean_known_as

from .actions import welcome_new_person
from .models import Invitation, Organisation


class SignupForm(forms.Form):
    """Extra sign-up field: an invitation code, needed only for invite-only services.

    allauth builds its sign-up form on top of this class and calls `signup()` once the
    person exists.
    """

    invitation_code = forms.CharField(
        label="Invitation code",
        help_text="Only if you were given one, for example by your workplace or ward.",
        required=False,
        max_length=64,
    )

    known_as = forms.CharField(
        label="The name others see",
        help_text="Optional, and you can change it later. The name your "
        "organisation's team, and a one-to-one supporter or peer, see. Please make "
        "it different from your sign-in name. In groups you choose a separate name "
        "for each group.",
        required=False,
        max_length=KNOWN_AS_MAX_LENGTH + 20,
    )

    def clean_known_as(self) -> str:
        return clean_known_as(
            self.cleaned_data.get("known_as", ""),
            sign_in_name=str(self.data.get("username", "")).strip(),
        )

    def clean_invitation_code(self) -> Invitation | None:
        code = self.cleaned_data.get("invitation_code", "").strip()
        if not code:
            if not Organisation.objects.open_for_signup().exists():
                raise forms.ValidationError(
                    "This service is by invitation. Please enter the code you were "
                    "given, or ask the person who told you about it."
                )
            return None
        invitation = Invitation.objects.usable().filter(code__iexact=code).first()
        if invitation is None:
            raise forms.ValidationError(
                "That code did not work. It may have been typed differently or have "
                "expired. Please check it, or ask for a new one."
            )
        return invitation

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors:
            # Counted only for a sign-up that would go ahead: a mistake on the
            # form never uses up the address's allowance.
            from allauth.core import context

            from alongside.core.addresses import client_address
            from alongside.core.limits import SIGNUP, check_rate

            check_rate(action=SIGNUP, who=client_address(context.request))
        return cleaned

    def signup(self, request: HttpRequest, user: Person) -> None:
        welcome_new_person(person=user, invitation=self.cleaned_data["invitation_code"])
        if self.cleaned_data["known_as"]:
            choose_known_as(person=user, known_as=self.cleaned_data["known_as"])
