"""Forms for meetings, RSVPs, calendar choices and venues: parse and validate only;
the actions decide and write."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from alongside.organisations.models import Organisation
from alongside.peergroups.models import Format

from .models import (
    ACCESS_FACTS,
    CHECKLIST,
    DEFAULT_TIME_ZONE,
    FEELING_SAFE_FACTS,
    VENUE_QUESTIONS,
    BankHolidays,
    Felt,
    Frequency,
    OnlinePlace,
    Reminder,
    StepFree,
    Venue,
)
from .recurrence import Schedule


def _date_input() -> forms.DateInput:
    # The browser's date picker reads and writes ISO dates, whatever the language.
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _time_input() -> forms.TimeInput:
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _within_reach(day: date) -> None:
    """A date picker offers any year to 9999; a meeting that far ahead cannot be
    stored with its end."""
    if day > timezone.localdate() + timedelta(days=20 * 366):
        raise ValidationError(
            "Please give a date within the next twenty years.", code="too_far"
        )


WEEKS = [
    ("", "The same week as the first date"),
    ("1", "First"),
    ("2", "Second"),
    ("3", "Third"),
    ("4", "Fourth"),
    ("-1", "Last"),
]
ENDS = [
    ("count", "After a number of meetings"),
    ("until", "On a date"),
]


class MeetingForm(forms.Form):
    starts_on = forms.DateField(
        label="Date of the first meeting",
        widget=_date_input(),
        validators=[_within_reach],
    )
    local_start_time = forms.TimeField(label="Start time", widget=_time_input())
    duration_minutes = forms.IntegerField(
        label="How long, in minutes", initial=90, min_value=1, max_value=24 * 60
    )
    frequency = forms.ChoiceField(
        label="How often",
        choices=Frequency.choices,
        initial=Frequency.ONCE,
        widget=forms.RadioSelect,
    )
    interval = forms.IntegerField(
        label="Every how many weeks or months",
        initial=1,
        min_value=1,
        max_value=12,
        required=False,
        help_text="1 is every week (or month), 2 every other one.",
    )
    week_of_month = forms.ChoiceField(
        label="For monthly meetings, which week",
        choices=WEEKS,
        required=False,
    )
    ends = forms.ChoiceField(
        label="The series ends", choices=ENDS, initial="count", widget=forms.RadioSelect
    )
    count = forms.IntegerField(
        label="Number of meetings", min_value=1, max_value=500, required=False
    )
    until = forms.DateField(
        label="Last date",
        required=False,
        widget=_date_input(),
        validators=[_within_reach],
    )
    skips_bank_holidays = forms.ChoiceField(
        label="Bank holidays", choices=BankHolidays.choices, required=False
    )
    format = forms.ChoiceField(
        label="Where", choices=Format.choices, widget=forms.RadioSelect
    )
    venue = forms.ModelChoiceField(
        label="Venue",
        queryset=Venue.objects.none(),
        required=False,
        help_text="Members see its address; people thinking of joining see only "
        "its access facts.",
    )
    in_person_host = forms.CharField(
        label="Who holds the room", max_length=80, required=False
    )
    online_place = forms.ChoiceField(
        label="Online, in",
        choices=[("", "Not online"), *OnlinePlace.choices],
        required=False,
    )
    online_link = forms.URLField(
        label="Link for joining online",
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text="Shown to members from 15 minutes before the start.",
    )
    online_host = forms.CharField(
        label="Who holds the online part", max_length=80, required=False
    )
    capacity = forms.IntegerField(
        label="Places",
        min_value=1,
        max_value=500,
        required=False,
        help_text="Leave empty if there is room for everyone. When it is full, "
        "people can join a waiting list.",
    )
    is_shown_to_newcomers = forms.BooleanField(
        label="Show the day, time and access facts to people thinking of joining",
        required=False,
        initial=True,
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        venue_field = self.fields["venue"]
        assert isinstance(venue_field, forms.ModelChoiceField)
        venue_field.queryset = Venue.objects.in_use().filter(organisation=organisation)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("frequency") != Frequency.ONCE:
            if data.get("ends") == "until" and not data.get("until"):
                self.add_error("until", "Please give the last date.")
            if data.get("ends") == "count" and not data.get("count"):
                self.add_error("count", "Please say how many meetings.")
        return data

    def schedule(self) -> Schedule:
        data = self.cleaned_data
        once = data["frequency"] == Frequency.ONCE
        week = data.get("week_of_month")
        return Schedule(
            starts_on=data["starts_on"],
            local_start_time=data["local_start_time"],
            duration_minutes=data["duration_minutes"],
            time_zone=DEFAULT_TIME_ZONE,
            frequency=data["frequency"],
            interval=data.get("interval") or 1,
            week_of_month=int(week) if week else None,
            until=None if once or data["ends"] != "until" else data["until"],
            count=None if once or data["ends"] != "count" else data["count"],
            skips_bank_holidays=data.get("skips_bank_holidays") or "",
        )


class MoveForm(forms.Form):
    starts_on = forms.DateField(
        label="New date", widget=_date_input(), validators=[_within_reach]
    )
    local_start_time = forms.TimeField(label="New start time", widget=_time_input())
    duration_minutes = forms.IntegerField(
        label="How long, in minutes", min_value=1, max_value=24 * 60
    )


class HeadCountForm(forms.Form):
    head_count = forms.IntegerField(
        label="How many came", min_value=0, max_value=500, required=False
    )


class MeetingChoiceForm(forms.Form):
    reminders = forms.TypedMultipleChoiceField(
        label="Remind me",
        choices=Reminder.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="None are sent unless you choose them. Reminders never say the "
        "group's name.",
    )
    calendar_names_group = forms.BooleanField(
        label="Use the group's name in my calendar (it says \u201cAlongside "
        "meeting\u201d otherwise)",
        required=False,
    )


class QuietHoursForm(forms.Form):
    quiet_from = forms.TimeField(label="No reminders from", widget=_time_input())
    quiet_until = forms.TimeField(label="Until", widget=_time_input())


FACT_NAMES = [name for name, _ in ACCESS_FACTS] + [
    name for name, _ in FEELING_SAFE_FACTS
]


class VenueForm(forms.ModelForm[Venue]):
    step_free = forms.ChoiceField(
        label="Step-free access", choices=StepFree.choices, required=False
    )

    class Meta:
        model = Venue
        fields = ["name", "address", "step_free", *FACT_NAMES]
        labels = dict(ACCESS_FACTS + FEELING_SAFE_FACTS)
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}


class ChecklistForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, label in CHECKLIST:
            self.fields[name] = forms.BooleanField(label=label, required=False)

    def ticked(self) -> set[str]:
        return {name for name, _ in CHECKLIST if self.cleaned_data.get(name)}


class VenueCheckForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, question in VENUE_QUESTIONS:
            self.fields[name] = forms.ChoiceField(
                label=question, choices=Felt.choices, widget=forms.RadioSelect
            )


class WaiveForm(forms.Form):
    days = forms.IntegerField(
        label="Allow meetings here for how many days", min_value=1, max_value=30
    )
