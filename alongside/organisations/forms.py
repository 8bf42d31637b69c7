"""Forms for an organisation's admins. They validate; actions write."""

from datetime import datetime, timedelta
from typing import Any

from django import forms
from django.utils import timezone

from .models import Invitation, Organisation, SupportService


class OrganisationSettingsForm(forms.ModelForm[Organisation]):
    class Meta:
        model = Organisation
        fields = [
            "name",
            "about",
            "confidentiality_statement",
            "allows_direct_messages",
            "allows_images",
            "allows_links",
            "group_creation",
        ]
        labels = {
            "allows_direct_messages": "Members may message each other directly",
            "allows_images": "Members may post images",
            "allows_links": "Members may post links",
            "group_creation": "Who may start a new group",
        }
        widgets = {
            "about": forms.Textarea(attrs={"rows": 4}),
            "confidentiality_statement": forms.Textarea(attrs={"rows": 10}),
        }


class InvitationForm(forms.ModelForm[Invitation]):
    valid_for_days = forms.IntegerField(
        label="Valid for (days)", min_value=1, max_value=365, initial=30
    )

    class Meta:
        model = Invitation
        fields = ["label", "role", "max_uses"]
        labels = {"max_uses": "How many people may use it"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["max_uses"].widget.attrs.update({"min": 1, "max": 1000})

    def clean_max_uses(self) -> int:
        value = self.cleaned_data["max_uses"]
        if not 1 <= value <= 1000:
            raise forms.ValidationError("Please choose a number from 1 to 1,000.")
        return int(value)

    def expires_at(self) -> datetime:
        return timezone.now() + timedelta(days=self.cleaned_data["valid_for_days"])


class SupportServiceForm(forms.ModelForm[SupportService]):
    website = forms.URLField(label="Website", required=False, assume_scheme="https")

    class Meta:
        model = SupportService
        fields = [
            "name",
            "purpose",
            "phone",
            "text_message",
            "website",
            "hours",
            "region",
            "is_urgent",
            "position",
        ]
        labels = {"position": "Order in the list (lower comes first)"}
        widgets = {"purpose": forms.Textarea(attrs={"rows": 2})}
