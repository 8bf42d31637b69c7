from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The shared kernel: site chrome, security headers, error pages, request types."""

    name = "alongside.core"
    label = "core"

    def ready(self) -> None:
        from .text import install

        install()
