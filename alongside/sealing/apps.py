from django.apps import AppConfig


class SealingConfig(AppConfig):
    """Peers' words sealed at rest under their group's own data key, and the keys,
    kept in a database of their own."""

    name = "alongside.sealing"
    label = "sealing"

    def ready(self) -> None:
        # Connects the signals that destroy a deleted group's key.
        from . import keys  # noqa: F401
