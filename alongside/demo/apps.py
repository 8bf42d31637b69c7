from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The seeded demonstration: organisations, groups and people in every role."""

    name = "alongside.demo"
    label = "demo"
