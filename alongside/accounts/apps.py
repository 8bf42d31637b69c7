from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """People: pseudonymous accounts, their settings and their second factor."""

    name = "alongside.accounts"
    label = "accounts"
