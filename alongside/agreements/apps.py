"""Group agreements: the ground rules each group writes, agrees by consent, revisits
and uses, with versions, a review date and a record of who has read them."""

from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "alongside.agreements"
    verbose_name = "Group agreements"
