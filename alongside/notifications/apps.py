from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """An in-app inbox of short, system-written notes, and optional email copies."""

    name = "alongside.notifications"
    label = "notifications"
