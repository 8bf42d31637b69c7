"""Start and stop the benchmark's own servers: redis-server, uvicorn and the floor.

Everything listens on loopback, on a port the kernel says is free. Each server runs in
a process group of its own so that stopping it also stops uvicorn's worker children.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = "127.0.0.1"


# BENCH_PORTS="8140-8149": take ports from that range only (a shared machine where
# each user of it keeps to ports of its own), rather than any the kernel offers.
_handed_out: set[int] = set()


def free_port() -> int:
    first, _, last = os.environ.get("BENCH_PORTS", "").partition("-")
    candidates = range(int(first), int(last or first) + 1) if first else [0]
    for candidate in candidates:
        if candidate in _handed_out:
            continue
        with socket.socket() as probe:
            try:
                probe.bind((LOOPBACK, candidate))
            except OSError:
                continue
            port = int(probe.getsockname()[1])
        _handed_out.add(port)
        return port
    raise RuntimeError(f"No free port in BENCH_PORTS={os.environ['BENCH_PORTS']}")


def wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args!r} exited with {process.returncode}")
        try:
            with socket.create_connection((LOOPBACK, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"Nothing listened on port {port} within {timeout:.0f}s")


class Servers:
    """The processes one run started, stopped together and in reverse order."""

    def __init__(self, log_dir: Path, *, log_level: str = "warning") -> None:
        self.log_dir = log_dir
        self.log_level = log_level
        self.processes: list[subprocess.Popen[bytes]] = []

    def start(
        self,
        name: str,
        command: list[str],
        *,
        port: int,
        env: Mapping[str, str] | None = None,
        timeout: float = 30,
    ) -> subprocess.Popen[bytes]:
        log = (self.log_dir / f"{name}.log").open("wb")
        process = subprocess.Popen(  # noqa: S603 - our own fixed commands
            command,
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append(process)
        try:
            wait_for_port(port, process, timeout)
        except RuntimeError as error:
            log.flush()
            tail = (self.log_dir / f"{name}.log").read_text(errors="replace")[-3000:]
            raise RuntimeError(f"{name} did not start: {error}\n{tail}") from error
        return process

    def redis(self) -> str:
        """A private redis-server that keeps nothing on disk; returns its URL."""
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not installed")
        port = free_port()
        self.start(
            "redis",
            [
                binary,
                "--port",
                str(port),
                "--bind",
                LOOPBACK,
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--dir",
                str(self.log_dir),
            ],
            port=port,
        )
        return f"redis://{LOOPBACK}:{port}/0"

    def uvicorn(
        self,
        name: str,
        *,
        port: int,
        env: Mapping[str, str],
        workers: int = 1,
        app: str = "config.asgi:application",
        ws: str = "auto",
    ) -> subprocess.Popen[bytes]:
        """The ASGI server started as scripts/serve.sh starts it in production."""
        return self.start(
            name,
            [
                sys.executable,
                "-m",
                "uvicorn",
                app,
                "--host",
                LOOPBACK,
                "--port",
                str(port),
                "--workers",
                str(workers),
                "--ws",
                ws,
                "--no-access-log",
                "--no-proxy-headers",
                "--log-level",
                self.log_level,
            ],
            port=port,
            env=env,
            timeout=60,
        )

    def floor(self, *, port: int) -> subprocess.Popen[bytes]:
        return self.start(
            "floor",
            [sys.executable, "-m", "bench.floor_server", "--port", str(port)],
            port=port,
        )

    def profile(self, server: subprocess.Popen[bytes], output: Path) -> None:
        """Sample a server and its workers with py-spy until it stops."""
        binary = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
        if not Path(binary).exists():
            raise RuntimeError("py-spy is not installed (pip install py-spy)")
        process = subprocess.Popen(  # noqa: S603 - our own fixed command
            [
                binary,
                "record",
                "--pid",
                str(server.pid),
                "--subprocesses",
                "--threads",
                "--rate",
                "200",
                "--format",
                "raw",
                "--output",
                str(output),
            ],
            stdout=subprocess.DEVNULL,
            stderr=(self.log_dir / "py-spy.log").open("wb"),
        )
        # Stopped before the server, so that py-spy writes what it gathered.
        self.processes.append(process)

    def stop(self, process: subprocess.Popen[bytes]) -> None:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                if os.getpgid(process.pid) == process.pid:
                    os.killpg(process.pid, signal.SIGTERM)
                else:
                    process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.kill()
                process.wait()
        if process in self.processes:
            self.processes.remove(process)

    def stop_all(self) -> None:
        for process in reversed(list(self.processes)):
            self.stop(process)


def cpu_seconds(pid: int) -> float:
    """CPU time used so far by a process and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        process = int(entry.name)
        children.setdefault(int(fields[1]), []).append(process)
        times[process] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, [pid]
    while todo:
        process = todo.pop()
        total += times.get(process, 0.0)
        todo.extend(children.get(process, []))
    return total


def keys_database_url(database_url: str) -> str:
    """The data keys' database beside a benchmark database: a sibling SQLite file, or
    `<name>_keys` on the same PostgreSQL server (bench.fixtures creates it)."""
    base, _, name = database_url.rpartition("/")
    if database_url.startswith("sqlite:"):
        return f"{base}/{name.rsplit('.', 1)[0]}-keys.sqlite3"
    return f"{base}/{name}_keys"


def server_env(*, database_url: str, redis_url: str = "") -> dict[str, str]:
    """Settings for a server process: production mode, loopback hosts, no debug."""
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": database_url,
        "ALONGSIDE_KEYS_DATABASE_URL": keys_database_url(database_url),
        "REDIS_URL": redis_url,
        "ALLOWED_HOSTS": LOOPBACK,
        "DJANGO_DEBUG": "0",
        "ALONGSIDE_PRODUCTION": "1",
        "SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECRET_KEY": os.environ.get(
            "BENCH_SECRET_KEY",
            "benchmark-only-throwaway-key-0123456789abcdef-0123456789",
        ),
        # A throwaway key for benchmark data (base64 of 32 bytes).
        "ALONGSIDE_MASTER_KEY": os.environ.get(
            "BENCH_MASTER_KEY", "YmVuY2htYXJrLW9ubHkgdGhyb3dhd2F5IGtleSEhISE="
        ),
        "LOG_LEVEL": "WARNING",
        # The load benchmark sends from a few people far faster than anyone types.
        "ALONGSIDE_RATE_LIMITS_ENABLED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def make_fixtures(
    *, database_url: str, people: int, groups: int, timeout: float = 300
) -> str:
    """Migrate the database and fill it; returns the JSON the fixtures script prints."""
    result = subprocess.run(  # noqa: S603 - our own fixed command
        [
            sys.executable,
            "-m",
            "bench.fixtures",
            "--people",
            str(people),
            "--groups",
            str(groups),
        ],
        cwd=ROOT,
        env={**os.environ, **server_env(database_url=database_url)},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"bench.fixtures failed:\n{result.stderr[-3000:]}")
    return result.stdout
