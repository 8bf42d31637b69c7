"""Parse and validate the check-ins and the entry of a licensed measure's
wording. No writes."""

from __future__ import annotations

from typing import Any

from django import forms

from .check_models import Asking
from .licences import Wording


def scale_of(points: int) -> list[tuple[str, str]]:
    choices = [(str(n), str(n)) for n in range(1, points + 1)]
    choices[0] = ("1", "1 - strongly disagree")
    choices[-1] = (str(points), f"{points} - strongly agree")
    return choices


class CheckInForm(forms.Form):
    """One radio group per statement of the wording asked."""

    def __init__(self, *args: Any, wording: Wording, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for index, item in enumerate(wording.items):
            self.fields[f"item_{index}"] = forms.TypedChoiceField(
                label=item,
                choices=scale_of(wording.points),
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": "Please choose a number for this one."},
            )

    def scores(self) -> list[int]:
        return [int(self.cleaned_data[name]) for name in self.fields]


class AskingForm(forms.Form):
    asking = forms.ChoiceField(choices=Asking.choices, widget=forms.HiddenInput)


class WordingForm(forms.Form):
    items_text = forms.CharField(
        label="The statements, one a line, exactly as your licence gives them",
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 9}),
    )
    points = forms.TypedChoiceField(
        label="How many points the answer scale has",
        coerce=int,
        choices=[(str(n), str(n)) for n in range(2, 12)],
        initial="7",
    )
    licence_held = forms.CharField(
        label="The licence or permission your organisation holds",
        help_text="For example who granted it, when, and its reference.",
        max_length=300,
    )
