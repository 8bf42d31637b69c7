"""Private conversation pages: the inbox, one conversation (live, with a plain form
that works without JavaScript), writing to the team first, the earlier messages
read through the logged staff read, leaving, asking for someone else, joining one
that waits for someone, and sharing a held message. Views translate; permissions
decide; actions write."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest
from alongside.organisations.permissions import get_organisation_for

from . import actions
from .forms import MessageForm
from .models import Conversation, Message, Participant, Side
from .permissions import (
    can_ask_for_someone_else,
    can_message_team,
    can_write,
    check_ask_for_someone_else,
    check_message_team,
    check_read,
    conversations_visible_to,
    earlier_messages_for,
    get_conversation_for,
    get_waiting_conversation_for,
    messages_visible_to,
    organisations_to_message,
    waiting_conversations_for,
)

SHOWN = 200


def _fresh_client_id(form: MessageForm) -> None:
    """After a refused send the words stay in the form, under a fresh client id, so
    that sending again makes a new message."""
    data = form.data.copy()  # type: ignore[attr-defined]
    data["client_id"] = str(uuid.uuid4())
    form.data = data


@login_required
@require_GET
def inbox(request: AuthenticatedRequest) -> HttpResponse:
    person = request.user
    places = Participant.objects.filter(
        person=person, conversation=OuterRef("pk"), left_at__isnull=True
    )
    unread = Message.objects.filter(
        conversation=OuterRef("pk"),
        pk__gt=OuterRef("my_last_read"),
    ).exclude(author=person)
    conversations = list(
        conversations_visible_to(person)
        .select_related("organisation")
        .annotate(my_last_read=places.values("last_read_message_id")[:1])
        .annotate(my_side=places.values("side")[:1])
        .annotate(has_unread=Exists(unread))
        .prefetch_related("participants")[:SHOWN]
    )
    waiting = list(
        waiting_conversations_for(person).select_related("organisation")[:SHOWN]
    )
    if waiting:
        ensure_second_factor(request)
    return render(
        request,
        "privateconversations/inbox.html",
        {
            "conversations": conversations,
            "waiting": waiting,
            # Where they already talk with the team, the conversation carries on.
            "organisations": list(
                organisations_to_message(person).exclude(
                    pk__in=conversations_visible_to(person)
                    .open()
                    .filter(person=person)
                    .values("organisation_id")
                )
            ),
        },
    )


def _render_detail(
    request: AuthenticatedRequest,
    conversation: Conversation,
    form: MessageForm,
    *,
    status: int = 200,
) -> HttpResponse:
    place = check_read(request.user, conversation)
    shown = list(
        messages_visible_to(request.user, conversation).order_by("-pk")[:SHOWN]
    )[::-1]
    last_id = shown[-1].pk if shown else place.reads_from_message_id
    if shown:
        actions.mark_read(person=request.user, conversation=conversation, up_to=last_id)
    # Only someone from the team looks at a held message: never the other of a
    # one-to-one pair, nor the person a team member is writing to.
    waiting_to_share = [
        m
        for m in shown
        if m.is_held and m.author_id != request.user.pk and place.side == Side.TEAM
    ]
    return render(
        request,
        "privateconversations/detail.html",
        {
            "conversation": conversation,
            "place": place,
            "messages_shown": shown,
            "last_id": last_id,
            "form": form,
            "can_write": can_write(request.user, conversation),
            "can_ask_for_someone_else": can_ask_for_someone_else(
                request.user, conversation
            ),
            "has_earlier": earlier_messages_for(request.user, conversation).exists(),
            "team": [
                p
                for p in conversation.participants.all()
                if p.side == Side.TEAM and p.left_at is None
            ],
            "viewer_id": request.user.pk,
            "viewer_side": place.side,
            "waiting_to_share": waiting_to_share,
        },
        status=status,
    )


def _conversation(request: AuthenticatedRequest, conversation_id: int) -> Conversation:
    """The conversation, for someone in it; staff in it take the second step."""
    conversation = get_conversation_for(request.user, conversation_id)
    actions.settle_team(conversation=conversation)
    place = check_read(request.user, conversation)
    if place.side == Side.TEAM:
        ensure_second_factor(request)
    return conversation


@login_required
@require_GET
def conversation_detail(
    request: AuthenticatedRequest, conversation_id: int
) -> HttpResponse:
    conversation = _conversation(request, conversation_id)
    return _render_detail(request, conversation, MessageForm())


@login_required
@require_POST
def message_send(request: AuthenticatedRequest, conversation_id: int) -> HttpResponse:
    """The plain form, for when the socket is not there (or no JavaScript)."""
    conversation = _conversation(request, conversation_id)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            message, _ = actions.send_message(
                person=request.user, conversation=conversation, **form.cleaned_data
            )
        except PermissionDenied as error:
            form.add_error(None, str(error) or "This could not be sent.")
        except ValidationError as error:
            form.add_error(None, error.messages[0])
            _fresh_client_id(form)
        else:
            if message.is_held:
                messages.info(
                    request,
                    "Your message is saved and waiting for a quick check. Nothing "
                    "is lost.",
                )
            return redirect(
                "privateconversations:conversation-detail",
                conversation_id=conversation.pk,
            )
    return _render_detail(request, conversation, form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def team_message(request: AuthenticatedRequest, organisation_slug: str) -> HttpResponse:
    """A peer writes to the team first, where the organisation allows it."""
    organisation = get_organisation_for(request.user, organisation_slug)
    if not can_message_team(request.user, organisation):
        raise PermissionDenied
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            check_message_team(request.user, organisation)
            message, _ = actions.message_team(
                person=request.user, organisation=organisation, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error.messages[0])
            _fresh_client_id(form)
        else:
            messages.success(
                request,
                "Sent. Someone from the team will reply here; you will see a notice "
                "when they do.",
            )
            return redirect(
                "privateconversations:conversation-detail",
                conversation_id=message.conversation_id,
            )
    return render(
        request,
        "privateconversations/team_message.html",
        {"organisation": organisation, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def earlier_messages(
    request: AuthenticatedRequest, conversation_id: int
) -> HttpResponse:
    """What was said before someone from the team joined. Reading it is recorded,
    and the person sees it in "Who else has seen my words"."""
    conversation = _conversation(request, conversation_id)
    if not earlier_messages_for(request.user, conversation).exists():
        raise Http404
    shown = actions.read_earlier_messages(
        person=request.user, conversation=conversation
    )
    return render(
        request,
        "privateconversations/earlier.html",
        {
            "conversation": conversation,
            "messages_shown": shown,
            "viewer_id": request.user.pk,
            "viewer_side": Side.TEAM,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def conversation_leave(
    request: AuthenticatedRequest, conversation_id: int
) -> HttpResponse:
    conversation = _conversation(request, conversation_id)
    place = check_read(request.user, conversation)
    if request.method == "POST":
        actions.leave_conversation(person=request.user, conversation=conversation)
        messages.success(request, "You have left the conversation.")
        return redirect("privateconversations:inbox")
    return render(
        request,
        "privateconversations/leave.html",
        {"conversation": conversation, "place": place},
    )


@login_required
@require_http_methods(["GET", "POST"])
def someone_else(request: AuthenticatedRequest, conversation_id: int) -> HttpResponse:
    """The person asks for someone else from the team."""
    conversation = _conversation(request, conversation_id)
    try:
        check_ask_for_someone_else(request.user, conversation)
        if request.method == "POST":
            actions.ask_for_someone_else(person=request.user, conversation=conversation)
    except PermissionDenied as error:
        if not str(error):
            raise
        # Asked already (a double click, or asking again): said kindly.
        messages.info(request, str(error))
        return redirect(
            "privateconversations:conversation-detail", conversation_id=conversation.pk
        )
    if request.method == "POST":
        messages.success(
            request,
            "Done. Someone else from the team will join you here. Nobody is upset "
            "with you for asking.",
        )
        return redirect(
            "privateconversations:conversation-detail", conversation_id=conversation.pk
        )
    return render(
        request,
        "privateconversations/someone_else.html",
        {"conversation": conversation},
    )


@login_required
@require_http_methods(["GET", "POST"])
def waiting_detail(request: AuthenticatedRequest, conversation_id: int) -> HttpResponse:
    """A conversation waiting for someone from the team: labels only until they
    join (a double click, or someone else joining first, lands in it)."""
    existing = conversations_visible_to(request.user).filter(pk=conversation_id).first()
    if existing is not None:
        return redirect(
            "privateconversations:conversation-detail", conversation_id=existing.pk
        )
    conversation = get_waiting_conversation_for(request.user, conversation_id)
    ensure_second_factor(request)
    if request.method == "POST":
        actions.join_conversation(person=request.user, conversation=conversation)
        return redirect(
            "privateconversations:conversation-detail", conversation_id=conversation.pk
        )
    return render(
        request, "privateconversations/waiting.html", {"conversation": conversation}
    )


@login_required
@require_POST
def held_share(
    request: AuthenticatedRequest, conversation_id: int, message_id: int
) -> HttpResponse:
    conversation = _conversation(request, conversation_id)
    message = (
        messages_visible_to(request.user, conversation).filter(pk=message_id).first()
    )
    if message is None:
        raise Http404
    if message.is_held:
        actions.share_held_message(person=request.user, message=message)
    return redirect(
        "privateconversations:conversation-detail", conversation_id=conversation.pk
    )
