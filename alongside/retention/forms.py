"""The confirmation asked before a whole group is deleted. Parses only."""

from __future__ import annotations

from typing import Any

from django import forms


class DeleteGroupForm(forms.Form):
    name = forms.CharField(
        label="Type the group's name to confirm",
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args: Any, group_name: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.group_name = group_name

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"]
        if name.strip() != self.group_name.strip():
            raise forms.ValidationError(
                "That is not the group's name. Nothing has been deleted."
            )
        return name
