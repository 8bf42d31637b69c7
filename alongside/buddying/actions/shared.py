"""What several one-to-one actions share: who the organisation's coordinators are,
and the links their notices carry."""

from __future__ import annotations

from django.urls import reverse

from alongside.accounts.models import Person
from alongside.organisations.models import STAFF_ROLES, Organisation

from ..models import Match, SupportRequest


def coordinators(organisation: Organisation, *, besides: Person) -> list[Person]:
    """The organisation's matching coordinators (its staff) to tell, leaving out
    `besides` (the person whose own request or survey it is)."""
    return list(
        Person.objects.filter(
            roles__organisation=organisation, roles__role__in=STAFF_ROLES
        )
        .exclude(pk=besides.pk)
        .distinct()
    )


def request_link(support_request: SupportRequest) -> str:
    """Where a coordinator matches the request."""
    return reverse("buddying:request-match", kwargs={"request_id": support_request.pk})


def match_link(match: Match) -> str:
    """The pair's page, for either of the two."""
    return reverse("buddying:match-detail", kwargs={"match_id": match.pk})
