"""The quick exit's address, for pages rendered without a request (Django's page for
a form that had gone stale), where the context processor does not run."""

from __future__ import annotations

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def quick_exit_url() -> str:
    return str(settings.QUICK_EXIT_URL)
