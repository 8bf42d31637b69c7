"""Parse and check what people write. No writes here. The live socket uses the same
message form as the page."""

from __future__ import annotations

from typing import Any

from django import forms

from .models import FilterChoice, Kind, Participation, ResponseKind, Topic

BODY_MAX = 5000

WARNING_CHOICES = [("", "No content warning"), *Topic.choices]


class PostFieldsForm(forms.Form):
    """What every post has: the words, an optional content warning and a client id."""

    body = forms.CharField(
        label="What you would like to say",
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": "Please write something before sending.",
            "max_length": "That is a little long for one post (up to "
            f"{BODY_MAX:,} characters). You could split it in two.",
        },
    )
    content_warning = forms.ChoiceField(
        label="Content warning",
        choices=WARNING_CHOICES,
        required=False,
        error_messages={
            "invalid_choice": "Please choose one of the content warnings in the list."
        },
        help_text="If your post touches on something others may need to prepare "
        "for, choose it here. The post is folded away behind the warning.",
    )
    content_warning_text = forms.CharField(
        label="Warning in your own words",
        max_length=80,
        required=False,
        error_messages={"max_length": "Please keep the warning under 80 characters."},
    )
    client_id = forms.UUIDField(widget=forms.HiddenInput, required=True)

    def clean_body(self) -> str:
        body: str = self.cleaned_data["body"].replace("\x00", "").strip()
        if not body:
            raise forms.ValidationError("Please write something before sending.")
        return body

    def clean_content_warning_text(self) -> str:
        text: str = self.cleaned_data.get("content_warning_text", "")
        return " ".join(text.replace("\x00", "").split())

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("content_warning_text") and not cleaned.get("content_warning"):
            cleaned["content_warning"] = Topic.OTHER
        return cleaned


class LiveMessageForm(PostFieldsForm):
    """A message in the live room, from the page's plain form or from the socket."""

    body = forms.CharField(
        label="Your message",
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=PostFieldsForm.base_fields["body"].error_messages,
    )


class ReplyForm(PostFieldsForm):
    kind = forms.ChoiceField(
        label="What kind of reply is this?",
        choices=Kind.choices,
        initial=Kind.OFFERING,
        widget=forms.RadioSelect,
    )


class ThreadForm(PostFieldsForm):
    title = forms.CharField(
        label="A short title",
        max_length=150,
        error_messages={
            "required": "Please give your post a short title.",
            "max_length": "Please keep the title under 150 characters.",
        },
    )
    kind = forms.ChoiceField(
        label="What kind of post is this?",
        choices=Kind.choices,
        initial=Kind.SHARING,
        widget=forms.RadioSelect,
    )

    field_order = [
        "kind",
        "title",
        "body",
        "content_warning",
        "content_warning_text",
        "client_id",
    ]

    def clean_title(self) -> str:
        title = " ".join(self.cleaned_data["title"].replace("\x00", "").split())
        if not title:
            raise forms.ValidationError("Please give your post a short title.")
        return title


class EditPostForm(PostFieldsForm):
    """Editing keeps the same post, so it needs no client id."""

    client_id = None  # type: ignore[assignment]


class ResponseForm(forms.Form):
    kind = forms.ChoiceField(choices=ResponseKind.choices)


class TopicFiltersForm(forms.Form):
    """One choice per topic: fold it away (the default for everyone) or hide it."""

    def __init__(self, *args: Any, current: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for topic, label in Topic.choices:
            self.fields[topic] = forms.ChoiceField(
                label=f"Posts with a warning about {label}",
                choices=FilterChoice.choices,
                initial=current.get(topic, FilterChoice.COLLAPSE),
                widget=forms.RadioSelect,
            )


class ParticipationForm(forms.ModelForm[Participation]):
    class Meta:
        model = Participation
        fields = ["is_just_listening", "is_named_when_here"]
        help_texts = {
            "is_just_listening": "Nobody will ask you to post. You can change this "
            "whenever you like.",
            "is_named_when_here": "Otherwise you are simply counted in the number of "
            "people here.",
        }


class RoomSettingsForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            ("open", "Open the room"),
            ("close", "Close the room"),
            ("always_open", "Keep the room open all the time"),
            ("not_always_open", "Only open it for meetings"),
        ]
    )


class _SharedFields(dict[str, forms.Field]):
    """A form's fields, handed to each instance as they are instead of copied one
    by one (Django deep-copies every field, widget and validator for every form)."""

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, forms.Field]:
        return dict(self)


class LiveSocketMessageForm(LiveMessageForm):
    """LiveMessageForm as the live socket reads a message: the same fields and
    checks. It is never shown and nothing changes its fields, so every message
    shares them rather than copying them (a real share of a message's cost)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Never shown, so it needs no label suffix: without one given, every form
        # looks up the translated colon.
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


LiveSocketMessageForm.base_fields = _SharedFields(LiveMessageForm.base_fields)
