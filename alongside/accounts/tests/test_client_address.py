"""Per-address limits cannot be sidestepped by writing a forwarding header.

Behind no proxy, any header that claims to say where a request came from
(X-Forwarded-For and its cousins) is written by the client and changes nothing; the
address is believed from a proxy only when the operator lists it. Checked in the
application, and through a real server started as `scripts/serve.sh` starts it.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from pytest_django import Settings

from alongside.core.addresses import client_address
from bench.processes import LOOPBACK, Servers, free_port, make_fixtures, server_env

PAUSED = "paused for a few minutes"
# Headers a client can write that some stacks take as the client's address.
FORWARDING_HEADERS = [
    "X-Forwarded-For",
    "X-Real-IP",
    "Forwarded",
    "True-Client-IP",
    "CF-Connecting-IP",
    "Client-IP",
]


def _forged(header: str, number: int) -> dict[str, str]:
    address = f"198.51.100.{number}"
    return {header: f"for={address}" if header == "Forwarded" else address}


@pytest.mark.django_db
@pytest.mark.parametrize("header", FORWARDING_HEADERS)
def test_a_forged_forwarding_header_does_not_reset_the_sign_in_pause(
    header: str,
) -> None:
    client = Client(REMOTE_ADDR="203.0.113.5")
    for number in range(5):
        client.post(
            reverse("account_login"),
            {"login": f"someone-{number}", "password": "not the password"},
            headers=_forged(header, number),
        )

    response = client.post(
        reverse("account_login"),
        {"login": "someone-else", "password": "not the password"},
        headers=_forged(header, 99),
    )

    assert PAUSED in response.content.decode()


def test_forwarded_addresses_are_believed_only_from_listed_proxies(
    settings: Settings,
) -> None:
    factory = RequestFactory()
    forged = {"X-Forwarded-For": "192.0.2.1, 203.0.113.9"}
    settings.ALONGSIDE_TRUSTED_PROXIES = []
    from_anyone = factory.get("/", REMOTE_ADDR="10.1.1.1", headers=forged)
    assert client_address(from_anyone) == "10.1.1.1"

    settings.ALONGSIDE_TRUSTED_PROXIES = ["10.0.0.0/8"]
    # The right-most address that is not a trusted proxy: what our proxy saw.
    through_two = factory.get(
        "/", REMOTE_ADDR="10.1.1.1", headers={"X-Forwarded-For": "192.0.2.1, "
                                              "203.0.113.9, 10.2.2.2"}
    )  # fmt: skip
    assert client_address(through_two) == "203.0.113.9"
    not_a_proxy = factory.get("/", REMOTE_ADDR="203.0.113.7", headers=forged)
    assert client_address(not_a_proxy) == "203.0.113.7"
    junk = factory.get(
        "/", REMOTE_ADDR="10.1.1.1", headers={"X-Forwarded-For": "<script>"}
    )
    assert client_address(junk) == "10.1.1.1"


def _sign_in_once(port: int, number: int, header: str) -> str:
    base = f"http://{LOOPBACK}:{port}"
    page = urllib.request.urlopen(f"{base}/account/login/", timeout=30)  # noqa: S310
    cookie = page.headers.get("Set-Cookie", "").split(";")[0]
    html = page.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert token is not None
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token[1],
            "login": f"someone-{number}",
            "password": "not the password",
        }
    ).encode()
    request = urllib.request.Request(  # noqa: S310
        f"{base}/account/login/",
        data=data,
        headers={"Cookie": cookie, **_forged(header, number)},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310
            return str(answer.read().decode())
    except urllib.error.HTTPError as error:
        return str(error.read().decode())


def test_through_the_served_stack_a_forged_address_changes_nothing(
    tmp_path: Path,
) -> None:
    database_url = f"sqlite:///{tmp_path / 'served.sqlite3'}"
    make_fixtures(database_url=database_url, people=1, groups=1)
    servers = Servers(tmp_path)
    port = free_port()
    try:
        # Pages need collected static files in production mode; the proxy handling
        # is the same either way.
        env = {**server_env(database_url=database_url), "ALONGSIDE_PRODUCTION": "0"}
        servers.uvicorn("served", port=port, env=env)
        answers = [_sign_in_once(port, n, "X-Forwarded-For") for n in range(6)]
    finally:
        servers.stop_all()

    assert PAUSED not in answers[0]
    assert PAUSED in answers[5]
