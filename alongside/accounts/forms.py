"""The account settings form. It parses and validates; actions write.

The sign-up form asks for an invitation to an organisation, so it lives in
`alongside/organisations/signup.py`."""

from typing import Any

from django import forms

from .models import Person
from .shown_names import clean_known_as


class AccountSettingsForm(forms.ModelForm[Person]):
    class Meta:
        model = Person
        fields = [
            "known_as",
            "email",
            "wants_email_notifications",
            "quick_exit_signs_out",
        ]
        widgets = {"quick_exit_signs_out": forms.RadioSelect}
        labels = {
            "known_as": "The name others see",
            "quick_exit_signs_out": "When I leave quickly, also sign me out",
            "email": "Email address",
            "wants_email_notifications": "Email me a short note when there is "
            "something new for me",
        }
        help_texts = {
            "known_as": "The name your organisation's team, and a one-to-one "
            "supporter or peer, see. It does not need to be your real name. In "
            "groups you keep the separate name you chose for each group.",
            "email": "Only used to help you get back into your account, or for the "
            "notes below if you ask for them. Nobody else sees it.",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].required = False
        # Left as it is when a form without the choice is sent.
        self.fields["quick_exit_signs_out"].required = False
        self.fields["known_as"].required = False

    def clean_known_as(self) -> str:
        # Left as it is when a form without the name is sent.
        if "known_as" not in self.data:
            return self.instance.known_as
        return clean_known_as(
            self.data["known_as"], sign_in_name=self.instance.username
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("wants_email_notifications") and not cleaned.get("email"):
            self.add_error(
                "wants_email_notifications",
                "Add an email address first, or leave this unticked.",
            )
        return cleaned
