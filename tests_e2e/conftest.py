"""Browser journeys: one seeded Alongside per test session, served as in production
(uvicorn and the task worker) on a free loopback port, driven by Debian's Chromium.

Every page a journey visits is checked with axe-core: no moderate, serious or critical
problems. Nothing leaves this machine: the quick-exit site is answered by a tiny local
page.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyotp
import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    expect,
    sync_playwright,
)

from .accessibility import AXE_PAGES, check_accessibility

__all__ = ["check_accessibility"]

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
DEMO_PASSWORD = "alongside-demo"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# Screenshots are taken only when asked for: ALONGSIDE_SHOTS=/tmp/shots
SHOTS = os.environ.get("ALONGSIDE_SHOTS", "")

QUICK_EXIT_PATTERN = "https://www.bbc.co.uk/**"
NEUTRAL_TITLE = "Weather forecast"
NEUTRAL_PAGE = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
    f"<title>{NEUTRAL_TITLE}</title></head>"
    "<body><main><h1>Weather forecast</h1><p>Light cloud, dry.</p></main></body></html>"
)


# Anything the server logged as a crash, shown at the end of the run.
SERVER_ERRORS: list[str] = []

# Figures from the XSS corpus journey, shown at the end of the run.
XSS_CORPUS: dict[str, int] = {}

# Pages can be slow on a busy two-core machine; allow for it.
expect.set_options(timeout=10_000)


def _free_port() -> int:
    # E2E_PORT: serve on that port, on a machine where each user keeps to its own.
    if os.environ.get("E2E_PORT"):
        return int(os.environ["E2E_PORT"])
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_ready(
    url: str, processes: list[subprocess.Popen[bytes]], logs: Path
) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                raise RuntimeError(
                    f"{process.args!r} stopped early:\n{_read_logs(logs)}"
                )
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"Alongside did not start at {url}:\n{_read_logs(logs)}")


def _read_logs(logs: Path) -> str:
    return "\n".join(
        f"--- {log.name}\n{log.read_text(errors='replace')[-4000:]}"
        for log in sorted(logs.glob("*.log"))
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def served_demo() -> Iterator[tuple[Path, dict[str, str]]]:
    """A freshly migrated and seeded demo database, and the environment to serve it."""
    workdir = Path(tempfile.mkdtemp(prefix="alongside-e2e-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir}/e2e.sqlite3",
        "ALONGSIDE_KEYS_DATABASE_URL": f"sqlite:///{workdir}/e2e-keys.sqlite3",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("ALONGSIDE_PRODUCTION", None)
    env.pop("REDIS_URL", None)
    for command in (
        ["migrate", "--database", "keys", "--noinput"],
        ["migrate", "--noinput"],
        ["seed_demo"],
    ):
        subprocess.run(
            [str(PYTHON), "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    try:
        yield workdir, env
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def server_env(served_demo: tuple[Path, dict[str, str]]) -> dict[str, str]:
    return served_demo[1]


@pytest.fixture(scope="session")
def django_shell(server_env: dict[str, str]) -> Callable[[str], str]:
    """Run Python in the served demo's Django (for set-up and for asserting state)."""

    # Planting is set-up, not a person typing: the per-person limits stay on in the
    # served demo but would refuse a script that posts many times in one process.
    shell_env = {**server_env, "ALONGSIDE_RATE_LIMITS_ENABLED": "0"}

    def run(code: str) -> str:
        result = subprocess.run(
            [str(PYTHON), "manage.py", "shell", "--no-imports", "-c", code],
            cwd=ROOT,
            env=shell_env,
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout.strip()

    return run


@pytest.fixture(scope="session")
def alongside_url(served_demo: tuple[Path, dict[str, str]]) -> Iterator[str]:
    """The seeded demo, served by uvicorn beside its worker."""
    workdir, env = served_demo
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    processes: list[subprocess.Popen[bytes]] = []
    try:
        with (workdir / "server.log").open("wb") as server_log:
            processes.append(
                subprocess.Popen(
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
                    env=env,
                    stdout=server_log,
                    stderr=subprocess.STDOUT,
                )
            )
        with (workdir / "worker.log").open("wb") as worker_log:
            processes.append(
                subprocess.Popen(
                    [str(PYTHON), "manage.py", "db_worker", "--interval", "1"],
                    cwd=ROOT,
                    env=env,
                    stdout=worker_log,
                    stderr=subprocess.STDOUT,
                )
            )
        _wait_until_ready(base_url + "/", processes, workdir)
        yield base_url
        server_log_text = (workdir / "server.log").read_text(errors="replace")
        if "Traceback" in server_log_text:
            SERVER_ERRORS.append(server_log_text[-6000:])
    finally:
        for process in processes:
            _stop(process)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser: Browser, alongside_url: str) -> Iterator[Callable[..., Page]]:
    """Open a page in a fresh context: a separate person with their own cookies.

    The site's Content-Security-Policy stays in force, as it is for real visitors;
    axe is run through the DevTools protocol, which the policy does not block.
    """
    contexts: list[BrowserContext] = []
    problems: list[str] = []

    def open_page(viewport: dict[str, int] | None = None, **options: Any) -> Page:
        context = browser.new_context(
            **options,
            base_url=alongside_url,
            viewport=viewport or DESKTOP,
            locale="en-GB",
            timezone_id="Europe/London",
            reduced_motion="reduce",
        )
        context.set_default_timeout(10_000)
        context.route(QUICK_EXIT_PATTERN, _neutral_site)
        contexts.append(context)
        page = context.new_page()
        page.on(
            "console",
            lambda message: (
                problems.append(message.text)
                if message.type == "error" and "Content Security Policy" in message.text
                else None
            ),
        )
        page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert not problems, "The browser reported problems:\n" + "\n".join(problems)


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    return new_page()


@pytest.fixture
def new_context(
    browser: Browser, alongside_url: str
) -> Iterator[Callable[[], BrowserContext]]:
    """Fresh contexts (separate people) at phone width, for journeys with several
    people at once. The site's Content-Security-Policy stays in force."""
    contexts: list[BrowserContext] = []

    def make() -> BrowserContext:
        context = browser.new_context(
            viewport=PHONE, locale="en-GB", timezone_id="Europe/London"
        )
        context.set_default_timeout(10_000)
        context.route(QUICK_EXIT_PATTERN, _neutral_site)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


# ---- Fran's second step, shared by every journey file ----
#
# Several journey files sign fran (a facilitator, so staff) in during one session
# against one server. Each file used to give her its own key, so whichever ran last
# broke the others. Now one key is given once per session; a journey that needs her
# without a second step (to set one up on the page) asks for `fran_without_second_step`,
# which puts this key back afterwards.

FRAN_TOTP_SECRET = pyotp.random_base32()

_GIVE_FRAN_THE_KEY = f"""
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt
from alongside.accounts.models import Person
fran = Person.objects.get(username="fran")
Authenticator.objects.filter(user=fran).delete()
Authenticator.objects.create(
    user=fran,
    type=Authenticator.Type.TOTP,
    data={{"secret": encrypt("{FRAN_TOTP_SECRET}")}},
)
"""

_TAKE_FRAN_SECOND_STEP_AWAY = """
from allauth.mfa.models import Authenticator
from alongside.accounts.models import Person
Authenticator.objects.filter(user=Person.objects.get(username="fran")).delete()
"""

# The last 30-second window whose code was used, per key: allauth refuses a code used
# once already in its own window, and the server remembers across journey files.
_LAST_WINDOW_USED: dict[str, int] = {}


def fresh_code(totp: pyotp.TOTP) -> str:
    """A code from a window not used before for this key, with a few seconds left
    (allauth allows no drift): waits for the next window when needed."""
    last = _LAST_WINDOW_USED.get(totp.secret, -1)
    while True:
        now = time.time()
        window = int(now) // 30
        if window > last and 30 - now % 30 > 8:
            _LAST_WINDOW_USED[totp.secret] = window
            return totp.at(now)
        time.sleep(0.5)


@pytest.fixture(scope="session")
def fran_totp(django_shell: Callable[[str], str]) -> pyotp.TOTP:
    """Fran's second step, with a key the journeys know; given once per session."""
    django_shell(_GIVE_FRAN_THE_KEY)
    return pyotp.TOTP(FRAN_TOTP_SECRET)


@pytest.fixture
def fran_without_second_step(
    fran_totp: pyotp.TOTP, django_shell: Callable[[str], str]
) -> Iterator[None]:
    """Fran with no second step yet, for the journey that sets one up on the page;
    the shared key is given back afterwards, whatever happened."""
    django_shell(_TAKE_FRAN_SECOND_STEP_AWAY)
    try:
        yield
    finally:
        django_shell(_GIVE_FRAN_THE_KEY)


def sign_in(page: Page, username: str) -> None:
    """Sign a peer in with the demo password (peers have no second step)."""
    page.goto("/account/login/")
    page.get_by_label("Your sign-in name").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def sign_in_with_second_step(
    page: Page, username: str, totp: pyotp.TOTP, password: str = DEMO_PASSWORD
) -> None:
    """Sign a staff member in: password, then a fresh code from their key."""
    page.goto("/account/login/")
    page.get_by_label("Your sign-in name").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/2fa/authenticate/")
    # A code is good only in its own 30 seconds. On a slow, loaded machine it can
    # reach the server after its window closed; then the page asks again, and the
    # next window's code is given (at most three times).
    for _ in range(3):
        page.get_by_label(re.compile("code", re.IGNORECASE)).fill(fresh_code(totp))
        with page.expect_navigation():
            page.get_by_role("main").get_by_role("button", name="Sign in").click()
        if "/2fa/authenticate/" not in page.url:
            break
    # Exact: the second-step page has a "Cancel and sign out" button of its own.
    expect(page.get_by_role("button", name="Sign out", exact=True)).to_be_visible()
    assert "/2fa/authenticate/" not in page.url


def _neutral_site(route) -> None:  # type: ignore[no-untyped-def]
    route.fulfill(
        status=200, content_type="text/html; charset=utf-8", body=NEUTRAL_PAGE
    )


def screenshot(page: Page, name: str) -> None:
    if not SHOTS:
        return
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    for text in SERVER_ERRORS:
        terminalreporter.write_line(f"The server logged an error:\n{text}", red=True)
    if AXE_PAGES:
        terminalreporter.write_line(
            f"axe-core ran on {len(AXE_PAGES)} page views "
            f"({len(set(AXE_PAGES))} distinct addresses): "
            "a failure above names any moderate, serious or critical problem."
        )
    if XSS_CORPUS:
        terminalreporter.write_line(
            "XSS corpus: "
            + ", ".join(
                f"{key.replace('_', ' ')} {value}" for key, value in XSS_CORPUS.items()
            )
        )
