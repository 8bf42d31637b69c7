"""Text we can keep: the one rule for characters that neither the database nor the
sealing of peers' words can store.

Two kinds of character cannot be kept: a NUL (PostgreSQL refuses it in text) and a
lone surrogate, half of an emoji whose other half went missing (UTF-8 cannot encode
it, so sealing fails). Pages cannot send a lone surrogate (Django reads form data as
UTF-8 and replaces what is broken), but JSON can, so the live-room socket could.

Every form text field checks this rule: `install()`, run once when the project
starts (`CoreConfig.ready`), makes it a default validator of Django's `CharField`
and gives Django's own NUL check the same kind words. Pages, forms and the socket
(which reads each message through its form) all answer alike, and what the person
wrote is kept for them to change.
"""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator

UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
MESSAGE = (
    "Part of what you wrote is a character we cannot keep (perhaps half of an "
    "emoji). Please take it out or type it again; the rest of your words are here."
)


def has_unstorable_characters(value: str) -> bool:
    return UNSTORABLE.search(value) is not None


def validate_storable_text(value: object) -> None:
    """Refuse half of an emoji with kind words. A NUL is refused by the validator
    Django gives every CharField, with the same words (see `install`)."""
    if isinstance(value, str) and LONE_SURROGATE.search(value):
        raise ValidationError(MESSAGE, code="unstorable")


def install() -> None:
    """Make every form text field check for characters we cannot keep."""
    if validate_storable_text not in forms.CharField.default_validators:
        forms.CharField.default_validators = [
            *forms.CharField.default_validators,
            validate_storable_text,
        ]
    ProhibitNullCharactersValidator.message = MESSAGE
