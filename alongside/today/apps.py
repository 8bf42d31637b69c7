from django.apps import AppConfig


class TodayConfig(AppConfig):
    """A home for staff: what waits for them today, across all their organisations."""

    name = "alongside.today"
    label = "today"
