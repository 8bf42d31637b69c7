"""The benchmark's clients: N websockets across M rooms, one asyncio process.

Every message carries a fresh client_id; the time it was sent is kept against that id,
so the moment any other client in the room receives it gives the send-to-receive
latency without reading the server-rendered html. Both servers, Alongside and the
floor, are driven by exactly this code.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed


@dataclass(frozen=True)
class Seat:
    """One client: the room it joins and the cookie that lets it in."""

    group_id: int
    sessionid: str = ""


@dataclass
class Sent:
    phase: Phase
    sender: int
    room: int
    at: float
    expected: int
    delivered: int = 0
    acked_at: float | None = None
    on_done: Callable[[], None] | None = None


@dataclass
class Phase:
    """What one phase of load saw."""

    name: str
    sent: int = 0
    expected: int = 0
    delivered: int = 0
    duplicates: int = 0
    held: int = 0
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    ack_latencies: list[float] = field(default_factory=list)
    started_at: float = 0.0
    last_send_at: float = 0.0
    finished_at: float = 0.0
    max_send_lag: float = 0.0

    @property
    def duration(self) -> float:
        return max(self.finished_at - self.started_at, 1e-9)

    def summary(self) -> dict[str, Any]:
        return {
            "phase": self.name,
            "sent": self.sent,
            "held": self.held,
            "expected": self.expected,
            "delivered": self.delivered,
            "lost": self.expected - self.delivered,
            "duplicates": self.duplicates,
            "duration_s": self.duration,
            "sends_per_s": self.sent / self.duration,
            "deliveries_per_s": self.delivered / self.duration,
            "p50_ms": percentile(self.latencies, 50) * 1000,
            "p95_ms": percentile(self.latencies, 95) * 1000,
            "p99_ms": percentile(self.latencies, 99) * 1000,
            "max_ms": max(self.latencies, default=float("nan")) * 1000,
            "ack_p50_ms": percentile(self.ack_latencies, 50) * 1000,
            "ack_p99_ms": percentile(self.ack_latencies, 99) * 1000,
            "max_send_lag_ms": self.max_send_lag * 1000,
            "errors": self.errors[:5],
        }


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile; NaN when nothing was measured."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


class Crowd:
    """All the clients of one run, connected to one server."""

    def __init__(
        self,
        seats: Sequence[Seat],
        *,
        base_url: str,
        origin: str,
        compression: bool = True,
    ) -> None:
        self.seats = list(seats)
        self.base_url = base_url.rstrip("/")
        self.origin = origin
        self.compression = compression
        self.connections: list[ClientConnection] = []
        self.readers: list[asyncio.Task[None]] = []
        self.rooms: dict[int, list[int]] = {}
        for index, seat in enumerate(self.seats):
            self.rooms.setdefault(seat.group_id, []).append(index)
        self.sent: dict[str, Sent] = {}
        self.seen: set[tuple[int, str]] = set()
        self.phase = Phase("idle")

    async def connect(self, *, concurrency: int = 20, timeout: float = 60) -> None:
        gate = asyncio.Semaphore(concurrency)

        async def one(seat: Seat) -> ClientConnection:
            headers = {"Origin": self.origin}
            if seat.sessionid:
                headers["Cookie"] = f"sessionid={seat.sessionid}"
            async with gate:
                return await connect(
                    f"{self.base_url}/ws/groups/{seat.group_id}/live/",
                    additional_headers=headers,
                    compression="deflate" if self.compression else None,
                    open_timeout=timeout,
                    max_queue=None,
                    ping_interval=None,
                )

        self.connections = list(
            await asyncio.wait_for(
                asyncio.gather(*(one(seat) for seat in self.seats)), timeout
            )
        )
        self.readers = [
            asyncio.create_task(self.read(index, connection))
            for index, connection in enumerate(self.connections)
        ]
        # Let the join announcements (presence) go by before measuring anything.
        await asyncio.sleep(1.0)
        closed = [c for c in self.connections if c.close_code is not None]
        if closed:
            raise RuntimeError(
                f"{len(closed)} of {len(self.connections)} sockets were closed by the "
                f"server after connecting (first close code {closed[0].close_code})"
            )

    async def close(self) -> None:
        for reader in self.readers:
            reader.cancel()
        await asyncio.gather(
            *(connection.close() for connection in self.connections),
            return_exceptions=True,
        )
        for reader in self.readers:
            with contextlib.suppress(asyncio.CancelledError):
                await reader

    async def read(self, index: int, connection: ClientConnection) -> None:
        try:
            async for raw in connection:
                now = time.perf_counter()
                event = json.loads(raw)
                kind = event.get("type")
                if kind == "message":
                    self.on_message(index, event, now)
                elif kind == "ack":
                    self.on_ack(event, now)
                elif kind == "error":
                    self.phase.errors.append(json.dumps(event)[:200])
        except ConnectionClosed as closed:
            self.phase.errors.append(f"client {index} closed: {closed}")

    def on_message(self, index: int, event: dict[str, Any], now: float) -> None:
        client_id = str(event.get("client_id"))
        sent = self.sent.get(client_id)
        if sent is None or sent.sender == index:
            return
        if sent.phase is not self.phase:
            # Left over from an earlier phase (warming up): not this phase's figure.
            return
        key = (index, client_id)
        if key in self.seen:
            self.phase.duplicates += 1
            return
        self.seen.add(key)
        self.phase.latencies.append(now - sent.at)
        self.phase.delivered += 1
        sent.delivered += 1
        self.finish_if_done(sent)

    def on_ack(self, event: dict[str, Any], now: float) -> None:
        sent = self.sent.get(str(event.get("client_id")))
        if sent is None or sent.acked_at is not None or sent.phase is not self.phase:
            return
        sent.acked_at = now
        self.phase.ack_latencies.append(now - sent.at)
        if event.get("status") == "held":
            # Held for a check: stored, shown only to its author, so nobody else
            # is expected to receive it.
            self.phase.held += 1
            self.phase.expected -= sent.expected
            sent.expected = 0
            self.finish_if_done(sent)

    def finish_if_done(self, sent: Sent) -> None:
        if sent.delivered >= sent.expected and sent.on_done is not None:
            done, sent.on_done = sent.on_done, None
            done()

    async def send_from(
        self, index: int, number: int, on_done: Callable[[], None] | None = None
    ) -> None:
        client_id = str(uuid.uuid4())
        room = self.seats[index].group_id
        expected = len(self.rooms[room]) - 1
        payload = json.dumps(
            {
                "type": "send",
                "client_id": client_id,
                "body": f"Benchmark message {number}. Nothing to see here.",
                "content_warning": "",
            }
        )
        sent = Sent(self.phase, index, room, 0.0, expected, on_done=on_done)
        self.sent[client_id] = sent
        self.phase.sent += 1
        self.phase.expected += expected
        sent.at = time.perf_counter()
        await self.connections[index].send(payload)
        self.phase.last_send_at = sent.at
        if expected == 0:
            self.finish_if_done(sent)

    def senders(self) -> list[int]:
        """Clients in the order they take turns: round the rooms, then within each."""
        order: list[int] = []
        members = list(self.rooms.values())
        for turn in range(max(len(m) for m in members)):
            order.extend(m[turn] for m in members if turn < len(m))
        return order

    async def drain(self, deadline: float) -> None:
        while self.phase.delivered < self.phase.expected:
            if time.perf_counter() > deadline:
                return
            await asyncio.sleep(0.01)

    async def steady(self, *, messages: int, rate: float, drain: float) -> Phase:
        """Send at a steady rate, taking turns across every client and room."""
        self.phase = Phase("steady")
        order = self.senders()
        start = self.phase.started_at = time.perf_counter()
        for number in range(messages):
            due = start + number / rate
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            else:
                self.phase.max_send_lag = max(self.phase.max_send_lag, -delay)
            await self.send_from(order[number % len(order)], number)
        await self.drain(time.perf_counter() + drain)
        self.phase.finished_at = time.perf_counter()
        return self.phase

    async def flood(self, *, messages: int, window: int, drain: float) -> Phase:
        """As fast as the server keeps up: each room keeps `window` messages in
        flight, sending the next as soon as one has reached everyone else."""
        self.phase = Phase("flood")
        budget = iter(range(messages))
        self.phase.started_at = time.perf_counter()

        async def room_sender(members: list[int]) -> None:
            slots = asyncio.Semaphore(window)
            for turn, number in enumerate(budget):
                await slots.acquire()
                await self.send_from(
                    members[turn % len(members)], number, slots.release
                )

        await asyncio.gather(*(room_sender(m) for m in self.rooms.values()))
        await self.drain(time.perf_counter() + drain)
        self.phase.finished_at = time.perf_counter()
        return self.phase
