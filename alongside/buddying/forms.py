"""Parse and check input for asking, offering, answering, the agreement and a
supporter's matching facts. No writes here."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django import forms
from django.utils import timezone

from alongside.organisations.models import Organisation
from alongside.peergroups.models import Tag

from .models import Format, Gender, Window
from .pair_policy import policy_for
from .policy_forms import add_profile_questions, add_request_questions
from .starter import STARTER

OWN_WORDS_LIMIT = 5
# How far ahead a meeting may be planned: a date picker offers any year to 9999.
FURTHEST_AHEAD = timedelta(days=5 * 366)


def experience_choices(organisation: Organisation) -> list[tuple[str, str]]:
    """The organisation's list: the experiences its groups are around."""
    names = (
        Tag.objects.filter(groups__organisation=organisation)
        .values_list("name", flat=True)
        .distinct()
        .order_by("name")
    )
    return [(name, name) for name in names]


def _words_list(text: str) -> list[str]:
    """ "loss, shift work" -> ["loss", "shift work"], tidied and lower-cased."""
    found = []
    for part in text.split(","):
        word = " ".join(part.split()).lower()[:60]
        if word and word not in found:
            found.append(word)
    return found


class RequestForm(forms.Form):
    words = forms.CharField(
        label="In a sentence, what would you like support with?",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only the coordinators who find you a supporter read this, and "
        "the supporter they ask.",
        error_messages={
            "required": "Please write a sentence, in your own words, so that a "
            "coordinator can find the right person.",
            "max_length": "Please keep this under 500 characters. Nothing you "
            "wrote is lost.",
        },
    )
    experiences = forms.MultipleChoiceField(
        label="Experiences you would like your supporter to share",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    own_experiences = forms.CharField(
        label="Or in your own words",
        required=False,
        max_length=300,
        help_text="Separate them with commas.",
    )
    language = forms.CharField(
        label="Language to talk in",
        max_length=40,
        initial="English",
        error_messages={"required": "Please say which language to talk in."},
    )
    gender_preference = forms.ChoiceField(
        label="Would you prefer your supporter to be",
        required=False,
        choices=[("", "No preference"), *Gender.choices],
    )
    formats = forms.MultipleChoiceField(
        label="How you would like to meet",
        required=False,
        choices=Format.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    windows = forms.MultipleChoiceField(
        label="Times that suit you",
        required=False,
        choices=Window.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    access_needs = forms.CharField(
        label="Anything that would make meeting easier for you",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "max_length": "Please keep this under 1,000 characters. Nothing you "
            "wrote is lost."
        },
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["experiences"].choices = experience_choices(organisation)  # type: ignore[attr-defined]
        add_request_questions(self, policy_for(organisation))

    def clean_own_experiences(self) -> list[str]:
        words = _words_list(self.cleaned_data.get("own_experiences", ""))
        if len(words) > OWN_WORDS_LIMIT:
            raise forms.ValidationError(
                f"Please name up to {OWN_WORDS_LIMIT} experiences here."
            )
        return words

    def clean_language(self) -> str:
        return " ".join(self.cleaned_data["language"].split()).capitalize()

    def all_experiences(self) -> list[str]:
        chosen = list(self.cleaned_data.get("experiences", []))
        for word in self.cleaned_data.get("own_experiences", []):
            if word not in chosen:
                chosen.append(word)
        return chosen


class ProfileForm(forms.Form):
    experiences = forms.MultipleChoiceField(
        label="Experiences you share with peers you support",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    own_experiences = forms.CharField(
        label="Or in your own words",
        required=False,
        max_length=300,
        help_text="Separate them with commas.",
    )
    languages = forms.CharField(
        label="Languages you can support someone in",
        max_length=200,
        initial="English",
        help_text="Separate them with commas.",
        error_messages={"required": "Please name at least one language."},
    )
    windows = forms.MultipleChoiceField(
        label="Times you are usually free",
        required=False,
        choices=Window.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    gender = forms.ChoiceField(
        label="How you describe yourself, if a peer asks",
        required=False,
        choices=[("", "I would rather not say"), *Gender.choices],
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["experiences"].choices = experience_choices(organisation)  # type: ignore[attr-defined]
        add_profile_questions(self, policy_for(organisation))

    def clean_own_experiences(self) -> list[str]:
        return _words_list(self.cleaned_data.get("own_experiences", ""))

    def clean_languages(self) -> list[str]:
        languages = [
            word.capitalize() for word in _words_list(self.cleaned_data["languages"])
        ]
        if not languages:
            raise forms.ValidationError("Please name at least one language.")
        return languages

    def all_experiences(self) -> list[str]:
        chosen = list(self.cleaned_data.get("experiences", []))
        for word in self.cleaned_data.get("own_experiences", []):
            if word not in chosen:
                chosen.append(word)
        return chosen


class OfferForm(forms.Form):
    supporter = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": "Please choose a supporter to offer this to."},
    )


class DeclineForm(forms.Form):
    knows_person = forms.BooleanField(
        label="I know this person (we will never be offered each other)",
        required=False,
    )


def _agreement_field(label: str, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=2000,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Please write something here, even a few words.",
            "max_length": "Please keep this under 2,000 characters. Nothing you "
            "wrote is lost.",
        },
    )


class AgreementForm(forms.Form):
    hopes = _agreement_field("What we hope to work towards")
    meeting = _agreement_field("How, where and how often we meet")
    contact = _agreement_field("Contact between meetings, and when to expect a reply")
    boundaries = _agreement_field("Boundaries")
    who_else_knows = _agreement_field("Who else in the organisation will know")
    missed_meeting = _agreement_field("If a meeting is missed")
    length_weeks = forms.IntegerField(
        label="Planned length, in weeks",
        min_value=1,
        max_value=52,
        error_messages={
            "required": "Please give a length in weeks.",
            "invalid": "Please give a whole number of weeks, like 12.",
            "min_value": "Please give at least one week.",
            "max_value": "Please give a year (52 weeks) at most; you can agree "
            "to carry on at the review.",
        },
    )
    review_week = forms.IntegerField(
        label="We look back at how it is going in week",
        min_value=1,
        max_value=52,
        error_messages={
            "required": "Please give the week of the review.",
            "invalid": "Please give a whole number, like 6.",
            "min_value": "Please give week 1 or later.",
            "max_value": "Please give week 52 or earlier.",
        },
    )
    ending = _agreement_field("Ending early, asking for a change, or complaining")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        length, review = cleaned.get("length_weeks"), cleaned.get("review_week")
        if length and review and review > length:
            self.add_error(
                "review_week", "Please choose a review week within the planned length."
            )
        return cleaned


AGREEMENT_TEXT_FIELDS = tuple(STARTER)


class NoteForm(forms.Form):
    met_on = forms.DateField(
        label="The day you met",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": "Please give the day you met.",
            "invalid": "Please give a day, like 2026-03-14.",
        },
    )
    body = forms.CharField(
        label="A short note",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The person you support reads this, unless you keep it for "
        "supervision only.",
        error_messages={
            "required": "Please write a few words.",
            "max_length": "Please keep a note under 2,000 characters. Nothing you "
            "wrote is lost.",
        },
    )
    is_for_supervision_only = forms.BooleanField(
        label="Keep this for supervision only", required=False
    )
    why_for_supervision = forms.CharField(
        label="Why, in a few words the person will see",
        max_length=200,
        required=False,
        help_text="They will see that a note exists, and this reason.",
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (
            cleaned.get("is_for_supervision_only")
            and not cleaned.get("why_for_supervision", "").strip()
        ):
            self.add_error(
                "why_for_supervision",
                "Please say why, so that the person knows what the note is for.",
            )
        return cleaned


SCALE = [(n, str(n)) for n in range(1, 6)]


class MeetingForm(forms.Form):
    starts_on = forms.DateField(
        label="Day",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": "Please give the day.",
            "invalid": "Please give a day, like 2026-03-14.",
        },
    )
    start_time = forms.TimeField(
        label="Time",
        widget=forms.TimeInput(attrs={"type": "time"}),
        error_messages={
            "required": "Please give the time.",
            "invalid": "Please give a time, like 18:30.",
        },
    )
    minutes = forms.IntegerField(
        label="How long, in minutes",
        min_value=15,
        max_value=240,
        initial=60,
        error_messages={
            "required": "Please say how long, in minutes.",
            "invalid": "Please give a whole number of minutes, like 60.",
            "min_value": "Please give at least 15 minutes.",
            "max_value": "Please give four hours (240 minutes) at most.",
        },
    )
    format = forms.ChoiceField(
        label="How you meet", choices=Format.choices, widget=forms.RadioSelect
    )

    def clean(self) -> dict[str, Any]:
        """Adds `starts_at`. A meeting already over is refused: the supporter could
        never check out of it, so it would raise a lone-working alert about them at
        the next check."""
        data = super().clean() or {}
        day, start = data.get("starts_on"), data.get("start_time")
        if day is None or start is None or "minutes" not in data:
            return data
        if day > timezone.localdate() + FURTHEST_AHEAD:
            self.add_error("starts_on", "Please give a day within the next five years.")
            return data
        starts_at = timezone.make_aware(datetime.combine(day, start))
        if starts_at + timedelta(minutes=data["minutes"]) <= timezone.now():
            self.add_error(
                "starts_on",
                "That meeting is already over. Please give a day and time still to "
                "come.",
            )
            return data
        data["starts_at"] = starts_at
        return data


class CheckForm(forms.Form):
    helpful = forms.TypedChoiceField(
        label="This support is helpful (1 not at all, 5 very)",
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose a number from 1 to 5."},
    )
    felt_safe = forms.TypedChoiceField(
        label="I feel safe with my supporter (1 not at all, 5 very)",
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose a number from 1 to 5."},
    )
