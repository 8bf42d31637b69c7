"""Production settings, checked as production runs them: Django's deployment checks
pass, the process refuses to start without its secret, cookies are Secure, HttpOnly and
SameSite, HSTS is sent over HTTPS, and live sockets accept only this site's origin.

The settings module reads the environment once, at import, so the settings themselves
are checked in a fresh Python process with a production environment.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings as SettingsWrapper

from alongside.accounts.models import Person
from alongside.conversations.tests.factories import open_room, person_in
from alongside.peergroups.models import PeerGroup
from config.asgi import application

ROOT = Path(__file__).resolve().parents[3]
HOST = "support.example.org"
PASSWORD = "a quiet walk by the river"


def production_env(tmp_path: Path, **overrides: str | None) -> dict[str, str]:
    """The environment of a production process, with nothing inherited that could
    change the settings (such as the test run's own DATABASE_URL)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "ALONGSIDE_", "SECURE_"))
        and key not in {"DATABASE_URL", "ALLOWED_HOSTS", "REDIS_URL"}
    }
    env.update(
        {
            "ALONGSIDE_PRODUCTION": "1",
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
            "ALONGSIDE_MASTER_KEY": base64.b64encode(secrets.token_bytes(32)).decode(),
            "ALLOWED_HOSTS": HOST,
            "CSRF_TRUSTED_ORIGINS": f"https://{HOST}",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
            "ALONGSIDE_KEYS_DATABASE_URL": f"sqlite:///{tmp_path / 'keys.sqlite3'}",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    )
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run_python(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_deployment_checks_pass_with_production_settings(tmp_path: Path) -> None:
    result = run_python(
        production_env(tmp_path),
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("length", [1, 20, 49])
def test_production_refuses_to_start_with_a_short_secret_key(
    tmp_path: Path, length: int
) -> None:
    """Any key shorter than Django's own deployment check asks for (50 characters)
    stops the process, before a single request is signed with it."""
    env = production_env(tmp_path, DJANGO_SECRET_KEY=secrets.token_urlsafe(60)[:length])
    for args in (
        ("manage.py", "check"),
        ("-c", "import django; django.setup()"),
    ):
        result = run_python(env, *args)
        assert result.returncode != 0, args
        assert "shorter than 50 characters" in result.stderr, args


def test_a_secret_key_of_fifty_characters_is_enough(tmp_path: Path) -> None:
    env = production_env(tmp_path, DJANGO_SECRET_KEY=secrets.token_urlsafe(60)[:50])
    result = run_python(env, "manage.py", "check", "--deploy", "--fail-level", "ERROR")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("secret", [None, ""])
def test_production_refuses_to_start_without_its_secret_key(
    tmp_path: Path, secret: str | None
) -> None:
    env = production_env(tmp_path, DJANGO_SECRET_KEY=secret)
    for args in (
        ("manage.py", "check"),
        ("-c", "import django; django.setup()"),
    ):
        result = run_python(env, *args)
        assert result.returncode != 0, args
        assert "DJANGO_SECRET_KEY is not set" in result.stderr, args


@pytest.mark.parametrize(
    ("master_key", "message"),
    [
        (None, "ALONGSIDE_MASTER_KEY is not set"),
        ("", "ALONGSIDE_MASTER_KEY is not set"),
        ("bm90IDMyIGJ5dGVz", "exactly 32 random bytes"),
        # The published development key protects nothing.
        ("ZGV2ZWxvcG1lbnQgb25seTogbmV2ZXIgaW4gcHJvZC4=", "development key"),
    ],
)
def test_production_refuses_to_start_without_its_master_key(
    tmp_path: Path, master_key: str | None, message: str
) -> None:
    env = production_env(tmp_path, ALONGSIDE_MASTER_KEY=master_key)
    result = run_python(env, "-c", "import django; django.setup()")
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.parametrize(
    ("keys_url", "message"),
    [
        (None, "ALONGSIDE_KEYS_DATABASE_URL is not set"),
        ("", "ALONGSIDE_KEYS_DATABASE_URL is not set"),
        ("same", "different database"),
    ],
)
def test_production_refuses_to_start_without_its_own_keys_database(
    tmp_path: Path, keys_url: str | None, message: str
) -> None:
    if keys_url == "same":
        keys_url = f"sqlite:///{tmp_path / 'production.sqlite3'}"
    env = production_env(tmp_path, ALONGSIDE_KEYS_DATABASE_URL=keys_url)
    result = run_python(env, "-c", "import django; django.setup()")
    assert result.returncode != 0
    assert message in result.stderr


def production_settings(tmp_path: Path) -> dict[str, Any]:
    names = [
        "DEBUG",
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_SAMESITE",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_SSL_REDIRECT",
        "SECURE_CONTENT_TYPE_NOSNIFF",
        "SECURE_REFERRER_POLICY",
        "X_FRAME_OPTIONS",
    ]
    script = (
        "import json\n"
        "from django.conf import settings\n"
        f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}))\n"
    )
    result = run_python(production_env(tmp_path), "-c", script)
    assert result.returncode == 0, result.stderr
    values: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return values


def test_production_cookies_and_transport_are_locked_down(tmp_path: Path) -> None:
    values = production_settings(tmp_path)
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SAMESITE"] == "Lax"
    assert values["SECURE_HSTS_SECONDS"] >= 60 * 60 * 24 * 365
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert values["SECURE_REFERRER_POLICY"] == "same-origin"
    assert values["X_FRAME_OPTIONS"] == "DENY"


@pytest.fixture
def production_like(settings: SettingsWrapper) -> SettingsWrapper:
    """The production values that matter to a response, in this process."""
    settings.ALLOWED_HOSTS = [HOST]
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    settings.SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    return settings


def test_https_responses_carry_hsts_and_the_other_headers(
    db: None, production_like: SettingsWrapper
) -> None:
    client = Client(SERVER_NAME=HOST)
    for url in ["/", reverse("account_login"), "/no-such-page/"]:
        response = client.get(url, secure=True)
        hsts = response.get("Strict-Transport-Security", "")
        assert "max-age=31536000" in hsts, url
        assert "includeSubDomains" in hsts, url
        policy = response["Content-Security-Policy"]
        assert "'unsafe-inline'" not in policy, url
        assert "frame-ancestors 'none'" in policy, url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "same-origin", url


def test_signing_in_sets_secure_httponly_samesite_cookies(
    db: None, production_like: SettingsWrapper
) -> None:
    Person.objects.create_user(username="cookie-peer", password=PASSWORD)
    client = Client(SERVER_NAME=HOST)
    client.get(reverse("account_login"), secure=True)
    response = client.post(
        reverse("account_login"),
        {"login": "cookie-peer", "password": PASSWORD},
        secure=True,
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] is True
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    csrf = client.cookies["csrftoken"]
    assert csrf["secure"] is True
    assert csrf["samesite"] == "Lax"
    signed_in = client.get("/", secure=True)
    assert "no-store" in signed_in["Cache-Control"]


# The validator reads ALLOWED_HOSTS when the application is built; in the tests that
# is the default, 127.0.0.1.
OWN_ORIGIN = b"http://127.0.0.1"
FOREIGN_ORIGINS = [
    b"https://evil.test",
    b"http://127.0.0.1.evil.test",
    b"null",
    None,
]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("origin", FOREIGN_ORIGINS)
@pytest.mark.parametrize("route", ["live", "duty"])
def test_sockets_refuse_other_origins(
    group: PeerGroup, origin: bytes | None, route: str
) -> None:
    person = person_in(group)
    open_room(group)
    client = Client()
    client.force_login(person)
    cookie = client.cookies["sessionid"].value
    path = f"/ws/groups/{group.pk}/live/" if route == "live" else "/ws/duty/"

    def headers(with_origin: bytes | None) -> list[tuple[bytes, bytes]]:
        found = [(b"cookie", f"sessionid={cookie}".encode())]
        if with_origin is not None:
            found.append((b"origin", with_origin))
        return found

    async def scenario() -> None:
        # The same person from the site itself gets in, so the refusal below is the
        # origin's doing.
        own = WebsocketCommunicator(application, path, headers=headers(OWN_ORIGIN))
        connected, _ = await own.connect()
        assert connected
        await own.disconnect()

        foreign = WebsocketCommunicator(application, path, headers=headers(origin))
        connected, _ = await foreign.connect()
        assert not connected

    async_to_sync(scenario)()
