"""Insights: anonymous feedback to facilitators, felt safety asked gently and shown
back, incident rates, and the organisation's dashboard, every figure through
disclosure control."""

from django.apps import AppConfig


class InsightsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "alongside.insights"
    verbose_name = "Insights"
