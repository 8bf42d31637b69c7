"""The live-session benchmark: `make bench`.

Starts Alongside as in production (uvicorn, config.asgi) on a throwaway database,
connects N websocket clients across M group rooms, sends K messages at a steady rate
and prints the send-to-receive latency seen by every other client in the room, and the
messages delivered per second. Then it does the same against the floor, a bare
broadcast server on the `websockets` library (bench/floor_server.py), and prints the
ratios. Loopback only; every process it starts is stopped before it exits.

    .venv/bin/python -m bench.run                      # the defaults below
    .venv/bin/python -m bench.run --workers 2          # two workers sharing Redis
    .venv/bin/python -m bench.run --postgres           # a private PostgreSQL
    .venv/bin/python -m bench.run --database-url postgres://...  # a throwaway one
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Coroutine, Sequence
from pathlib import Path
from types import FrameType
from typing import Any, TypeVar

from websockets.exceptions import ConnectionClosed

from bench.load import Crowd, Phase, Seat
from bench.processes import (
    LOOPBACK,
    ROOT,
    Servers,
    cpu_seconds,
    free_port,
    make_fixtures,
    server_env,
)

T = TypeVar("T")

TARGET_P99_MS = 50.0
TARGET_FLOOR_RATIO = 3.0


class OutOfTime(Exception):
    pass


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Alongside live-session benchmark against a websockets floor.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--clients", type=int, default=200, help="N websockets")
    parser.add_argument("--rooms", type=int, default=20, help="M group rooms")
    parser.add_argument("--messages", type=int, default=2000, help="K messages")
    parser.add_argument(
        "--rate",
        type=float,
        default=20.0,
        help="steady sending rate, messages/s (20 is one a second in each room)",
    )
    parser.add_argument(
        "--flood-window",
        type=int,
        default=4,
        help="messages in flight per room in the flood phase (0 skips it)",
    )
    parser.add_argument("--workers", type=int, default=1, help="uvicorn workers")
    parser.add_argument(
        "--redis",
        action="store_true",
        help="use a private Redis channel layer even with one worker",
    )
    parser.add_argument("--database-url", default="", help="a throwaway database")
    parser.add_argument(
        "--postgres", action="store_true", help="start a private PostgreSQL"
    )
    parser.add_argument(
        "--no-compression",
        action="store_true",
        help="clients decline permessage-deflate (browsers ask for it)",
    )
    parser.add_argument(
        "--only",
        choices=["alongside", "framework", "floor"],
        help="measure one server only",
    )
    parser.add_argument(
        "--ws",
        default="auto",
        choices=["auto", "websockets", "websockets-sansio"],
        help="uvicorn's websocket implementation, for both uvicorn servers",
    )
    parser.add_argument(
        "--framework",
        action="store_true",
        help="also measure uvicorn and Channels doing none of Alongside's work"
        " (bench/framework_floor.py)",
    )
    parser.add_argument(
        "--timeout", type=float, default=900, help="hard limit for the whole run, s"
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="measure each server this many times, alternating; medians reported",
    )
    parser.add_argument(
        "--conn-max-age",
        type=int,
        help="DATABASE_CONN_MAX_AGE for the server (the settings default to 0)",
    )
    parser.add_argument(
        "--profile",
        metavar="FILE",
        help="sample Alongside's server with py-spy into FILE (collapsed stacks)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON at the end")
    parser.add_argument(
        "--pages",
        action="store_true",
        help="time pages instead (bench/pages.py: the conversation list, a long"
        " conversation, the live room, the moderation queue, a data download)",
    )
    parser.add_argument(
        "--keep-logs",
        action="store_true",
        help="keep the servers' logs in a folder of their own and print where",
    )
    parser.add_argument(
        "--log-level",
        default="warning",
        choices=["debug", "info", "warning", "error"],
        help="uvicorn's log level for both uvicorn servers (info also shows the"
        " supervisor of several workers starting, checking and restarting them)",
    )
    args = parser.parse_args(argv)
    if args.clients < 2 * args.rooms:
        parser.error("every room needs at least two clients")
    if args.workers > 1:
        args.redis = True
    return args


def run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coroutine)
    return uvloop.run(coroutine)


async def measured(
    phase: Coroutine[Any, Any, Phase], *, server_pid: int, limit: float
) -> dict[str, Any]:
    """Run one phase and add what it cost in CPU: the server's processes and ours."""
    server_before, client_before = cpu_seconds(server_pid), time.process_time()
    done = await asyncio.wait_for(phase, limit)
    server = cpu_seconds(server_pid) - server_before
    client = time.process_time() - client_before
    figures = done.summary()
    figures["server_cpu_s"] = server
    figures["server_cpu_ms_per_message"] = 1000 * server / max(done.sent, 1)
    figures["server_cpu_busy"] = server / done.duration
    figures["client_cpu_busy"] = client / done.duration
    return figures


async def measure(
    seats: Sequence[Seat], *, port: int, server_pid: int, args: argparse.Namespace
) -> dict[str, Any]:
    crowd = Crowd(
        seats,
        base_url=f"ws://{LOOPBACK}:{port}",
        origin=f"http://{LOOPBACK}:{port}",
        compression=not args.no_compression,
    )
    phase_limit = max(60.0, 3 * args.messages / args.rate)
    await crowd.connect()
    try:
        # Warm the server up (template compilation, connections, caches); not counted.
        await asyncio.wait_for(
            crowd.steady(messages=min(200, args.messages), rate=args.rate, drain=5),
            phase_limit,
        )
        result = {
            "steady": await measured(
                crowd.steady(messages=args.messages, rate=args.rate, drain=30),
                server_pid=server_pid,
                limit=phase_limit,
            )
        }
        if args.flood_window > 0:
            result["flood"] = await measured(
                crowd.flood(messages=args.messages, window=args.flood_window, drain=30),
                server_pid=server_pid,
                limit=phase_limit,
            )
    finally:
        await crowd.close()
    return result


COUNTS = ("sent", "held", "expected", "delivered", "lost", "duplicates")


def combine(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """One server's rounds as one: counts added up, every other figure the median."""
    combined: dict[str, Any] = {}
    for phase in rounds[0]:
        figures = [found[phase] for found in rounds]
        merged: dict[str, Any] = {"rounds": len(figures)}
        for key, value in figures[0].items():
            values = [f[key] for f in figures]
            if key in COUNTS:
                merged[key] = sum(values)
            elif isinstance(value, float):
                merged[key] = statistics.median(values)
                merged[f"{key}_each"] = values
            elif isinstance(value, list):
                merged[key] = [item for v in values for item in v]
            else:
                merged[key] = value
        combined[phase] = merged
    return combined


def start_postgres(work: Path) -> tuple[str, Path]:
    port = free_port()
    started = subprocess.run(  # noqa: S603
        ["bash", str(ROOT / "scripts" / "postgres.sh"), "start", str(work), str(port)],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return started.stdout.splitlines()[0].strip(), work


def stop_postgres(work: Path) -> None:
    subprocess.run(  # noqa: S603
        ["bash", str(ROOT / "scripts" / "postgres.sh"), "stop", str(work)],  # noqa: S607
        capture_output=True,
        check=False,
        timeout=60,
    )


def describe(args: argparse.Namespace, database: str) -> str:
    layer = "Redis channel layer" if args.redis else "in-memory channel layer"
    workers = f"{args.workers} worker" + ("s" if args.workers != 1 else "")
    return f"uvicorn, {workers}, {database}, {layer}"


def line(name: str, figures: dict[str, Any]) -> str:
    return (
        f"  {name:<7} p50 {figures['p50_ms']:7.2f} ms   p95 {figures['p95_ms']:7.2f} ms"
        f"   p99 {figures['p99_ms']:7.2f} ms   max {figures['max_ms']:7.2f} ms\n"
        f"          {figures['deliveries_per_s']:8.0f} deliveries/s"
        f"  ({figures['sends_per_s']:.0f} sent/s;"
        f" {figures['delivered']}/{figures['expected']} delivered,"
        f" {figures['lost']} undelivered, {figures['duplicates']} duplicated,"
        f" {figures['held']} held)\n"
        f"          server CPU {figures['server_cpu_ms_per_message']:.2f} ms a message"
        f" (busy {100 * figures['server_cpu_busy']:.0f}% of one core;"
        f" clients {100 * figures['client_cpu_busy']:.0f}%)\n"
        f"          ack p50 {figures['ack_p50_ms']:.2f} ms, ack p99"
        f" {figures['ack_p99_ms']:.2f} ms; sender fell behind by at most"
        f" {figures['max_send_lag_ms']:.1f} ms"
        + (
            "\n          p99 in each round: "
            + ", ".join(f"{v:.1f}" for v in figures["p99_ms_each"])
            + " ms"
            if figures.get("rounds", 1) > 1
            else ""
        )
        + (f"\n          errors: {figures['errors']}" if figures["errors"] else "")
    )


def report(args: argparse.Namespace, database: str, results: dict[str, Any]) -> None:
    print()
    print(
        f"{args.clients} clients in {args.rooms} rooms; {args.rounds} round(s) of:"
        f" {args.messages} messages at"
        f" {args.rate:g}/s, then {args.messages} as fast as delivered"
        f" ({args.flood_window} in flight per room)."
        f" Latency is send to receipt at every other client in the room."
    )
    labels = {
        "alongside": f"Alongside ({describe(args, database)})",
        "framework": "Framework floor (uvicorn and Channels, one worker, in-memory"
        " layer, no auth, no database)",
        "floor": "Floor (websockets library, one process, no auth, no database)",
    }
    for name, figures in results.items():
        print(f"\n{labels[name]}")
        for phase in ("steady", "flood"):
            if phase in figures:
                print(line(phase, figures[phase]))
    if {"alongside", "floor"} <= set(results):
        ours, floor = results["alongside"]["steady"], results["floor"]["steady"]
        ratio = ours["p99_ms"] / floor["p99_ms"]
        print("\nAlongside against the floor")
        print(f"  p99 ratio (steady)        {ratio:6.2f}x   target at most 3x")
        print(
            "  throughput ratio (steady) "
            f"{ours['deliveries_per_s'] / floor['deliveries_per_s']:6.2f}x"
        )
        if "flood" in results["alongside"]:
            ours_f, floor_f = results["alongside"]["flood"], results["floor"]["flood"]
            print(
                "  throughput ratio (flood)  "
                f"{ours_f['deliveries_per_s'] / floor_f['deliveries_per_s']:6.2f}x"
                f"   ({ours_f['deliveries_per_s']:.0f} against"
                f" {floor_f['deliveries_per_s']:.0f} deliveries/s)"
            )
        cpu, floor_cpu = (
            ours["server_cpu_ms_per_message"],
            floor["server_cpu_ms_per_message"],
        )
        print(
            f"  server CPU per message    {cpu / floor_cpu:6.2f}x"
            f"   ({cpu:.2f} against {floor_cpu:.2f} ms; steady phase)"
        )
        if "framework" in results:
            framework = results["framework"]["steady"]
            print(
                "  framework floor p99      "
                f" {framework['p99_ms'] / floor['p99_ms']:6.2f}x the floor"
                f"   ({framework['p99_ms']:.2f} ms; CPU"
                f" {framework['server_cpu_ms_per_message']:.2f} ms a message)"
            )
        meets_p99 = ours["p99_ms"] < TARGET_P99_MS
        meets_ratio = ratio <= TARGET_FLOOR_RATIO
        print(
            f"  target p99 < {TARGET_P99_MS:.0f} ms:"
            f" {'met' if meets_p99 else 'MISSED'};"
            f" within {TARGET_FLOOR_RATIO:.0f}x of the floor:"
            f" {'met' if meets_ratio else 'MISSED'}"
        )
    if args.json:
        print(json.dumps(results, indent=2, default=str))


def load() -> str:
    """The one-minute load average: other work on the machine skews the figures."""
    return f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    if args.pages:
        from bench import pages

        return pages.main([])

    def out_of_time(signum: int, frame: FrameType | None) -> None:
        raise OutOfTime(f"the benchmark ran past its {args.timeout:.0f}s limit")

    def stopped(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGALRM, out_of_time)
    signal.signal(signal.SIGTERM, stopped)
    signal.alarm(math.ceil(args.timeout))

    with tempfile.TemporaryDirectory(prefix="alongside-bench.") as tmp:
        work = Path(tmp)
        # PostgreSQL runs as its own user when we are root, and must reach its folder.
        os.chmod(work, 0o755)  # noqa: S103
        logs = (
            Path(tempfile.mkdtemp(prefix="alongside-bench-logs."))
            if args.keep_logs
            else work
        )
        servers = Servers(logs, log_level=args.log_level)
        postgres: Path | None = None
        results: dict[str, Any] = {}
        print(f"Load average at the start: {load()}")
        try:
            if args.postgres:
                database_url, postgres = start_postgres(work / "pg")
                database = "PostgreSQL"
            elif args.database_url:
                database_url = args.database_url
                database = database_url.split(":", 1)[0]
            else:
                database_url = f"sqlite:///{work / 'bench.sqlite3'}"
                database = "SQLite (WAL)"
            if args.only in ("floor", "framework"):
                # The floor needs no people: rooms by number, nobody signed in.
                seats = [Seat(1 + n % args.rooms) for n in range(args.clients)]
            else:
                started = time.monotonic()
                fixtures = json.loads(
                    make_fixtures(
                        database_url=database_url,
                        people=args.clients,
                        groups=args.rooms,
                    )
                )
                seats = [
                    Seat(c["group_id"], c["sessionid"]) for c in fixtures["clients"]
                ]
                print(
                    f"Made {len(seats)} members in {args.rooms} groups"
                    f" in {time.monotonic() - started:.1f}s",
                    flush=True,
                )

            ports: dict[str, int] = {}
            pids: dict[str, int] = {}
            if args.only in (None, "alongside"):
                redis_url = servers.redis() if args.redis else ""
                ports["alongside"] = free_port()
                env = server_env(database_url=database_url, redis_url=redis_url)
                if args.conn_max_age is not None:
                    env["DATABASE_CONN_MAX_AGE"] = str(args.conn_max_age)
                server = servers.uvicorn(
                    "alongside",
                    port=ports["alongside"],
                    workers=args.workers,
                    env=env,
                    ws=args.ws,
                )
                pids["alongside"] = server.pid
                if args.profile:
                    servers.profile(server, Path(args.profile).resolve())
            if args.only == "framework" or (args.framework and args.only is None):
                ports["framework"] = free_port()
                pids["framework"] = servers.uvicorn(
                    "framework",
                    port=ports["framework"],
                    env={"PYTHONDONTWRITEBYTECODE": "1"},
                    app="bench.framework_floor:application",
                    ws=args.ws,
                ).pid
            if args.only in (None, "floor"):
                ports["floor"] = free_port()
                pids["floor"] = servers.floor(port=ports["floor"]).pid

            # Both servers stay up; rounds alternate which goes first, so that other
            # work on the machine weighs on both alike.
            rounds: dict[str, list[dict[str, Any]]] = {name: [] for name in ports}
            for number in range(args.rounds):
                order = list(ports) if number % 2 == 0 else list(reversed(ports))
                for name in order:
                    print(
                        f"Round {number + 1}: {name} on {LOOPBACK}:{ports[name]}"
                        f" (load average {load()})",
                        flush=True,
                    )
                    rounds[name].append(
                        run_async(
                            measure(
                                seats,
                                port=ports[name],
                                server_pid=pids[name],
                                args=args,
                            )
                        )
                    )
            results = {name: combine(found) for name, found in rounds.items()}
        except (
            OutOfTime,
            KeyboardInterrupt,
            RuntimeError,
            TimeoutError,
            ConnectionClosed,
        ) as error:
            print(f"\nThe benchmark stopped early: {error!r}", file=sys.stderr)
            for log in sorted(logs.glob("*.log")):
                tail = log.read_text(errors="replace")[-2000:]
                if tail.strip():
                    print(f"--- {log.name} (end) ---\n{tail}", file=sys.stderr)
            if args.keep_logs:
                print(f"The servers' logs are kept in {logs}", file=sys.stderr)
            return 1
        finally:
            signal.alarm(0)
            servers.stop_all()
            if postgres is not None:
                with contextlib.suppress(Exception):
                    stop_postgres(postgres)
        report(args, database, results)
        print(f"\nLoad average at the end: {load()}")
        if args.keep_logs:
            print(f"The servers' logs are kept in {logs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
