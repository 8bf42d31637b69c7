from django.apps import AppConfig


class SafetyConfig(AppConfig):
    """Screening of posts, reports, moderation, crisis escalation and incidents."""

    name = "alongside.safety"
    label = "safety"
