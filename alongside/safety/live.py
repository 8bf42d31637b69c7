"""Live pushes to staff about alerts. Each staff member's open pages hold a socket
in alongside.core.live.alerts_channel_group, kept apart from the live-room group so
that live-room events never reach it. Rendered by the page's own partial."""

from __future__ import annotations

from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.template.loader import render_to_string

from alongside.core.live import alerts_channel_group

from .models import Escalation

ALERT_PARTIAL = "safety/duty.html#duty-alert"


def _send(person_id: int, event: dict[str, Any]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    async_to_sync(layer.group_send)(alerts_channel_group(person_id), event)


def render_alert(escalation: Escalation) -> str:
    return render_to_string(ALERT_PARTIAL, {"escalation": escalation})


def push_alert(escalation_id: int, person_ids: list[int]) -> None:
    escalation = (
        Escalation.objects.select_related("group").filter(pk=escalation_id).first()
    )
    if escalation is None:
        return
    html = render_alert(escalation)
    for person_id in person_ids:
        _send(
            person_id,
            {"type": "duty.alert", "escalation_id": escalation_id, "html": html},
        )


def push_acknowledged(escalation_id: int, person_ids: list[int]) -> None:
    for person_id in person_ids:
        _send(person_id, {"type": "duty.acknowledged", "escalation_id": escalation_id})
