from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """People: pseudonymous accounts, their settings and their second factor."""

    name = "alongside.accounts"
    label = "accounts"

    def ready(self) -> None:
        from allauth.mfa.signals import (
            authenticator_added,
            authenticator_removed,
            authenticator_used,
        )

        from .second_factor import (
            record_second_step_passed,
            second_step_turned_on_or_off,
        )

        authenticator_used.connect(
            record_second_step_passed, dispatch_uid="accounts-second-step-passed"
        )
        for signal in (authenticator_added, authenticator_removed):
            signal.connect(
                second_step_turned_on_or_off,
                dispatch_uid="accounts-second-step-turned-on-or-off",
            )
