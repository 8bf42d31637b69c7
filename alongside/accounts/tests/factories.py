"""Factories for people. Names are invented; no real person's words or names."""

from __future__ import annotations

from typing import Any

import factory
import pyotp
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt
from factory.django import DjangoModelFactory

from alongside.accounts.models import Person

PASSWORD = "a-long-test-passphrase"


class PersonFactory(DjangoModelFactory[Person]):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    username = factory.Sequence(lambda number: f"person{number}")

    @factory.post_generation
    def password(self, create: bool, extracted: str | None, **kwargs: Any) -> None:
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])


def give_second_factor(person: Person) -> Authenticator:
    """Set up a TOTP authenticator, as a staff member does before staff pages open."""
    return Authenticator.objects.create(
        user=person,
        type=Authenticator.Type.TOTP,
        data={"secret": encrypt(pyotp.random_base32())},
    )
