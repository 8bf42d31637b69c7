"""Closing a person's live-room sockets when they should stop receiving at once.

Live sockets join a channel-layer group per person ("person-<id>"), and staff alert
sockets one of their own ("person-<id>-alerts"). Actions that end someone's place in a
group (leaving, pausing), and signing out, call `close_live_sockets` after their
transaction commits. Living in core lets peer groups
call it without depending on the conversations app.

Actions that change what the rule for writing reads about someone in a group, but
leave them in the room (a posting pause, a new name), call `posting_facts_changed`.

Staff alert sockets also join one group per organisation where the person is staff
("organisation-<id>-staff"): `tell_staff_pages` asks their open Today pages to fetch
their list again after something they may need to act on has changed.
"""

from __future__ import annotations

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer


def person_channel_group(person_id: int) -> str:
    return f"person-{person_id}"


def alerts_channel_group(person_id: int) -> str:
    """A staff member's alert sockets (alongside.safety), kept apart from
    person_channel_group so that live-room events never reach them."""
    return f"person-{person_id}-alerts"


def close_live_sockets(
    *,
    person_id: int,
    group_id: int | None = None,
    session_key: str | None = None,
    except_session_key: str | None = None,
) -> None:
    """Close the person's live sockets: in one group, or every group when group_id is
    None; of one browser session when session_key is given, of every session but one
    when except_session_key is given, otherwise all of them."""
    layer = get_channel_layer()
    if layer is None:
        return
    event = {
        "type": "sockets.close",
        "group_id": group_id,
        "session_key": session_key,
        "except_session_key": except_session_key,
    }
    async_to_sync(layer.group_send)(person_channel_group(person_id), event)
    if group_id is None:
        # Signing out and the like end staff alerts in that browser too.
        async_to_sync(layer.group_send)(alerts_channel_group(person_id), event)


def posting_facts_changed(*, person_id: int, group_id: int) -> None:
    """Tell the person's live sockets in the group that something the rule for
    writing reads has changed (a posting pause, their name in the group), so that
    they read it again before the next message. Call after the change commits."""
    layer = get_channel_layer()
    if layer is None:
        return
    async_to_sync(layer.group_send)(
        person_channel_group(person_id),
        {"type": "posting.changed", "group_id": group_id},
    )


def staff_channel_group(organisation_id: int) -> str:
    """The alert sockets of an organisation's staff: told, with no detail at all,
    that something on their Today page may have changed."""
    return f"organisation-{organisation_id}-staff"


def tell_staff_pages(*, organisation_id: int) -> None:
    """Tell the organisation's open staff pages to fetch their Today list again.
    The event carries nothing but its type: what each person then sees is decided
    by the permissions when the page asks. Call after the change commits."""
    layer = get_channel_layer()
    if layer is None:
        return
    async_to_sync(layer.group_send)(
        staff_channel_group(organisation_id), {"type": "today.changed"}
    )


def staff_roles_changed(*, person_id: int) -> None:
    """Tell the person's staff alert sockets that where they are staff has changed,
    so that they leave (or join) the organisations' staff channels at once and their
    open Today page fetches its list again. Call after the change commits."""
    layer = get_channel_layer()
    if layer is None:
        return
    async_to_sync(layer.group_send)(
        alerts_channel_group(person_id), {"type": "staff.roles.changed"}
    )
