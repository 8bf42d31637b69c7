from django.apps import AppConfig


class PeergroupsConfig(AppConfig):
    """Groups around a shared experience, and membership with choice and control:
    join, pause, leave and return."""

    name = "alongside.peergroups"
    label = "peergroups"
