"""The restore drill (scripts/restore-drill.sh) restores a seeded demo database and
finds every row again, on SQLite and, when the tests run on PostgreSQL, on a fresh
database on that server; and it says FAIL when counts differ."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[3]
DRILL = ROOT / "scripts" / "restore-drill.sh"
ROW_COUNTS = ROOT / "scripts" / "row_counts.py"


def run(
    args: list[str],
    url: str | None = None,
    timeout: int = 300,
    keys_url: str | None = None,
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "ALONGSIDE_PRODUCTION"}
    env["PYTHON"] = sys.executable
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    if url is not None:
        env["DATABASE_URL"] = url
    if keys_url is not None:
        env["ALONGSIDE_KEYS_DATABASE_URL"] = keys_url
    return subprocess.run(  # noqa: S603
        args,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def seed_demo(url: str, keys_url: str) -> None:
    for command in (
        ["migrate", "--database", "keys", "--noinput", "-v", "0"],
        ["migrate", "--noinput", "-v", "0"],
        ["seed_demo"],
    ):
        result = run([sys.executable, "manage.py", *command], url, keys_url=keys_url)
        assert result.returncode == 0, result.stdout + result.stderr


def assert_drill_passes(url: str) -> str:
    bash = shutil.which("bash") or "/bin/bash"
    result = run([bash, str(DRILL), url])
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "PASS: restore drill" in result.stdout, output
    assert "MISMATCH" not in result.stdout, output
    return result.stdout


def test_the_drill_restores_a_seeded_sqlite_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    keys_url = f"sqlite:///{tmp_path / 'keys.sqlite3'}"
    seed_demo(url, keys_url)
    output = assert_drill_passes(url)
    # The demo's people and posts were counted, not just empty tables.
    assert "ok        accounts_person: 0" not in output
    assert "ok        conversations_post: 0" not in output
    assert "peergroups_groupkey" not in output
    # The keys database is drilled the same way, on its own.
    keys_output = assert_drill_passes(keys_url)
    assert "ok        peergroups_groupkey: " in keys_output
    assert "ok        peergroups_groupkey: 0" not in keys_output


def test_the_drill_fails_when_counts_differ(tmp_path: Path) -> None:
    source = tmp_path / "source.json"
    restored = tmp_path / "restored.json"
    source.write_text(json.dumps({"accounts_person": 3, "conversations_post": 5}))
    restored.write_text(json.dumps({"accounts_person": 3}))
    result = run(
        [sys.executable, str(ROW_COUNTS), "compare", str(source), str(restored)]
    )
    assert result.returncode == 1
    assert "MISMATCH  conversations_post: source 5, restored missing" in result.stdout
    assert "FAIL: restore drill" in result.stdout


@pytest.fixture
def fresh_postgres_database() -> Iterator[str]:
    """A new, empty database on the PostgreSQL server the tests run on."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("the tests are running on SQLite (DATABASE_URL is not PostgreSQL)")
    psycopg = pytest.importorskip("psycopg")
    name = f"alongside_drill_source_{uuid.uuid4().hex[:12]}"
    try:
        connection = psycopg.connect(url, autocommit=True)
    except psycopg.Error as error:
        pytest.skip(f"cannot connect to the PostgreSQL server: {error}")
    try:
        try:
            connection.execute(f'CREATE DATABASE "{name}"')
        except psycopg.Error as error:
            pytest.skip(f"cannot create a database on the PostgreSQL server: {error}")
        parts = urlsplit(url)
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.close()


def test_the_drill_restores_a_seeded_postgres_database(
    fresh_postgres_database: str, tmp_path: Path
) -> None:
    url = fresh_postgres_database
    seed_demo(url, f"sqlite:///{tmp_path / 'keys.sqlite3'}")
    output = assert_drill_passes(url)
    assert "ok        accounts_person: 0" not in output
