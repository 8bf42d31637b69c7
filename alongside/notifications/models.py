"""Notes for one person. Their wording is always the system's own: a notification
never carries anything a peer wrote."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone

if TYPE_CHECKING:
    from alongside.accounts.models import Person


class NotificationQuerySet(models.QuerySet["Notification"]):
    def for_person(self, person: Person) -> NotificationQuerySet:
        return self.filter(person=person)

    def unread_for(self, person: Person) -> NotificationQuerySet:
        return self.filter(person=person, read_at__isnull=True)


class Notification(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    message = models.CharField(max_length=300)
    link = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["person", "read_at"])]

    def __str__(self) -> str:
        return self.message
