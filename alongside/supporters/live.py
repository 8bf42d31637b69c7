"""Live pushes of "I need help" to the people it reaches, over the staff alert
sockets that the duty alerts already use (alongside.core.live.alerts_channel_group).
Rendered by the help page's own partial; the supporter's words are never in it
(a help request has none)."""

from __future__ import annotations

from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.template.loader import render_to_string

from alongside.core.live import alerts_channel_group

from .models import HelpRequest

HELP_PARTIAL = "supporters/help_detail.html#help-alert"


def _send(person_id: int, event: dict[str, Any]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    async_to_sync(layer.group_send)(alerts_channel_group(person_id), event)


def alert_id(help_request_id: int) -> str:
    """The id the alert socket places it under, apart from escalations' ids."""
    return f"help-{help_request_id}"


def push_help(help_request_id: int, person_ids: list[int]) -> None:
    help_request = HelpRequest.objects.filter(pk=help_request_id).first()
    if help_request is None:
        return
    html = render_to_string(HELP_PARTIAL, {"help_request": help_request})
    for person_id in person_ids:
        _send(
            person_id,
            {
                "type": "duty.alert",
                "escalation_id": alert_id(help_request_id),
                "html": html,
            },
        )


def push_help_answered(help_request_id: int, person_ids: list[int]) -> None:
    for person_id in person_ids:
        _send(
            person_id,
            {"type": "duty.acknowledged", "escalation_id": alert_id(help_request_id)},
        )
