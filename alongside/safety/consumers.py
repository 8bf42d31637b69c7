"""The staff alert socket: open on every page for staff, it receives on-duty alerts
as they happen. It only listens; acknowledging is a plain form post."""

from __future__ import annotations

from typing import Any

from channels.generic.websocket import AsyncJsonWebsocketConsumer

from .live import alerts_channel_group

NOT_ALLOWED = 4403


class DutyAlertConsumer(AsyncJsonWebsocketConsumer):  # type: ignore[misc]
    async def connect(self) -> None:
        person = self.scope["user"]
        await self.accept()
        if not person.is_authenticated:
            await self.close(code=NOT_ALLOWED)
            return
        self.group_name = alerts_channel_group(person.pk)
        await self.channel_layer.group_add(self.group_name, self.channel_name)

    async def disconnect(self, code: int) -> None:
        if getattr(self, "group_name", None):
            await self.channel_layer.group_discard(self.group_name, self.channel_name)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        return None

    async def duty_alert(self, event: dict[str, Any]) -> None:
        await self.send_json(
            {"type": "alert", "id": event["escalation_id"], "html": event["html"]}
        )

    async def duty_acknowledged(self, event: dict[str, Any]) -> None:
        await self.send_json({"type": "acknowledged", "id": event["escalation_id"]})
