"""Forms for an organisation's admins. They validate; actions write."""

from datetime import datetime, timedelta
from typing import Any

from django import forms
from django.utils import timezone

from .contradictions import contradictions_in
from .kinds import KIND_DEFAULTS, POLICY_SWITCHES
from .models import (
    Invitation,
    Organisation,
    Retention,
    Role,
    Setting,
    SupportService,
)

RETENTION_FIELDS = ("live_message_retention_days", "thread_retention_days")


class OrganisationKindForm(forms.Form):
    """The kind of service. Choosing one puts every switch to that kind's defaults
    (the action does); the admin changes them one by one afterwards."""

    setting = forms.ChoiceField(
        label="Kind of service",
        choices=Setting.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Please choose the kind of service.",
            "invalid_choice": "Please choose one of the three kinds of service.",
        },
    )


class OrganisationSettingsForm(forms.ModelForm[Organisation]):
    """The organisation's policy switches and its own words. A retention choice left
    out of the post keeps the one saved before, so an older form (or a script) never
    shortens it by accident."""

    class Meta:
        model = Organisation
        fields = [
            "name",
            "about",
            *POLICY_SWITCHES,
            "confidentiality_statement",
            "search_words",
        ]
        labels = {
            "allows_links": "Links in posts can be clicked",
            "requires_staff_facilitators": "Only staff may facilitate groups",
            "peers_may_message_team": "Peers may start a private conversation with "
            "the team",
            "group_creation": "Who may start a new group",
        }
        help_texts = {
            "allows_links": "When this is off, links show as plain text that nobody "
            "can click, and screening holds a post with a link for a quick check.",
            "peers_may_message_team": "The team can always message a peer privately. "
            "When this is on, peers can also write to the team first. A secure "
            "service keeps it off whatever this says.",
            "requires_staff_facilitators": "Only facilitators, supervisors and admins "
            "of the organisation can start a group and so become its facilitator. "
            "Anyone who facilitates a group now keeps doing so.",
            "live_message_retention_days": "Older messages in live rooms are deleted "
            "each night. Anything that is part of an open safety concern is kept "
            "until that is closed.",
        }
        widgets = {
            "about": forms.Textarea(attrs={"rows": 4}),
            "confidentiality_statement": forms.Textarea(attrs={"rows": 6}),
            "search_words": forms.Textarea(attrs={"rows": 5}),
        }
        error_messages = {
            name: {
                "invalid_choice": "Please choose one of the periods in the list.",
            }
            for name in RETENTION_FIELDS
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in RETENTION_FIELDS:
            self.fields[name].required = False
        if self.instance.setting:
            self._say_kind_defaults(Setting(self.instance.setting))

    def _say_kind_defaults(self, kind: Setting) -> None:
        """Each switch's help says its default for the organisation's kind."""
        for name, value in KIND_DEFAULTS[kind].items():
            field = self.fields[name]
            if isinstance(value, bool):
                shown = "on" if value else "off"
            else:
                shown = str(dict(field.choices)[value]).lower()  # type: ignore[attr-defined]
            default = f"The default for “{kind.label}” is {shown}."
            field.help_text = f"{field.help_text} {default}".strip()

    def _clean_retention(self, name: str) -> int:
        value = self.cleaned_data.get(name)
        if value is None or value == "":
            return int(getattr(self.instance, name))
        return int(Retention(int(value)))

    def clean_live_message_retention_days(self) -> int:
        return self._clean_retention("live_message_retention_days")

    def clean_thread_retention_days(self) -> int:
        return self._clean_retention("thread_retention_days")

    def clean_confidentiality_statement(self) -> str:
        text: str = self.cleaned_data.get("confidentiality_statement", "")
        found = contradictions_in(text)
        if found:
            # One message: the field template gives each error the same id.
            raise forms.ValidationError(
                " ".join(
                    [
                        "Your own words come after the statement and cannot say "
                        "something it does not. Please change",
                        *found,
                    ]
                )
            )
        return text

    def clean_search_words(self) -> str:
        text: str = self.cleaned_data.get("search_words", "")
        unclear = [
            line.strip()
            for line in text.splitlines()
            if line.strip() and (":" not in line or not line.partition(":")[2].strip())
        ]
        if unclear:
            raise forms.ValidationError(
                "Each line needs a word, a colon, then the words it should also "
                "find. Please check: " + "; ".join(unclear[:3])
            )
        return text


class InvitationForm(forms.ModelForm[Invitation]):
    valid_for_days = forms.IntegerField(
        label="Valid for (days)",
        min_value=1,
        max_value=365,
        initial=30,
        error_messages={
            key: "Please choose a number of days from 1 to 365."
            for key in ("required", "invalid", "min_value", "max_value")
        },
    )

    class Meta:
        model = Invitation
        fields = ["label", "role", "max_uses"]
        labels = {"max_uses": "How many people may use it"}
        error_messages = {
            "max_uses": {
                key: "Please choose a number from 1 to 1,000."
                for key in ("required", "invalid")
            },
            "role": {
                "required": "Please choose the role it gives.",
                "invalid_choice": "Please choose one of the roles in the list.",
            },
        }

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
    website = forms.URLField(
        label="Website",
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Please give a web address, like www.example.org."},
    )

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
        error_messages = {
            "name": {"required": "Please give the service's name."},
            "purpose": {"required": "Please say in a few words what it is for."},
            "position": {
                key: "Please give a whole number from 0 to 1,000."
                for key in ("required", "invalid", "min_value", "max_value")
            },
        }

    def clean_position(self) -> int:
        position: int = self.cleaned_data["position"]
        if not 0 <= position <= 1000:
            raise forms.ValidationError("Please give a whole number from 0 to 1,000.")
        return position


class RoleChangeForm(forms.Form):
    """The role to give someone. `confirmed` is set by the page that says what they
    will stop seeing, when the new role takes something away."""

    role = forms.ChoiceField(
        label="Their role",
        choices=Role.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Please choose a role.",
            "invalid_choice": "Please choose one of the roles.",
        },
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)
    # The role the person held when the page was shown. A confirmed change whose
    # person has had their role changed since (or that does not say) is not applied:
    # the confirming page is shown again with the facts as they are now.
    from_role = forms.CharField(required=False, widget=forms.HiddenInput)
    # The confirming page's choice, off unless the admin ticks it: where peers may
    # facilitate, also end the groups they facilitate.
    step_down_from_groups = forms.BooleanField(required=False)
