import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from alongside.peergroups.models import PeerGroup
from bench.processes import Servers

from .factories import PeerGroupFactory


@pytest.fixture
def group(db: None) -> PeerGroup:
    return PeerGroupFactory()


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    """A database for server processes, which cannot see pytest-django's: a fresh one
    on the PostgreSQL server the suite uses, if it uses one, otherwise a temporary
    SQLite file."""
    suite_url = os.environ.get("DATABASE_URL", "")
    if not suite_url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp_path / 'served.sqlite3'}"
        return
    import psycopg

    name = f"served_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(suite_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield suite_url.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(suite_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'DROP DATABASE IF EXISTS "{name}_keys" WITH (FORCE)')


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[Servers]:
    started = Servers(tmp_path)
    yield started
    started.stop_all()
