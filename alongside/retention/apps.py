"""Retention: deleting each group's live messages and threads once they are older than
their organisation's chosen limit, and a whole group when an admin deletes it, never
while a safety concern about them is open."""

from django.apps import AppConfig


class RetentionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "alongside.retention"
    verbose_name = "Retention"
