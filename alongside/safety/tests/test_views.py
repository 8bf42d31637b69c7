"""Safety pages as staff use them: odd input, stale forms and what is kept."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from alongside.organisations.models import Organisation


@pytest.mark.django_db
@pytest.mark.parametrize("source", ["escalation", "decision"])
@pytest.mark.parametrize(
    ("value", "page", "sent"),
    [
        ("²", 200, 400),
        ("١٢٣٤٥", 404, 404),
        ("99999999999999999999999", 404, 404),
    ],
)
def test_incident_form_copes_with_an_odd_alert_or_decision_number(
    admin_client: Client,
    organisation: Organisation,
    source: str,
    value: str,
    page: int,
    sent: int,
) -> None:
    url = reverse("safety:incident-create", args=[organisation.slug])
    assert admin_client.get(url, {source: value}).status_code == page
    response = admin_client.post(url, {source: value, "what_happened": "kept words"})
    assert response.status_code == sent
