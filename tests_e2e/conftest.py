"""Browser journeys (minimal harness for the agreements branch; the foundation's fuller
harness replaces it at merge, keeping these fixture names).

One seeded Alongside per session, served by uvicorn on a free loopback port over a
temporary SQLite database, driven by Debian's Chromium. `check_accessibility(page)`
runs axe-core in the page and fails on serious or critical problems.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
UVICORN = ROOT / ".venv" / "bin" / "uvicorn"
CHROMIUM = os.environ.get("ALONGSIDE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_JS = next(
    (ROOT / ".venv" / "lib").glob(
        "python3*/site-packages/axe_playwright_python/axe.min.js"
    )
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def server_env() -> Iterator[dict[str, str]]:
    """The environment of the served demo: use it to ask Django directly."""
    workdir = Path(tempfile.mkdtemp(prefix="alongside-e2e-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir}/e2e.sqlite3",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.pop("ALONGSIDE_PRODUCTION", None)
    for command in (["migrate", "--noinput"], ["seed_demo"]):
        subprocess.run(
            [str(PYTHON), "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    yield env
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def base_url(server_env: dict[str, str]) -> Iterator[str]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = tempfile.TemporaryFile()  # noqa: SIM115 - read after the server stops
    server = subprocess.Popen(
        [
            str(UVICORN),
            "config.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-access-log",
        ],
        cwd=ROOT,
        env=server_env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    break
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    yield url
    server.terminate()
    server.wait(timeout=10)
    log.seek(0)
    output = log.read().decode(errors="replace")
    assert "Traceback" not in output, output[-6000:]


@pytest.fixture
def django_shell(server_env: dict[str, str]) -> Callable[[str], str]:
    """Run Python in the served demo's Django (for set-up and for asserting state)."""

    def run(code: str) -> str:
        result = subprocess.run(
            [str(PYTHON), "manage.py", "shell", "--no-imports", "-c", code],
            cwd=ROOT,
            env=server_env,
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout.strip()

    return run


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser: Browser, base_url: str) -> Iterator[Callable[..., Page]]:
    """A page in a fresh context: a separate person with their own cookies."""
    contexts = []
    problems: list[str] = []

    def open_page(viewport: dict[str, int] | None = None) -> Page:
        context = browser.new_context(
            base_url=base_url,
            viewport=viewport or {"width": 1280, "height": 900},
            locale="en-GB",
            timezone_id="Europe/London",
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: problems.append(str(error)))
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert not problems, problems


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    return new_page()


def check_accessibility(page: Page) -> None:
    """axe-core on the page as it is now: no serious or critical problems."""
    page.wait_for_load_state("load")
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_JS.read_text())
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']}))
            .violations.map(v => ({id: v.id, impact: v.impact,
              nodes: v.nodes.map(n => n.target.join(' '))}))"""
    )
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, f"axe on {page.url}: {serious}"
