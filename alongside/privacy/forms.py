"""Confirming that a person wants their account erased. Validates; never writes."""

from __future__ import annotations

from typing import Any

from django import forms

from alongside.accounts.models import Person

KEEP = "keep"
REMOVE = "remove"


class EraseAccountForm(forms.Form):
    posts = forms.ChoiceField(
        label="What should happen to the posts you shared in your groups?",
        choices=[
            (
                REMOVE,
                "Remove my words. A short note stays so replies still make sense.",
            ),
            (KEEP, 'Leave them in place, shown as written by "former member".'),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Please choose what happens to your posts.",
            "invalid_choice": "Please choose one of the two options for your posts.",
        },
    )
    password = forms.CharField(
        label="Your password",
        help_text="So that nobody else can erase your account from a shared device.",
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Please type your password."},
    )

    def __init__(
        self, *args: Any, person: Person, may_try: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.person = person
        # False after several wrong passwords in a short time (the view counts them).
        self.may_try = may_try
        self.password_mismatched = False

    def clean_password(self) -> str:
        password: str = self.cleaned_data.get("password", "")
        if not self.may_try:
            raise forms.ValidationError(
                "That password has been tried several times. To keep your account "
                "safe, please wait five minutes, then try again. Nothing has changed."
            )
        if not self.person.check_password(password):
            self.password_mismatched = True
            raise forms.ValidationError(
                "That password did not match. Please try again; nothing has changed."
            )
        return password

    @property
    def keeps_posts(self) -> bool:
        return self.cleaned_data.get("posts") == KEEP
