from django.apps import AppConfig


class BuddyingConfig(AppConfig):
    """One-to-one peer support: asking for a supporter, matching, the support
    agreement two people make, and working together in a private conversation."""

    name = "alongside.buddying"
    label = "buddying"

    def ready(self) -> None:
        from alongside.organisations.role_changes import describing_role_change

        from .role_changes import still_supporting

        describing_role_change.connect(
            still_supporting, dispatch_uid="still-supporting", weak=False
        )
