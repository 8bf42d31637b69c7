"""Only pages of the site itself may open its sockets: the whole origin (scheme,
host and port) is compared, on every socket route."""

from __future__ import annotations

import re

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from pytest_django import Settings

from config.asgi import application, websocket_urlpatterns

HOST = "127.0.0.1:8000"

# Pages that are not ours, though some share our host name.
FOREIGN = [
    "http://127.0.0.1:8080",  # another port
    "http://127.0.0.1",  # the default port, which is another port
    "https://127.0.0.1:8000",  # another scheme
    "http://evil.example:8000",
    "http://127.0.0.1:8000.evil.example",
    "http://127.0.0.1.evil.example:8000",
    "http://127.0.0.1:8000@evil.example",
    "null",
    "file://",
    "",
]


def _paths() -> list[str]:
    return [
        "/" + re.sub(r"<(?:\w+:)?\w+>", "1", str(pattern.pattern))
        for pattern in websocket_urlpatterns
    ]


def _accepted(path: str, origin: str | None, host: str = HOST) -> bool:
    headers = [(b"host", host.encode())]
    if origin is not None:
        headers.append((b"origin", origin.encode()))

    async def connect() -> bool:
        socket = WebsocketCommunicator(application, path, headers=headers)
        connected, _ = await socket.connect(timeout=3)
        await socket.disconnect()
        return bool(connected)

    return async_to_sync(connect)()


@pytest.fixture(autouse=True)
def only_the_sites_own_origins(settings: Settings) -> None:
    settings.ALONGSIDE_ALLOWED_ORIGINS = []
    settings.CSRF_TRUSTED_ORIGINS = []
    settings.ALONGSIDE_SITE_URL = ""


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", _paths())
@pytest.mark.parametrize("origin", FOREIGN)
def test_a_page_of_another_origin_cannot_open_a_socket(path: str, origin: str) -> None:
    assert not _accepted(path, origin)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", _paths())
def test_the_sites_own_pages_open_sockets(path: str) -> None:
    assert _accepted(path, f"http://{HOST}")
    assert not _accepted(path, None)


@pytest.mark.django_db(transaction=True)
def test_a_host_not_allowed_gives_no_origin_of_its_own() -> None:
    path = _paths()[0]
    assert not _accepted(path, "http://evil.example", host="evil.example")


@pytest.mark.django_db(transaction=True)
def test_behind_a_tls_proxy_the_origin_is_https(settings: Settings) -> None:
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    path = _paths()[0]

    async def connect(origin: str) -> bool:
        socket = WebsocketCommunicator(
            application,
            path,
            headers=[
                (b"host", b"127.0.0.1"),
                (b"x-forwarded-proto", b"https"),
                (b"origin", origin.encode()),
            ],
        )
        connected, _ = await socket.connect(timeout=3)
        await socket.disconnect()
        return bool(connected)

    assert async_to_sync(connect)("https://127.0.0.1")
    assert not async_to_sync(connect)("http://127.0.0.1")


@pytest.mark.django_db(transaction=True)
def test_the_site_address_and_trusted_origins_are_allowed(settings: Settings) -> None:
    settings.ALONGSIDE_SITE_URL = "https://support.example.org"
    settings.CSRF_TRUSTED_ORIGINS = ["https://*.example.net"]
    path = _paths()[0]
    assert _accepted(path, "https://support.example.org")
    assert _accepted(path, "https://peer.example.net")
    assert not _accepted(path, "http://support.example.org")
    assert not _accepted(path, "https://support.example.org:444")
