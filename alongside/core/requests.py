"""A typed request for views that require a signed-in person."""

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from alongside.accounts.models import Person


class AuthenticatedRequest(HttpRequest):
    user: Person
    htmx: HtmxDetails
