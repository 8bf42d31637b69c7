"""Forms for groups and membership. They parse and validate input; actions write."""

import unicodedata

from django import forms

from .models import Format, JoinPolicy


class GroupSearchForm(forms.Form):
    q = forms.CharField(
        label="Search by experience or words", required=False, max_length=100
    )
    tag = forms.SlugField(required=False, max_length=60)


class DisplayNameForm(forms.Form):
    display_name = forms.CharField(
        label="Your name in this group",
        max_length=40,
        min_length=2,
        help_text="Others in this group will see this name. It is different in each "
        "group unless you choose otherwise, so nobody can link your groups together.",
    )

    def clean_display_name(self) -> str:
        # Invisible characters and wide or styled letters would let a name look
        # exactly like someone else's in the group, a facilitator's for example.
        typed = unicodedata.normalize("NFKC", self.cleaned_data["display_name"])
        visible = "".join(
            ch
            for ch in typed
            if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf")
        )
        name = " ".join(visible.split())
        if len(name) < 2:
            raise forms.ValidationError("Please choose a name of at least two letters.")
        if not any(ch.isalnum() for ch in name):
            raise forms.ValidationError(
                "Please include at least one letter or number in your name."
            )
        return name


class GroupForm(forms.Form):
    name = forms.CharField(label="Group name", max_length=120)
    shared_experience = forms.CharField(
        label="The experience you share",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What brings people to this group, in plain words.",
    )
    tags = forms.CharField(
        label="Words people might search for",
        required=False,
        max_length=300,
        help_text="Separate them with commas, for example: bereavement, loss of a "
        "parent",
    )
    who_for = forms.CharField(
        label="Who the group is for",
        required=False,
        max_length=200,
        help_text='For example "Women only (as you describe yourself)".',
    )
    format = forms.ChoiceField(label="How the group meets", choices=Format.choices)
    when_and_where = forms.CharField(
        label="When and where", required=False, max_length=300
    )
    join_policy = forms.ChoiceField(
        label="How people join", choices=JoinPolicy.choices, widget=forms.RadioSelect
    )
    is_listed = forms.BooleanField(
        label="Show this group in the list of groups", required=False, initial=True
    )
    someone_may_be_watching = forms.BooleanField(
        label="Someone may be watching the people in this group",
        required=False,
        help_text="For example a space for people living with abuse. Leaving quickly "
        "then also signs people out, unless they chose otherwise.",
    )

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not any(ch.isalnum() for ch in name):
            raise forms.ValidationError(
                "Please give the group a name with some letters."
            )
        return name

    def tag_names(self) -> list[str]:
        return [
            part
            for part in self.cleaned_data.get("tags", "").split(",")
            if part.strip()
        ]
