"""Forms for agreements. They parse and validate input; actions write."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from django import forms

from .actions import Change
from .models import (
    REASON_NEEDED,
    AgreementItem,
    ChangeAction,
    OrganisationItemKind,
    ResponseChoice,
)

PROPOSAL_ACTIONS = [
    (ChangeAction.ADD, "Add a new item"),
    (ChangeAction.CHANGE, "Change the wording of an item"),
    (ChangeAction.REMOVE, "Remove an item"),
    (ChangeAction.BREACH, 'Change "what happens if an agreement is not kept"'),
]

REVIEW_DECISIONS = [
    (ChangeAction.KEEP, "Keep as it is"),
    (ChangeAction.CHANGE, "Change it"),
    (ChangeAction.REMOVE, "Remove it"),
]


def _tidy(value: str) -> str:
    return value.strip()


class ProposalForm(forms.Form):
    action = forms.ChoiceField(
        label="What would you like to suggest?",
        choices=PROPOSAL_ACTIONS,
        widget=forms.RadioSelect,
    )
    item = forms.ChoiceField(
        label="Which item? (for changing or removing)",
        required=False,
        choices=[],
    )
    text = forms.CharField(
        label="The wording you suggest",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Plain, kind words work best. Not needed when removing an item.",
    )
    why = forms.CharField(
        label="Why this matters to us",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    reason = forms.CharField(
        label="Why you are suggesting this",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Everyone in the group can read this.",
    )

    def __init__(
        self, *args: Any, items: Sequence[AgreementItem] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        item_field = self.fields["item"]
        assert isinstance(item_field, forms.ChoiceField)
        item_field.choices = [("", "Choose an item")] + [
            (str(item.key), item.text[:120]) for item in items
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        action = data.get("action")
        text = _tidy(data.get("text", ""))
        if action in (ChangeAction.CHANGE, ChangeAction.REMOVE) and not data.get(
            "item"
        ):
            self.add_error("item", "Please choose the item.")
        if action in (ChangeAction.ADD, ChangeAction.CHANGE, ChangeAction.BREACH):
            if not text:
                self.add_error("text", "Please write the wording you suggest.")
            elif action != ChangeAction.BREACH and len(text) > 500:
                self.add_error("text", "Please keep an item under 500 characters.")
        return data

    def changes(self) -> list[Change]:
        data = self.cleaned_data
        item = data.get("item")
        return [
            Change(
                action=data["action"],
                text=_tidy(data.get("text", "")),
                why=_tidy(data.get("why", ""))
                if data["action"] != ChangeAction.BREACH
                else "",
                item_key=uuid.UUID(item) if item else None,
            )
        ]


class ResponseForm(forms.Form):
    choice = forms.ChoiceField(
        label="Your response", choices=ResponseChoice.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label="Your reason",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed for a concern or an objection. Others in the group see "
        "it, without your name unless you choose to show it.",
    )
    shows_name = forms.BooleanField(
        label="Show my name in this group next to my response", required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("choice") in REASON_NEEDED and not _tidy(data.get("reason", "")):
            self.add_error(
                "reason",
                "Please say a little about why, so the group can work with it.",
            )
        return data


class CommentForm(forms.Form):
    text = forms.CharField(
        label="Add to the discussion",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_text(self) -> str:
        text = _tidy(self.cleaned_data["text"])
        if not text:
            raise forms.ValidationError("Please write something first.")
        return text


class ReviewForm(forms.Form):
    """One keep / change / remove choice per item, plus the breach section."""

    breach_response = forms.CharField(
        label="What happens if an agreement is not kept",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    reason = forms.CharField(
        label="A note for the group about this review",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        initial="It is time for our regular look at the agreement.",
    )

    def __init__(
        self,
        *args: Any,
        items: Sequence[AgreementItem] = (),
        breach: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.items = list(items)
        self.fields["breach_response"].initial = breach
        self.breach = breach
        for item in self.items:
            self.fields[f"decision_{item.key}"] = forms.ChoiceField(
                label=item.text,
                choices=REVIEW_DECISIONS,
                widget=forms.RadioSelect,
                initial=ChangeAction.KEEP,
            )
            self.fields[f"text_{item.key}"] = forms.CharField(
                label="New wording (if changing)",
                required=False,
                max_length=500,
                initial=item.text,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def item_rows(self) -> list[tuple[AgreementItem, Any, Any]]:
        return [
            (item, self[f"decision_{item.key}"], self[f"text_{item.key}"])
            for item in self.items
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for item in self.items:
            decision = data.get(f"decision_{item.key}")
            text = _tidy(data.get(f"text_{item.key}", ""))
            if decision == ChangeAction.CHANGE and not text:
                self.add_error(f"text_{item.key}", "Please write the new wording.")
        return data

    def changes(self) -> list[Change]:
        data = self.cleaned_data
        changes = []
        for item in self.items:
            decision = data[f"decision_{item.key}"]
            text = _tidy(data.get(f"text_{item.key}", ""))
            if decision == ChangeAction.CHANGE and text == item.text:
                decision = ChangeAction.KEEP
            changes.append(
                Change(
                    action=decision,
                    text=text if decision == ChangeAction.CHANGE else "",
                    why=item.why,
                    item_key=item.key,
                )
            )
        breach = _tidy(data.get("breach_response", ""))
        if breach and breach != self.breach.strip():
            changes.append(Change(action=ChangeAction.BREACH, text=breach))
        return changes


class AgreementSettingsForm(forms.Form):
    consent_days = forms.IntegerField(
        label="How many days a round of responses stays open",
        min_value=1,
        max_value=28,
        help_text="A facilitator may adopt a proposal sooner only if everyone "
        "active has responded and nobody objects.",
    )
    review_months = forms.IntegerField(
        label="How many months between reviews",
        min_value=1,
        max_value=36,
        help_text="After each adoption, the next review is set this far ahead.",
    )
    review_due_on = forms.DateField(
        label="Next review date",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="If the group has chosen a date of its own.",
    )


class OrganisationItemForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of item",
        choices=OrganisationItemKind.choices,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(label="The item, in plain words", max_length=500)
    why = forms.CharField(
        label="Why this matters",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean_text(self) -> str:
        text = _tidy(self.cleaned_data["text"])
        if not text:
            raise forms.ValidationError("Please write the item.")
        return text
