"""Parse and validate what the owner types into their plan. Validates; never writes.

Nothing typed is cut short: text boxes carry no length limit in the browser, and a
section that is too long comes back in full with a message saying by how much.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import ProhibitNullCharactersValidator

from alongside.accounts.models import Person

from .actions import DEFAULT_LINK_DAYS, MAX_LINK_DAYS
from .models import ReviewEvery
from .sections import (
    MAX_PEOPLE,
    MAX_SERVICES,
    NAME_LIMIT,
    NOTE_LIMIT,
    NUMBER_LIMIT,
    TEXT_LIMIT,
    Contact,
)

TOO_LONG = (
    "This is %(show_value)d characters long, and the most this can hold is "
    "%(limit_value)d. Everything you wrote is still here, so you can shorten it."
)
NUMBER_CHARACTERS = frozenset("+ ()-.")


class KeptTextField(forms.CharField):
    """Text that is never cut short by the browser, and loses invisible null
    characters (which some pasted text carries) instead of being refused."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("error_messages", {"max_length": TOO_LONG})
        super().__init__(*args, **kwargs)
        self.validators = [
            v
            for v in self.validators
            if not isinstance(v, ProhibitNullCharactersValidator)
        ]

    def to_python(self, value: Any) -> str:
        if isinstance(value, str):
            value = value.replace("\x00", "")
        return str(super().to_python(value))

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


class SectionForm(forms.Form):
    text = KeptTextField(
        label="In your own words",
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    not_for_me = forms.BooleanField(
        label="This isn't for me: leave it out of my plan", required=False
    )

    def __init__(self, *args: Any, label: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if label:
            self.fields["text"].label = label


def _number(value: str) -> str:
    if any(not (c.isdigit() or c in NUMBER_CHARACTERS) for c in value):
        raise forms.ValidationError(
            "A number can have digits, spaces, brackets and a + at the start. "
            "Everything else you typed is still here."
        )
    return value


class ContactForm(forms.Form):
    name = KeptTextField(label="Name", max_length=NAME_LIMIT)
    phone = KeptTextField(label="Phone number", max_length=NUMBER_LIMIT)

    def clean_phone(self) -> str:
        return _number(self.cleaned_data.get("phone", "").strip())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("phone") and not data.get("name", "").strip():
            self.add_error("name", "Please add a name for this number.")
        return data

    def contact(self) -> Contact | None:
        name = self.cleaned_data.get("name", "").strip()
        if not name:
            return None
        phone = self.cleaned_data.get("phone", "")
        return Contact(name=name, phone=phone, text_to=phone)


class ServiceForm(forms.Form):
    name = KeptTextField(label="Name", max_length=NAME_LIMIT)
    phone = KeptTextField(label="Number to call", max_length=NUMBER_LIMIT)
    text_to = KeptTextField(label="Number to text", max_length=NUMBER_LIMIT)
    note = KeptTextField(label="Note", max_length=NOTE_LIMIT)

    def clean_phone(self) -> str:
        return _number(self.cleaned_data.get("phone", "").strip())

    def clean_text_to(self) -> str:
        return _number(self.cleaned_data.get("text_to", "").strip())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        filled = any(data.get(f) for f in ("phone", "text_to", "note"))
        if filled and not data.get("name", "").strip():
            self.add_error("name", "Please add a name for this service.")
        return data

    def contact(self) -> Contact | None:
        name = self.cleaned_data.get("name", "").strip()
        if not name:
            return None
        return Contact(
            name=name,
            phone=self.cleaned_data.get("phone", ""),
            text_to=self.cleaned_data.get("text_to", ""),
            note=self.cleaned_data.get("note", "").strip(),
        )


ContactFormSet = forms.formset_factory(
    ContactForm, extra=0, max_num=MAX_PEOPLE, absolute_max=MAX_PEOPLE
)
ServiceFormSet = forms.formset_factory(
    ServiceForm, extra=0, max_num=MAX_SERVICES, absolute_max=MAX_SERVICES
)

PERSON = "person"
LINK = "link"


class ShareForm(forms.Form):
    kind = forms.ChoiceField(
        label="Who should be able to see it?",
        choices=[
            (PERSON, "Someone who supports me, such as my one-to-one supporter"),
            (LINK, "Anyone I give a link to, for a limited time"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose how to share your plan."},
    )
    recipient_id = forms.TypedChoiceField(
        label="Who to share it with",
        required=False,
        coerce=int,
        empty_value=None,
        help_text="For a named person: your one-to-one supporter, or a facilitator "
        "of a group you are in.",
        error_messages={"invalid_choice": "Please choose someone from the list."},
    )
    shown_as = KeptTextField(
        label="Your name, as they know you",
        max_length=NAME_LIMIT,
        help_text="Shown at the top of the copy they see, for example your first name.",
    )
    days = forms.IntegerField(
        label="How many days the link works",
        required=False,
        min_value=1,
        max_value=MAX_LINK_DAYS,
        initial=DEFAULT_LINK_DAYS,
        help_text=f"For a link: {DEFAULT_LINK_DAYS} days unless you choose, "
        f"{MAX_LINK_DAYS} at most.",
        error_messages={
            "invalid": "Please type a number of days.",
            "min_value": "A link has to last at least a day.",
            "max_value": f"A link can last {MAX_LINK_DAYS} days at most.",
        },
    )

    def __init__(self, *args: Any, owner: Person, **kwargs: Any) -> None:
        from .permissions import people_to_share_with

        super().__init__(*args, **kwargs)
        self.owner = owner
        self.recipient: Person | None = None
        people = people_to_share_with(owner)
        field = self.fields["recipient_id"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", "Choose someone")] + [
            (person.pk, label) for person, label in people
        ]
        if not people:
            field.help_text = (
                "There is nobody to share with by name yet: only your one-to-one "
                "supporter, or a facilitator of a group you are in. You can share "
                "a link instead."
            )

    def clean(self) -> dict[str, Any]:
        from .permissions import recipient_for

        data = super().clean() or {}
        if data.get("kind") == PERSON and "recipient_id" not in self.errors:
            chosen = data.get("recipient_id")
            if chosen is None:
                self.add_error("recipient_id", "Please choose who to share it with.")
            else:
                self.recipient = recipient_for(self.owner, chosen)
                if self.recipient is None:
                    self.add_error(
                        "recipient_id", "Please choose someone from the list."
                    )
        return data

    @property
    def link_days(self) -> int:
        return int(self.cleaned_data.get("days") or DEFAULT_LINK_DAYS)


class ReminderForm(forms.Form):
    review_months = forms.TypedChoiceField(
        label="Remind me to look over my plan",
        choices=ReviewEvery.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose one of the options."},
    )


def _pin(value: str) -> str:
    value = value.strip()
    if not (value.isascii() and value.isdigit() and 4 <= len(value) <= 6):
        raise forms.ValidationError("A PIN is 4, 5 or 6 numbers, with nothing else.")
    return value


class PinForm(forms.Form):
    pin = forms.CharField(
        label="New PIN (4 to 6 numbers)",
        max_length=20,
        strip=False,
        widget=forms.PasswordInput(
            attrs={"inputmode": "numeric", "autocomplete": "new-password"}
        ),
        error_messages={"required": "Please type a PIN."},
    )
    pin_again = forms.CharField(
        label="The same PIN again",
        max_length=20,
        strip=False,
        widget=forms.PasswordInput(
            attrs={"inputmode": "numeric", "autocomplete": "new-password"}
        ),
        error_messages={"required": "Please type the PIN a second time."},
    )

    def clean_pin(self) -> str:
        return _pin(self.cleaned_data.get("pin", ""))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("pin") and data.get("pin_again", "").strip() != data["pin"]:
            self.add_error("pin_again", "The two PINs are different. Please try again.")
        return data


class UnlockForm(forms.Form):
    pin = forms.CharField(
        label="Your PIN",
        max_length=20,
        strip=True,
        widget=forms.PasswordInput(
            attrs={"inputmode": "numeric", "autocomplete": "off"}
        ),
        error_messages={"required": "Please type your PIN."},
    )


class PasswordAgainForm(forms.Form):
    password = forms.CharField(
        label="Your account password",
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Please type your password."},
    )
