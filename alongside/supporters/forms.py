"""Parse and check input for training, supervision, check-ins, caseloads, the rota
and "I need help". No writes here."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import (
    SUPERVISING_ROLES,
    SUPPORTER_ROLES,
    Organisation,
)

from .models import (
    Evidence,
    Feeling,
    Load,
    Register,
    SessionKind,
    SessionStatus,
    ShiftKind,
    TrainingModule,
    Urgency,
)


def _tidy(text: str) -> str:
    return text.replace("\x00", "").strip()


class PersonChoiceField(forms.ModelChoiceField[Person]):
    def label_from_instance(self, obj: Person) -> str:
        return obj.shown_name


def supporters_of(organisation: Organisation) -> QuerySet[Person]:
    return Person.objects.filter(
        roles__organisation=organisation, roles__role__in=SUPPORTER_ROLES
    ).order_by("known_as", "pk")


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]
DATETIME_ERRORS = {
    "required": "Please give a day and a time.",
    "invalid": "Please give a day and a time, like 2026-03-14 09:30.",
}


class ModuleForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=120,
        error_messages={"required": "Please give the module a name."},
    )
    about = forms.CharField(
        label="What it covers",
        max_length=400,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    provider = forms.CharField(label="Who runs it", max_length=120, required=False)
    hours = forms.DecimalField(
        label="Hours",
        min_value=Decimal("0.5"),
        max_value=Decimal("200"),
        max_digits=4,
        decimal_places=1,
        initial=Decimal("2"),
        error_messages={
            "invalid": "Please give the hours as a number, like 2 or 1.5.",
            "min_value": "Please give at least half an hour.",
            "max_value": "Please give 200 hours or fewer.",
            "max_digits": "Please give 200 hours or fewer.",
            "max_decimal_places": "Please round to the nearest half hour.",
        },
    )
    evidence = forms.ChoiceField(
        label="How completion is shown", choices=Evidence.choices
    )
    refresh_months = forms.IntegerField(
        label="Refresh every (months)",
        min_value=0,
        max_value=120,
        initial=0,
        help_text="0 means it does not need refreshing.",
        error_messages={
            "invalid": "Please give a whole number of months, or 0.",
            "min_value": "Please give 0 or more months.",
            "max_value": "Please give 120 months or fewer.",
        },
    )
    needed_for_duty = forms.BooleanField(label="Needed to go on duty", required=False)
    needed_for_facilitating = forms.BooleanField(
        label="Needed to facilitate a group", required=False
    )
    needed_for_one_to_one = forms.BooleanField(
        label="Needed for one-to-one support", required=False
    )

    def clean_name(self) -> str:
        return _tidy(self.cleaned_data["name"])

    def clean_about(self) -> str:
        return _tidy(self.cleaned_data.get("about", ""))

    def clean_provider(self) -> str:
        return _tidy(self.cleaned_data.get("provider", ""))


class RecordTrainingForm(forms.Form):
    supporter = PersonChoiceField(
        label="Who completed it",
        queryset=Person.objects.none(),
        error_messages={
            "required": "Please choose who completed it.",
            "invalid_choice": "Please choose one of the supporters listed.",
        },
    )
    module = forms.ModelChoiceField(
        label="Module",
        queryset=TrainingModule.objects.none(),
        error_messages={
            "required": "Please choose the module.",
            "invalid_choice": "Please choose one of the modules listed.",
        },
    )
    completed_on = forms.DateField(
        label="Completed on",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Please give the day it was completed.",
            "invalid": "Please give a day, like 2026-03-14.",
        },
    )
    is_practice = forms.BooleanField(
        label="This was a practice session", required=False
    )

    def __init__(
        self, *args: Any, organisation: Organisation, recorder: Person, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        supporter_field = self.fields["supporter"]
        assert isinstance(supporter_field, forms.ModelChoiceField)
        supporter_field.queryset = supporters_of(organisation).exclude(pk=recorder.pk)
        module_field = self.fields["module"]
        assert isinstance(module_field, forms.ModelChoiceField)
        module_field.queryset = TrainingModule.objects.filter(
            organisation=organisation
        ).current()
        if not self.is_bound:
            self.initial.setdefault("completed_on", timezone.localdate())


class AssignSupervisorForm(forms.Form):
    supporter = PersonChoiceField(
        label="Supporter",
        queryset=Person.objects.none(),
        error_messages={"invalid_choice": "Please choose one of the supporters."},
    )
    supervisor = PersonChoiceField(
        label="Supervised by",
        queryset=Person.objects.none(),
        error_messages={"invalid_choice": "Please choose one of the supervisors."},
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        supporter_field = self.fields["supporter"]
        assert isinstance(supporter_field, forms.ModelChoiceField)
        supporter_field.queryset = supporters_of(organisation)
        supervisor_field = self.fields["supervisor"]
        assert isinstance(supervisor_field, forms.ModelChoiceField)
        supervisor_field.queryset = Person.objects.filter(
            roles__organisation=organisation, roles__role__in=SUPERVISING_ROLES
        ).order_by("known_as", "pk")


class SessionForm(forms.Form):
    supervisee = PersonChoiceField(
        label="With",
        queryset=Person.objects.none(),
        error_messages={"invalid_choice": "Please choose someone you supervise."},
    )
    kind = forms.ChoiceField(label="Kind of session", choices=SessionKind.choices)
    scheduled_for = forms.DateTimeField(
        label="When",
        input_formats=DATETIME_FORMATS,
        widget=DateTimeLocalInput(),
        error_messages=DATETIME_ERRORS,
    )
    minutes = forms.IntegerField(
        label="How long (minutes)",
        min_value=15,
        max_value=240,
        initial=60,
        error_messages={
            "invalid": "Please give a number of minutes.",
            "min_value": "Please give at least 15 minutes.",
            "max_value": "Please give 240 minutes or fewer.",
        },
    )

    def __init__(
        self, *args: Any, supervisees: QuerySet[Person], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["supervisee"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = supervisees.order_by("known_as", "pk")


class NotesForm(forms.Form):
    status = forms.ChoiceField(
        label="Did it happen?", choices=SessionStatus.choices, widget=forms.RadioSelect
    )
    notes = forms.CharField(
        label="Supervision notes",
        max_length=6000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Only you and the person you supervise can read these.",
        error_messages={"max_length": "Please keep the notes under 6000 characters."},
    )

    def clean_notes(self) -> str:
        return _tidy(self.cleaned_data.get("notes", ""))


class ReflectionForm(forms.Form):
    reflection = forms.CharField(
        label="Your own reflection",
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Only you and your supervisor can read this.",
        error_messages={
            "max_length": "Please keep your reflection under 4000 characters."
        },
    )

    def clean_reflection(self) -> str:
        return _tidy(self.cleaned_data.get("reflection", ""))


class CheckInForm(forms.Form):
    feeling = forms.TypedChoiceField(
        label="How are you?",
        choices=Feeling.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose the one closest to how you are."},
    )
    load = forms.ChoiceField(
        label="How is your load?",
        choices=Load.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose the one closest to your load."},
    )
    would_like_to_talk = forms.BooleanField(
        label="I would like to talk to someone", required=False
    )


class CaseloadForm(forms.Form):
    max_matches = forms.IntegerField(
        label="Most one-to-one matches at once",
        min_value=0,
        max_value=8,
        error_messages={
            "required": "Please give a number, or 0.",
            "invalid": "Please give a whole number, or 0.",
            "min_value": "Please give 0 or more.",
            "max_value": "Please give 8 or fewer.",
        },
    )
    matching_paused = forms.BooleanField(label="Pause new matches", required=False)


class ShiftForm(forms.Form):
    kind = forms.ChoiceField(label="Kind of shift", choices=ShiftKind.choices)
    starts_at = forms.DateTimeField(
        label="Starts",
        input_formats=DATETIME_FORMATS,
        widget=DateTimeLocalInput(),
        error_messages=DATETIME_ERRORS,
    )
    ends_at = forms.DateTimeField(
        label="Ends",
        input_formats=DATETIME_FORMATS,
        widget=DateTimeLocalInput(),
        error_messages=DATETIME_ERRORS,
    )
    assignee = PersonChoiceField(
        label="Who is on it",
        queryset=Person.objects.none(),
        required=False,
        empty_label="Nobody yet (a gap to fill)",
        error_messages={"invalid_choice": "Please choose one of the supporters."},
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["assignee"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = supporters_of(organisation)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if (
            isinstance(starts, datetime)
            and isinstance(ends, datetime)
            and ends <= starts
        ):
            self.add_error("ends_at", "Please end the shift after it starts.")
        return cleaned


class HelpForm(forms.Form):
    urgency = forms.ChoiceField(
        label="When do you need someone?",
        choices=Urgency.choices,
        error_messages={"invalid_choice": "Please choose now or soon."},
    )


class RegistrationForm(forms.Form):
    profession = forms.CharField(
        label="Your profession",
        max_length=120,
        required=False,
        help_text="For example: counsellor, mental health nurse, psychologist.",
    )
    register = forms.ChoiceField(
        label="Professional register",
        choices=[("", "Not registered"), *Register.choices],
        required=False,
    )
    register_number = forms.CharField(
        label="Registration number", max_length=40, required=False
    )

    def clean_profession(self) -> str:
        return _tidy(self.cleaned_data.get("profession", ""))

    def clean_register_number(self) -> str:
        return _tidy(self.cleaned_data.get("register_number", ""))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("register_number") and not cleaned.get("register"):
            self.add_error("register", "Please choose the register for this number.")
        return cleaned


class DebriefForm(forms.Form):
    to_pass_on = forms.CharField(
        label="Anything to pass on?",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="About you and how the meeting went. Please leave out what "
        "anyone in the group said, and their names.",
        error_messages={"max_length": "Please keep it under 2000 characters."},
    )
    needs = forms.CharField(
        label="Anything you need?",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Please keep it under 2000 characters."},
    )

    def clean_to_pass_on(self) -> str:
        return _tidy(self.cleaned_data.get("to_pass_on", ""))

    def clean_needs(self) -> str:
        return _tidy(self.cleaned_data.get("needs", ""))
