"""Parse and validate what people send in insights. No writes."""

from __future__ import annotations

from typing import Any

from django import forms

from alongside.peergroups.models import PeerGroup

SCALE = [
    ("1", "1 - not at all"),
    ("2", "2"),
    ("3", "3"),
    ("4", "4"),
    ("5", "5 - completely"),
]


class FeedbackForm(forms.Form):
    text = forms.CharField(
        label="What would you like the facilitators to know?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    # Ticked on the second look, after identifying details or crisis options were
    # shown: the writer chose to send it as it is.
    send_as_it_is = forms.BooleanField(
        label="Send it as it is", required=False, widget=forms.HiddenInput
    )


class PartingNoteForm(FeedbackForm):
    text = forms.CharField(
        label="Anything you would like the facilitators to know?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Please write something to send, or choose Skip.",
        },
    )


class FeltSafetyForm(forms.Form):
    felt_safe = forms.TypedChoiceField(
        label="I felt safe in this meeting",
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
    )
    could_say = forms.TypedChoiceField(
        label="I could say what I wanted to say",
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
    )


class ChangeForm(forms.Form):
    you_said = forms.CharField(
        label="What members said (in a few words, no names)", max_length=500
    )
    we_did = forms.CharField(
        label="What we changed",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DashboardFilterForm(forms.Form):
    group = forms.TypedChoiceField(
        label="Group", coerce=int, required=False, empty_value=None
    )
    setting = forms.ChoiceField(
        label="Kind of meeting",
        required=False,
        choices=[
            ("", "All kinds"),
            ("online", "Online"),
            ("in_person", "In person"),
            ("hybrid", "Both"),
        ],
    )
    quarters = forms.TypedChoiceField(
        label="Quarters shown",
        coerce=int,
        choices=[("4", "The last 4"), ("2", "The last 2"), ("8", "The last 8")],
        required=False,
        empty_value=None,
    )

    def __init__(self, *args: Any, groups: list[PeerGroup], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        group_field = self.fields["group"]
        assert isinstance(group_field, forms.TypedChoiceField)
        group_field.choices = [("", "All groups")] + [
            (str(group.pk), group.name) for group in groups
        ]
