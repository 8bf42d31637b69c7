"""Parse and check input for the phrase rules page: a rule, and a sample to try the
rules on. No writes here; nothing typed in a sample is kept."""

from __future__ import annotations

from typing import Any

from django import forms

from alongside.peergroups.models import PeerGroup, PeerGroupQuerySet

from .models import RuleAction, WarningTopic
from .screening.phrases import InvalidPattern, validate_pattern

SAMPLE_MAX_LENGTH = 5000

WHOLE_SERVICE = "Every group (the whole service)"


class GroupChoiceField(forms.ModelChoiceField[PeerGroup]):
    def label_from_instance(self, obj: PeerGroup) -> str:
        return obj.name


class PhraseRuleForm(forms.Form):
    """A rule's words and what it does. `groups` are the groups whose rules the
    person may change; `may_choose_whole_service` offers a rule for every group (for
    admins). When editing (`editing=True`), the group cannot change and the rule can
    be switched off."""

    group = GroupChoiceField(
        label="Where it applies",
        queryset=PeerGroup.objects.none(),
        required=False,
        empty_label=WHOLE_SERVICE,
    )
    pattern = forms.CharField(
        label="Word or phrase to look for",
        max_length=200,
        help_text=(
            'Whole words, in any case. Use * for any letters, as in "hopeless*". '
            'Punctuation matches any spacing: "weigh-in" also finds "weigh in".'
        ),
        error_messages={
            "required": "Type a word or phrase for the rule to look for.",
            "max_length": "Keep the phrase under 200 characters.",
        },
    )
    action = forms.ChoiceField(
        label="What should happen when a post has it?",
        choices=RuleAction.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what the rule should do."},
    )
    topic = forms.ChoiceField(
        label="Content warning topic",
        choices=[("", "No topic"), *WarningTopic.choices],
        required=False,
        help_text="Needed when the rule suggests a content warning.",
    )
    note = forms.CharField(
        label="Why this rule exists",
        max_length=300,
        required=False,
        help_text="For the team. Authors never see it.",
        error_messages={"max_length": "Please keep this under 300 characters."},
    )
    is_active = forms.BooleanField(label="The rule is on", required=False, initial=True)
    sample = forms.CharField(
        label="Try it on some words first",
        max_length=SAMPLE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Not saved. Press Try it to see where the rule would act.",
        error_messages={
            "max_length": f"Please keep the sample under {SAMPLE_MAX_LENGTH} "
            "characters."
        },
    )

    def __init__(
        self,
        *args: Any,
        groups: PeerGroupQuerySet,
        may_choose_whole_service: bool,
        editing: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.may_choose_whole_service = may_choose_whole_service
        if editing:
            del self.fields["group"]
        else:
            del self.fields["is_active"]
            field = self.fields["group"]
            assert isinstance(field, GroupChoiceField)
            field.queryset = groups.order_by("name")
            if not may_choose_whole_service:
                field.required = True
                field.empty_label = None
                field.error_messages["required"] = "Choose the group it is for."

    def clean_pattern(self) -> str:
        try:
            return validate_pattern(self.cleaned_data["pattern"])
        except InvalidPattern as error:
            raise forms.ValidationError(str(error)) from error

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("action") == RuleAction.SUGGEST_WARNING and not cleaned.get(
            "topic"
        ):
            self.add_error("topic", "Choose the topic for the content warning.")
        return cleaned


class SampleForm(forms.Form):
    """A sample to try every rule on. Not saved, never logged."""

    sample = forms.CharField(
        label="Words to try",
        max_length=SAMPLE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Not saved. Shows which rules that are on would act, and where.",
        error_messages={
            "required": "Type some words to try the rules on.",
            "max_length": f"Please keep the sample under {SAMPLE_MAX_LENGTH} "
            "characters.",
        },
    )
