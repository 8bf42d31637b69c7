from django.apps import AppConfig


class SupportersConfig(AppConfig):
    """Looking after peer supporters: training, supervision, self-care, caseloads,
    the on-duty rota and "I need help"."""

    name = "alongside.supporters"
    label = "supporters"
