from django.apps import AppConfig


class AccessConfig(AppConfig):
    """The record of each time staff read a peer's words, which the peer can see."""

    name = "alongside.access"
    label = "access"
