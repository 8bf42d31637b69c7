from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    """Organisations: their setting and policy, roles, invitations, the limits of
    confidentiality and the "Get help now" directory."""

    name = "alongside.organisations"
    label = "organisations"
