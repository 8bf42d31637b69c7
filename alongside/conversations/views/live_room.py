"""The live room without JavaScript: the room's page, sending, opening and closing
it, stepping away, and how the person takes part."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alongside.core.requests import AuthenticatedRequest
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.permissions import get_group_for

from .. import actions
from ..forms import LiveMessageForm, ParticipationForm, RoomSettingsForm
from ..live import with_links
from ..models import Topic
from ..permissions import (
    can_join_live_room,
    can_manage_live_room,
    can_post_live,
    live_posts_visible_to,
    room_of,
    why_cannot_post_in,
)
from .lookups import (
    LIVE_HISTORY_SHOWN,
    _hidden_topics,
    _new_client_id,
    _participation,
    _readable_group,
    _send_again_with_new_client_id,
    _why_refused,
)


def _render_live(
    request: AuthenticatedRequest,
    group: PeerGroup,
    form: LiveMessageForm,
    status: int = 200,
) -> HttpResponse:
    room = room_of(group)
    recent = list(
        live_posts_visible_to(request.user, group)
        .without_hidden_topics(_hidden_topics(request))
        .with_author_name()
        .order_by("-pk")[:LIVE_HISTORY_SHOWN]
    )
    recent.reverse()
    return render(
        request,
        "conversations/live.html",
        {
            "group": group,
            "room": room,
            "posts": with_links(recent),
            "last_id": recent[-1].pk if recent else 0,
            "form": form,
            "can_send": can_post_live(request.user, group, room),
            "can_connect": can_join_live_room(request.user, group),
            "can_manage": can_manage_live_room(request.user, group),
            "cannot_post_because": why_cannot_post_in(request.user, group),
            "participation": _participation(request, group),
            "viewer_id": request.user.pk,
            "links_allowed": group.organisation.allows_links,
            "topics": Topic.choices,
        },
        status=status,
    )


@login_required
@require_GET
def live_room(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = _readable_group(request, group_id)
    return _render_live(request, group, LiveMessageForm(initial=_new_client_id()))


@login_required
@require_POST
def live_send(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    """The live room's plain form, for when the socket is not available."""
    group = _readable_group(request, group_id)
    form = LiveMessageForm(request.POST)
    if form.is_valid():
        try:
            post, _ = actions.post_live_message(
                person=request.user, group=group, **form.cleaned_data
            )
        except PermissionDenied as error:
            form.add_error(None, _why_refused(error))
        except ValidationError as error:
            form.add_error(None, error)
            _send_again_with_new_client_id(form)
        else:
            if post.is_held:
                messages.info(
                    request,
                    "Your message is saved and waiting for a quick check before "
                    "others see it.",
                )
            return redirect("conversations:live-room", group_id=group.pk)
    return _render_live(request, group, form, status=400)


@login_required
@require_POST
def room_manage(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = get_group_for(request.user, group_id)
    form = RoomSettingsForm(request.POST)
    if not can_manage_live_room(request.user, group):
        raise PermissionDenied
    if form.is_valid():
        action = form.cleaned_data["action"]
        if action == "open":
            actions.open_live_room(person=request.user, group=group)
            messages.success(request, "The room is open.")
        elif action == "close":
            actions.close_live_room(person=request.user, group=group)
            messages.success(request, "The room is closed. Everything said stays here.")
        else:
            actions.set_room_always_open(
                person=request.user,
                group=group,
                is_always_open=action == "always_open",
            )
            messages.success(request, "The room setting is saved.")
    return redirect("conversations:live-room", group_id=group.pk)


@login_required
@require_GET
def step_away(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = _readable_group(request, group_id)
    return render(request, "conversations/step_away.html", {"group": group})


@login_required
@require_http_methods(["GET", "POST"])
def participation_edit(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = _readable_group(request, group_id)
    form = ParticipationForm(
        request.POST or None, instance=_participation(request, group)
    )
    if request.method == "POST" and form.is_valid():
        actions.update_participation(
            person=request.user,
            group=group,
            is_just_listening=form.cleaned_data["is_just_listening"],
            is_named_when_here=form.cleaned_data["is_named_when_here"],
        )
        messages.success(request, "Saved. Only you can see this choice.")
        return redirect("conversations:thread-list", group_id=group.pk)
    return render(
        request, "conversations/participation.html", {"group": group, "form": form}
    )
