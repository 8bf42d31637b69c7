"""The quick exit on every page, and the error pages."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from alongside.core import views
from alongside.peergroups.models import PeerGroup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url", ["/", "/services/help/", "/account/login/", "/account/signup/"]
)
def test_every_public_page_has_the_quick_exit(client: Client, url: str) -> None:
    page = client.get(url).content.decode()

    assert 'id="quick-exit"' in page


def test_every_signed_in_page_has_the_quick_exit(
    peer_client: Client, group: PeerGroup
) -> None:
    page = peer_client.get(
        reverse("peergroups:group-detail", args=[group.pk])
    ).content.decode()

    assert 'id="quick-exit"' in page


def test_not_found_page_is_kind(client: Client) -> None:
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Nothing is wrong on your side" in response.content.decode()


def test_server_error_page_is_rendered_without_the_request() -> None:
    request = RequestFactory().get("/")

    response = views.server_error(request)

    assert response.status_code == 500
    assert b"<html" in response.content


def test_forbidden_page_is_kind() -> None:
    request = RequestFactory().get("/")

    response = views.permission_denied(request, Exception())

    assert response.status_code == 403


def test_bad_request_page() -> None:
    request = RequestFactory().get("/")

    response = views.bad_request(request, Exception())

    assert response.status_code == 400
