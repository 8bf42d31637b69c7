from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """A person's rights over their own data: download it all, and erase the account."""

    name = "alongside.privacy"
    label = "privacy"
