"""My plan: a safety plan each person writes for themselves, sealed under their own
key, private from every staff role and shared only by their own choice."""

from django.apps import AppConfig


class SafetyPlansConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "alongside.safetyplans"
    verbose_name = "Safety plans"

    def ready(self) -> None:
        from . import sealing  # noqa: F401 - connects the key's deletion to erasure
