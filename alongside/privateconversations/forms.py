"""Parsing what people send in a private conversation, from the page's plain form or
from the socket. No writes."""

from __future__ import annotations

import uuid

from django import forms

from .actions import MAX_LENGTH


class MessageForm(forms.Form):
    body = forms.CharField(
        label="Your message",
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Please write something before sending.",
            "max_length": "That is a little long for one message (up to "
            f"{MAX_LENGTH:,} characters). You could split it in two.",
        },
    )
    client_id = forms.UUIDField(
        widget=forms.HiddenInput, required=True, initial=uuid.uuid4
    )

    def clean_body(self) -> str:
        body: str = self.cleaned_data["body"].replace("\x00", "").strip()
        if not body:
            raise forms.ValidationError("Please write something before sending.")
        return body
