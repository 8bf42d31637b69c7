"""The name other people see for a person: the one they chose to be known by, or
else a neutral label that says nothing about how they sign in.

The sign-in name is half of what someone needs to get into an account, so it is
never shown to anyone else. In groups a person keeps the separate name they chose
for each group (`peergroups.Membership.display_name`); this name is for everywhere
else: the organisation's team, and a one-to-one supporter or peer.
"""

from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.crypto import salted_hmac

KNOWN_AS_MAX_LENGTH = 60

_LABEL_SALT = "alongside.accounts.shown_names.neutral_label"
# No letters or figures that are easily mistaken for one another (I, L, O, U, 0, 1).
_LABEL_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
_LABEL_LENGTH = 4
_LABEL_WORD = "Member"
_LONG_ENOUGH_TO_FIND = 5
_ADDED_FIGURES = re.compile(r"-\d{4}$")
_LOOKS_LIKE_A_LABEL = re.compile(
    rf"^{_LABEL_WORD}\s+[{_LABEL_ALPHABET}]{{{_LABEL_LENGTH}}}$", re.IGNORECASE
)


def neutral_label(person_id: int | None) -> str:
    """A stable label such as "Member K7QR", derived from the account's number with
    the site's secret key, so that it reveals neither the number nor the sign-in
    name. It changes only if the secret key is replaced."""
    if person_id is None:
        return _LABEL_WORD
    digest = salted_hmac(_LABEL_SALT, str(person_id), algorithm="sha256").digest()
    code = "".join(
        _LABEL_ALPHABET[byte % len(_LABEL_ALPHABET)] for byte in digest[:_LABEL_LENGTH]
    )
    return f"{_LABEL_WORD} {code}"


def _gives_away(name: str, sign_in_name: str) -> bool:
    """Whether the name shows the sign-in name, or the word it was made from (the
    figures added at sign-up are left off: "river" of "river-4821"). A word of five
    letters or more is looked for anywhere in the chosen name; a shorter one (the
    demo's "sam") only as the whole name, so that "Sam R" stays possible."""
    chosen = _letters(name)
    word = _letters(_ADDED_FIGURES.sub("", sign_in_name.casefold()))
    if not word:
        return False
    if len(word) >= _LONG_ENOUGH_TO_FIND:
        return word in chosen
    return chosen in {word, _letters(sign_in_name)}


def _letters(text: str) -> str:
    """Only the letters and figures, so "Gentle Otter" matches "gentle-otter"."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def clean_known_as(typed: str, *, sign_in_name: str) -> str:
    """The chosen name tidied (wide or styled letters made plain, invisible
    characters and extra spaces removed), or "" for none. Raises ValidationError
    with a kind message for a name that would reveal the sign-in name or pass for
    someone else's label."""
    plain = unicodedata.normalize("NFKC", typed)
    visible = "".join(
        ch
        for ch in plain
        if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf")
    )
    name = " ".join(visible.split())
    if not name:
        return ""
    if len(name) > KNOWN_AS_MAX_LENGTH:
        raise ValidationError(
            f"Please choose a name of at most {KNOWN_AS_MAX_LENGTH} characters."
        )
    if len(name) < 2 or not any(ch.isalnum() for ch in name):
        raise ValidationError(
            "Please choose a name of at least two characters, with a letter or a "
            "number in it."
        )
    if _gives_away(name, sign_in_name):
        raise ValidationError(
            "That gives away your sign-in name. Please choose a different name, "
            "so that nobody can learn how you sign in."
        )
    if _LOOKS_LIKE_A_LABEL.match(name):
        raise ValidationError(
            "That looks like the label we give people who have not chosen a name. "
            "Please choose another."
        )
    return name
