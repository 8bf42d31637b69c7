"""Parse and check input for the ending survey and for referrals on (recording,
consenting item by item, counter-signing). No writes here."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from alongside.organisations.models import SupportService

from .ending_models import Basis, ShareItem

SCALE = [(n, str(n)) for n in range(1, 6)]


def _scale(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose a number from 1 to 5."},
    )


class SurveyForm(forms.Form):
    helped = _scale("The support helped me (1 not at all, 5 very much)")
    felt_respected = _scale("I felt safe and respected (1 not at all, 5 always)")
    ending_felt_right = _scale(
        "The ending was talked about and planned with me (1 not at all, 5 fully)"
    )
    words = forms.CharField(
        label="Anything you would like the coordinators to know",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": "Please keep this under 2,000 characters. Nothing you "
            "wrote is lost."
        },
    )


class ReferralForm(forms.Form):
    service = forms.ModelChoiceField(
        label="The service, from the organisation's directory",
        queryset=SupportService.objects.none(),
        empty_label="Choose a service",
        error_messages={
            "required": "Please choose a service from the directory.",
            "invalid_choice": "That service is no longer in the directory. Please "
            "choose from the list as it is now.",
        },
    )
    basis = forms.ChoiceField(
        label="Does the person have a say?",
        choices=[
            (
                Basis.CONSENT,
                "Yes: they choose, item by item, what may be shared",
            ),
            (
                Basis.LIMITS,
                "No: the limits of confidentiality apply, and a supervisor "
                "counter-signs",
            ),
        ],
        initial=Basis.CONSENT,
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose whether the person has a say."},
    )
    items = forms.MultipleChoiceField(
        label="What would be shared",
        choices=ShareItem.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Please tick at least one thing that would be shared."
        },
    )
    why = forms.CharField(
        label="Why you suggest it, in words the person will read",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The person you support reads this. Under the limits of "
        "confidentiality, say plainly why it cannot wait for their say.",
        error_messages={
            "required": "Please say why, in a sentence. The person you support "
            "reads it.",
            "max_length": "Please keep this under 1,000 characters. Nothing you "
            "wrote is lost.",
        },
    )

    def __init__(
        self, *args: Any, services: QuerySet[SupportService], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["service"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = services


class ConsentForm(forms.Form):
    items = forms.MultipleChoiceField(
        label="What may be shared",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, asked: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["items"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(i, ShareItem(i).label) for i in asked]
