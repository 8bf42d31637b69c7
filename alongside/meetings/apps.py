"""Meetings and venues: when and where a group meets, in person or online, with an
optional RSVP nobody else sees, calendars, opt-in reminders and venue checklists."""

from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "alongside.meetings"
    verbose_name = "Meetings and venues"
