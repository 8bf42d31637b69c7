from django.apps import AppConfig


class BuddyingConfig(AppConfig):
    """One-to-one peer support: asking for a supporter, matching, the support
    agreement two people make, and working together in a private conversation."""

    name = "alongside.buddying"
    label = "buddying"
