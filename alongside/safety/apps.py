from django.apps import AppConfig


class SafetyConfig(AppConfig):
    """Screening of posts, and later reports, moderation and escalation."""

    name = "alongside.safety"
    label = "safety"
