"""The framework floor: what uvicorn and Channels cost before Alongside does anything.

The same server stack as production (uvicorn, Channels' websocket consumer, the
in-memory channel layer Alongside uses) with none of Alongside's work: no sign-in, no
database, no permission checks, no screening, no sealing, no template. A message is
acknowledged and sent to the room as one pre-encoded frame, as Alongside's consumer
sends it. It speaks the same socket protocol, so the same clients drive it.

Comparing three servers splits the gap between Alongside and the bare `websockets`
floor into what the framework costs and what Alongside's own work costs.

    python -m uvicorn bench.framework_floor:application --port 8766
"""

from __future__ import annotations

import html
import itertools
import json
from typing import Any

from django.conf import settings

if not settings.configured:
    settings.configure(
        CHANNEL_LAYERS={
            "default": {"BACKEND": "alongside.core.channel_layers.InMemoryChannelLayer"}
        },
        INSTALLED_APPS=[],
        USE_TZ=True,
    )

import django

django.setup()

from channels.generic.websocket import AsyncWebsocketConsumer  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.urls import path  # noqa: E402

_ids = itertools.count(1)


class FloorRoom(AsyncWebsocketConsumer):  # type: ignore[misc]
    async def connect(self) -> None:
        self.room = f"floor-{int(self.scope['url_route']['kwargs']['room'])}"
        await self.channel_layer.group_add(self.room, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        await self.channel_layer.group_discard(self.room, self.channel_name)

    async def receive(
        self, text_data: str | None = None, bytes_data: bytes | None = None
    ) -> None:
        event = json.loads(text_data or "{}")
        if not isinstance(event, dict) or event.get("type") != "send":
            return
        message_id = next(_ids)
        client_id = event.get("client_id")
        await self.send(
            text_data=json.dumps(
                {
                    "type": "ack",
                    "client_id": client_id,
                    "id": message_id,
                    "status": "published",
                }
            )
        )
        frame = json.dumps(
            {
                "type": "message",
                "id": message_id,
                "client_id": client_id,
                "html": f"<p>{html.escape(str(event.get('body', '')))}</p>",
            }
        )
        await self.channel_layer.group_send(
            self.room, {"type": "room.message", "frame": frame}
        )

    async def room_message(self, event: dict[str, Any]) -> None:
        await self.send(text_data=event["frame"])


application = ProtocolTypeRouter(
    {"websocket": URLRouter([path("ws/groups/<int:room>/live/", FloorRoom.as_asgi())])}
)
