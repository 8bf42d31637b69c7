"""Factories for notifications."""

from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from alongside.accounts.tests.factories import PersonFactory
from alongside.notifications.models import Notification


class NotificationFactory(DjangoModelFactory[Notification]):
    class Meta:
        model = Notification

    person = factory.SubFactory(PersonFactory)
    message = "Something new is waiting for you."
    link = "/"
