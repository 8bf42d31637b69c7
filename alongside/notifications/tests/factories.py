# mypy: disallow-untyped-calls=False
"""Factories for notifications."""

from __future__ import annotations

from factory.declarations import SubFactory
from factory.django import DjangoModelFactory

from alongside.accounts.tests.factories import PersonFactory
from alongside.notifications.models import Notification


class NotificationFactory(DjangoModelFactory[Notification]):
    class Meta:
        model = Notification

    person = SubFactory(PersonFactory)
    message = "Something new is waiting for you."
    link = "/"
