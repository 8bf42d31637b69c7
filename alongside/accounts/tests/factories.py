# mypy: disallow-untyped-calls=False
"""Factories for people. Names are invented; no real person's words or names."""

from __future__ import annotations

import pyotp
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt
from factory.declarations import Sequence
from factory.django import DjangoModelFactory, Password

from alongside.accounts.models import Person

PASSWORD = "a-long-test-passphrase"


class PersonFactory(DjangoModelFactory[Person]):
    class Meta:
        model = Person

    username = Sequence(lambda number: f"person{number}")

    password = Password(PASSWORD)


def give_second_factor(person: Person) -> Authenticator:
    """Set up a TOTP authenticator, as a staff member does before staff pages open."""
    return Authenticator.objects.create(
        user=person,
        type=Authenticator.Type.TOTP,
        data={"secret": encrypt(pyotp.random_base32())},
    )
