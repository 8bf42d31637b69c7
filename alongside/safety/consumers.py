"""The staff alert socket: open on every page for staff, it receives on-duty alerts
as they happen, and a bare "changed" when something on the person's Today page may
have changed (the page then asks for its list again, through the permissions). It
only listens; acknowledging is a plain form post."""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from alongside.accounts.second_factor import passed_second_step
from alongside.core.live import alerts_channel_group, staff_channel_group

from .permissions import duty_organisations_of

NOT_ALLOWED = 4403
SIGNED_OUT = 4401


class DutyAlertConsumer(AsyncJsonWebsocketConsumer):  # type: ignore[misc]
    group_name: str | None = None
    staff_groups: tuple[str, ...] = ()

    async def connect(self) -> None:
        person = self.scope["user"]
        await self.accept()
        session = self.scope.get("session")
        if not person.is_authenticated or not passed_second_step(session, person.pk):
            # Alerts are for staff who passed the second step in this browser.
            await self.close(code=NOT_ALLOWED)
            return
        self.session_key = session.session_key if session is not None else None
        self.group_name = alerts_channel_group(person.pk)
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        self.staff_groups = tuple(
            staff_channel_group(organisation_id)
            for organisation_id in await database_sync_to_async(
                _staff_organisation_ids
            )(person)
        )
        for name in self.staff_groups:
            await self.channel_layer.group_add(name, self.channel_name)

    async def _leave_groups(self) -> None:
        if self.group_name is not None:
            await self.channel_layer.group_discard(self.group_name, self.channel_name)
            self.group_name = None
        for name in self.staff_groups:
            await self.channel_layer.group_discard(name, self.channel_name)
        self.staff_groups = ()

    async def disconnect(self, code: int) -> None:
        await self._leave_groups()

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        return None

    async def duty_alert(self, event: dict[str, Any]) -> None:
        await self.send_json(
            {"type": "alert", "id": event["escalation_id"], "html": event["html"]}
        )

    async def duty_acknowledged(self, event: dict[str, Any]) -> None:
        await self.send_json({"type": "acknowledged", "id": event["escalation_id"]})

    async def today_changed(self, event: dict[str, Any]) -> None:
        await self.send_json({"type": "changed"})

    async def staff_roles_changed(self, event: dict[str, Any]) -> None:
        """The person's role changed somewhere: read again where they are staff,
        leave the staff channels of organisations where they no longer are (and
        join those where they now are), and have the open Today page fetch its
        list again, through the permissions."""
        if self.group_name is None:
            return
        person = self.scope["user"]
        now = tuple(
            staff_channel_group(organisation_id)
            for organisation_id in await database_sync_to_async(
                _staff_organisation_ids
            )(person)
        )
        for name in set(self.staff_groups) - set(now):
            await self.channel_layer.group_discard(name, self.channel_name)
        for name in set(now) - set(self.staff_groups):
            await self.channel_layer.group_add(name, self.channel_name)
        self.staff_groups = now
        await self.send_json({"type": "changed"})

    async def sockets_close(self, event: dict[str, Any]) -> None:
        """Signing out (this browser's session), a changed password (every
        session) or turning the second step on or off (every other session) stops
        alerts at once, as it does live rooms."""
        session_key = event.get("session_key")
        if session_key is not None and session_key != self.session_key:
            return
        kept = event.get("except_session_key")
        if kept and kept == self.session_key:
            return
        await self._leave_groups()
        await self.close(code=SIGNED_OUT if session_key or kept else NOT_ALLOWED)


def _staff_organisation_ids(person: Any) -> list[int]:
    return list(duty_organisations_of(person).values_list("pk", flat=True))
