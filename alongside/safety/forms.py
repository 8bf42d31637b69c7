"""Parse and check input for reports, appeals, decisions, the escalation chain and
incidents. No writes here."""

from __future__ import annotations

from typing import Any

from django import forms

from alongside.accounts.models import Person
from alongside.conversations.models import Topic
from alongside.organisations.models import STAFF_ROLES, Organisation, Role
from alongside.peergroups.models import PeerGroup

from .models import DecisionAction, Incident, ReportReason


def _tidy(text: str) -> str:
    return text.replace("\x00", "").strip()


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label="What worries you about it?",
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose the reason closest to yours."},
    )
    agreement_item_reference = forms.ChoiceField(
        label="Which part of the group agreement?",
        required=False,
        widget=forms.RadioSelect,
        help_text="Only if it goes against the agreement.",
        error_messages={"invalid_choice": "Please choose an item from the list."},
    )
    note = forms.CharField(
        label="Anything you'd like to add",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Please keep this under 500 characters."},
    )

    def __init__(
        self, *args: Any, agreement_items: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        """`agreement_items`: the group agreement's items to choose from
        (`agreement_items.item_choices`); none when it has agreed nothing yet."""
        super().__init__(*args, **kwargs)
        if agreement_items:
            field = self.fields["agreement_item_reference"]
            assert isinstance(field, forms.ChoiceField)
            field.choices = agreement_items
        else:
            del self.fields["agreement_item_reference"]

    def clean_note(self) -> str:
        return _tidy(self.cleaned_data.get("note", ""))


class AppealForm(forms.Form):
    note = forms.CharField(
        label="A note for the facilitator",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Please keep this under 500 characters."},
    )

    def clean_note(self) -> str:
        return _tidy(self.cleaned_data.get("note", ""))


class DecisionForm(forms.Form):
    action = forms.ChoiceField(
        label="What would you like to do?",
        choices=DecisionAction.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose what to do."},
    )
    reason = forms.CharField(
        label="Why, for the record",
        max_length=500,
        help_text="Kept with the decision. Please don't copy the post's words.",
        error_messages={
            "required": "Please say briefly why, for the record.",
            "max_length": "Please keep this under 500 characters.",
        },
    )
    note_to_author = forms.CharField(
        label="A note to the author",
        max_length=1500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Needed unless you are sharing the post. Warm and plain, please.",
        error_messages={"max_length": "Please keep this under 1,500 characters."},
    )
    content_warning = forms.ChoiceField(
        label="Content warning (when sharing with one)",
        choices=[("", "None"), *Topic.choices],
        required=False,
    )
    pause_days = forms.IntegerField(
        label="Pause for how many days? (when pausing)",
        min_value=1,
        max_value=30,
        required=False,
        error_messages={
            key: "Please choose between 1 and 30 days."
            for key in ("invalid", "min_value", "max_value")
        },
    )
    # What the facilitator saw when the page opened (queue.seen_state).
    seen = forms.CharField(widget=forms.HiddenInput, required=False, max_length=80)

    def clean_reason(self) -> str:
        return _tidy(self.cleaned_data["reason"])

    def clean_note_to_author(self) -> str:
        return _tidy(self.cleaned_data.get("note_to_author", ""))


class DecisionReplyForm(forms.Form):
    reply = forms.CharField(
        label="Your reply",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Please write a few words, or go back.",
            "max_length": "Please keep your reply under 1,000 characters.",
        },
    )

    def clean_reply(self) -> str:
        return _tidy(self.cleaned_data["reply"])


class DutyForm(forms.Form):
    organisation = forms.SlugField()
    on_duty = forms.TypedChoiceField(
        choices=[("on", "On duty"), ("off", "Off duty")],
        coerce=lambda value: value == "on",
    )


STEPS = 5


class EscalationChainForm(forms.Form):
    minutes_before_moving_up = forms.IntegerField(
        label="Minutes before an alert moves up the chain",
        min_value=1,
        max_value=240,
        initial=10,
        error_messages={
            key: "Please choose between 1 and 240 minutes."
            for key in ("required", "invalid", "min_value", "max_value")
        },
    )

    def __init__(
        self,
        *args: Any,
        organisation: Organisation,
        no_longer_on_the_team: dict[int, Person] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.no_longer_on_the_team = no_longer_on_the_team or {}
        staff = Person.objects.filter(
            roles__organisation=organisation, roles__role__in=STAFF_ROLES
        ).order_by("known_as", "pk")
        self.people = {str(person.pk): person for person in staff}
        choices = [("", "Nobody (end of chain)")]
        choices += [(f"person:{pk}", p.shown_name) for pk, p in self.people.items()]
        choices += [
            (f"role:{role}", f"Every {Role(role).label.lower()}")
            for role in (Role.FACILITATOR, Role.SUPERVISOR, Role.ADMIN)
        ]
        for number in range(1, STEPS + 1):
            step_choices = list(choices)
            help_text = ""
            former = self.no_longer_on_the_team.get(number)
            if former is not None:
                # Shown as it is saved, so the admin sees what alerts pass by.
                step_choices.insert(
                    1,
                    (
                        f"person:{former.pk}",
                        f"{former.shown_name} (no longer on the team)",
                    ),
                )
                help_text = (
                    f"{former.shown_name} is no longer on the team, so alerts skip "
                    "this step. Please choose someone else, or nobody."
                )
            self.fields[f"step_{number}"] = forms.ChoiceField(
                label=f"Step {number}",
                choices=step_choices,
                help_text=help_text,
                required=False,
                error_messages={
                    "invalid_choice": "That choice is no longer in the list, "
                    "perhaps because they are no longer staff here. Please choose "
                    "again."
                },
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for number, former in self.no_longer_on_the_team.items():
            if cleaned.get(f"step_{number}") == f"person:{former.pk}":
                self.add_error(
                    f"step_{number}",
                    f"{former.shown_name} is no longer on the team. Please choose "
                    "someone else, or nobody.",
                )
        return cleaned

    def steps(self) -> list[tuple[Person | None, str]]:
        chosen: list[tuple[Person | None, str]] = []
        for number in range(1, STEPS + 1):
            value = self.cleaned_data.get(f"step_{number}") or ""
            kind, _, ref = value.partition(":")
            if kind == "person":
                chosen.append((self.people[ref], ""))
            elif kind == "role":
                chosen.append((None, ref))
        return chosen


class IncidentForm(forms.ModelForm[Incident]):
    group = forms.ModelChoiceField(
        queryset=PeerGroup.objects.none(),
        required=False,
        label="Group",
        error_messages={
            "invalid_choice": "Please choose one of the groups in the list, or none."
        },
    )

    class Meta:
        model = Incident
        fields = [
            "group",
            "category",
            "severity",
            "what_happened",
            "actions_taken",
            "outcome",
            "follow_up",
            "follow_up_by",
        ]
        widgets = {
            "what_happened": forms.Textarea(attrs={"rows": 5}),
            "actions_taken": forms.Textarea(attrs={"rows": 3}),
            "outcome": forms.Textarea(attrs={"rows": 3}),
            "follow_up": forms.Textarea(attrs={"rows": 3}),
            "follow_up_by": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "what_happened": "In your own words. Please don't copy what anyone "
            "posted, and use no one's real name.",
        }
        error_messages = {
            "category": {"required": "Please choose what kind of incident it was."},
            "severity": {"required": "Please choose how serious it was."},
            "what_happened": {
                "required": "Please say briefly what happened, in your own words."
            },
            "follow_up_by": {"invalid": "Please give a date, or leave it empty."},
        }

    def __init__(self, *args: Any, groups: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        group_field = self.fields["group"]
        assert isinstance(group_field, forms.ModelChoiceField)
        group_field.queryset = groups


class IncidentUpdateForm(forms.ModelForm[Incident]):
    """What happened next: what was done, the outcome and any follow-up. What
    happened in the first place stays as it was recorded."""

    class Meta:
        model = Incident
        fields = ["actions_taken", "outcome", "follow_up", "follow_up_by"]
        widgets = IncidentForm.Meta.widgets
        help_texts = {
            "outcome": "Once the outcome is written and any follow-up date has "
            "passed, the incident no longer counts as open.",
        }
        error_messages = {
            "follow_up_by": {"invalid": "Please give a date, or leave it empty."},
        }
