"""Conversation pages: threads, replies, responses, the live room (which also works
without JavaScript), stepping away, and each person's private choices.
Views translate; permissions decide; actions write."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alongside.core.requests import AuthenticatedRequest
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.permissions import get_group_for

from . import actions
from .forms import (
    EditPostForm,
    LiveMessageForm,
    ParticipationForm,
    ReplyForm,
    ResponseForm,
    RoomSettingsForm,
    ThreadForm,
    TopicFiltersForm,
)
from .models import (
    Kind,
    Participation,
    Post,
    PostQuerySet,
    Response,
    ResponseKind,
    Thread,
    Topic,
    TopicFilter,
)
from .permissions import (
    can_join_live_room,
    can_manage_live_room,
    can_post_in,
    can_post_live,
    can_reply_in,
    check_delete_post,
    check_edit_post,
    check_post_in,
    check_read_group_conversations,
    get_post_for,
    get_thread_for,
    live_posts_visible_to,
    responses_offered_for,
    room_of,
    thread_posts_visible_to,
    threads_visible_to,
    why_cannot_post_in,
)

LIVE_HISTORY_SHOWN = 100
# Enough to read back a while, small enough that a long conversation opens at once
# (forums that people find easy to follow show a screenful or two at a time).
REPLIES_PER_PAGE = 30
# The newest page takes in a few left over rather than open on one or two replies.
REPLY_ORPHANS = 10


def _readable_group(request: AuthenticatedRequest, group_id: int) -> PeerGroup:
    group = get_group_for(request.user, group_id)
    check_read_group_conversations(request.user, group)
    return group


def _hidden_topics(request: AuthenticatedRequest) -> set[str]:
    return TopicFilter.objects.topics_hidden_by(request.user)


def _participation(request: AuthenticatedRequest, group: PeerGroup) -> Participation:
    found = Participation.objects.filter(person=request.user, group=group).first()
    return found or Participation(person=request.user, group=group)


def _new_client_id() -> dict[str, Any]:
    return {"client_id": uuid.uuid4()}


def _why_refused(error: PermissionDenied) -> str:
    """Something changed while the person wrote (a break, a pause, a new agreement
    to read): their words come back with the reason."""
    return str(error) or "You cannot write here just now."


def _send_again_with_new_client_id(form: Any) -> None:
    """After a refused send the words stay in the form, under a fresh client id, so
    that sending again makes a new post."""
    data = form.data.copy()
    data["client_id"] = str(uuid.uuid4())
    form.data = data


@login_required
@require_GET
def thread_list(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = _readable_group(request, group_id)
    opening = Post.objects.in_thread_order(OuterRef("pk"))
    threads = (
        threads_visible_to(request.user, group)
        .with_author_name()
        .annotate(
            opening_kind=Subquery(opening.values("kind")[:1]),
            opening_warning=Subquery(opening.values("content_warning")[:1]),
        )
    )
    hidden = _hidden_topics(request)
    if hidden:
        threads = threads.exclude(opening_warning__in=hidden)
    shown = list(threads[:200])
    for thread in shown:
        kind, warning = thread.opening_kind, thread.opening_warning  # type: ignore[attr-defined]
        thread.kind_label = Kind(kind).label if kind in Kind.values else ""  # type: ignore[attr-defined]
        thread.warning_label = Topic(warning).label if warning in Topic.values else ""  # type: ignore[attr-defined]
    return render(
        request,
        "conversations/thread_list.html",
        {
            "group": group,
            "threads": shown,
            "can_post": can_post_in(request.user, group),
            "cannot_post_because": why_cannot_post_in(request.user, group),
            "participation": _participation(request, group),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def thread_create(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = _readable_group(request, group_id)
    form = ThreadForm(request.POST or None, initial=_new_client_id())
    status = 200
    if request.method == "GET":
        check_post_in(request.user, group)
    elif form.is_valid():
        try:
            thread = actions.start_thread(
                person=request.user, group=group, **form.cleaned_data
            )
        except PermissionDenied as error:
            form.add_error(None, _why_refused(error))
            status = 403
        except ValidationError as error:
            form.add_error(None, error)
            _send_again_with_new_client_id(form)
        else:
            return redirect(
                "conversations:thread-detail", group_id=group.pk, thread_id=thread.pk
            )
    return render(
        request,
        "conversations/thread_create.html",
        {"group": group, "form": form},
        status=status,
    )


def _add_responses(request: AuthenticatedRequest, posts: list[Post]) -> list[Post]:
    """Each post's responses in a fixed order, and which of them are the person's."""
    prefetch_related_objects(
        posts,
        Prefetch(
            "responses",
            queryset=Response.objects.only("post_id", "person_id", "kind"),
            to_attr="response_rows",
        ),
    )
    order = list(ResponseKind.values)
    for post in posts:
        rows = getattr(post, "response_rows", [])
        given = {row.kind for row in rows}
        post.response_kinds = [  # type: ignore[attr-defined]
            (kind, ResponseKind(kind).label) for kind in order if kind in given
        ]
        post.my_responses = {  # type: ignore[attr-defined]
            row.kind for row in rows if row.person_id == request.user.pk
        }
        post.response_choices = [  # type: ignore[attr-defined]
            (kind, ResponseKind(kind).label) for kind in responses_offered_for(post)
        ]
    return posts


def _add_links(group: PeerGroup, posts: list[Post]) -> list[Post]:
    """Each post's own links, built from one look-up per kind of link rather than one
    per post: a long conversation would otherwise spend its time resolving URLs."""
    shapes = {
        "edit_url": "conversations:post-edit",
        "delete_url": "conversations:post-delete",
        "respond_url": "conversations:post-respond",
        "report_url": "safety:post-report",
    }
    made = {
        attribute: reverse(name, args=[group.pk, 0]).rsplit("/0/", 1)
        for attribute, name in shapes.items()
    }
    for post in posts:
        for attribute, (head, tail) in made.items():
            setattr(post, attribute, f"{head}/{post.pk}/{tail}")
    return posts


@dataclass(frozen=True)
class ThreadPage:
    """What one page of a conversation shows: the opening (on every page, so the
    conversation keeps its context), and one page of the replies."""

    opening: Post | None
    replies: list[Post]
    page: Page[Post]


def _visible_in_thread(request: AuthenticatedRequest, thread: Thread) -> PostQuerySet:
    return thread_posts_visible_to(request.user, thread).without_hidden_topics(
        _hidden_topics(request)
    )


def _page_holding(visible: PostQuerySet, opening: Post | None, post_id: int) -> int:
    """The number of the page of replies that holds this post (counted from the
    oldest, so a page keeps its replies as new ones arrive). Past the last page
    means the last page, which takes in the replies left over."""
    if opening is None or post_id <= opening.pk:
        return 0
    earlier = visible.filter(pk__gt=opening.pk, pk__lt=post_id).count()
    return earlier // REPLIES_PER_PAGE + 1


def _thread_page(
    request: AuthenticatedRequest,
    group: PeerGroup,
    thread: Thread,
    number: str | None = None,
    post_id: int | None = None,
) -> ThreadPage:
    """One page of replies: the page asked for, else the one holding the post asked
    for, else the newest (where people expect to carry on)."""
    visible = _visible_in_thread(request, thread)
    opening = visible.with_author_name().first()
    replies = (
        visible.filter(pk__gt=opening.pk) if opening is not None else visible.none()
    )
    paginator = Paginator(
        replies.with_author_name(), REPLIES_PER_PAGE, orphans=REPLY_ORPHANS
    )
    if number is None and post_id is not None:
        number = str(_page_holding(visible, opening, post_id) or "") or None
    page = paginator.get_page(number if number is not None else paginator.num_pages)
    shown = list(page.object_list)
    everything = [*([opening] if opening is not None else []), *shown]
    _add_responses(request, everything)
    _add_links(group, everything)
    return ThreadPage(opening=opening, replies=shown, page=page)


def _post_id_asked(request: AuthenticatedRequest) -> int | None:
    asked = request.GET.get("post", "")
    return int(asked) if asked.isdigit() else None


@login_required
@require_GET
def thread_detail(
    request: AuthenticatedRequest, group_id: int, thread_id: int
) -> HttpResponse:
    """A page of the conversation. `?page=N` asks for a page of replies, `?post=N`
    for the page holding that post; without either, the newest replies."""
    group = _readable_group(request, group_id)
    thread = get_thread_for(request.user, group, thread_id)
    shown = _thread_page(
        request, group, thread, request.GET.get("page"), _post_id_asked(request)
    )
    if request.htmx and request.GET.get("earlier"):
        return render(
            request,
            "conversations/thread_detail.html#earlier-replies",
            _thread_context(request, group, thread, shown),
        )
    return _render_thread(
        request, group, thread, ReplyForm(initial=_new_client_id()), shown
    )


def _thread_context(
    request: AuthenticatedRequest, group: PeerGroup, thread: Thread, shown: ThreadPage
) -> dict[str, Any]:
    # can_post_in is exactly "no reason not to": asked once, the page reads the
    # posting rule's facts once.
    cannot_post_because = why_cannot_post_in(request.user, group)
    return {
        "group": group,
        "thread": thread,
        "opening": shown.opening,
        "replies": shown.replies,
        "page": shown.page,
        "can_post": cannot_post_because is None,
        "viewer_id": request.user.pk,
        "cannot_post_because": cannot_post_because,
        "response_choices": ResponseKind.choices,
        "links_allowed": group.organisation.allows_links,
    }


def _render_thread(
    request: AuthenticatedRequest,
    group: PeerGroup,
    thread: Thread,
    form: ReplyForm,
    shown: ThreadPage | None = None,
    status: int = 200,
) -> HttpResponse:
    if shown is None:
        shown = _thread_page(request, group, thread)
    return render(
        request,
        "conversations/thread_detail.html",
        {
            **_thread_context(request, group, thread, shown),
            "form": form,
            "can_reply": can_reply_in(request.user, thread),
            "participation": _participation(request, group),
        },
        status=status,
    )


@login_required
@require_POST
def post_reply(
    request: AuthenticatedRequest, group_id: int, thread_id: int
) -> HttpResponse:
    group = _readable_group(request, group_id)
    thread = get_thread_for(request.user, group, thread_id)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            post = actions.reply_to_thread(
                person=request.user, thread=thread, **form.cleaned_data
            )
        except PermissionDenied as error:
            form.add_error(None, _why_refused(error))
            return _render_thread(request, group, thread, form, status=403)
        except ValidationError as error:
            form.add_error(None, error)
            _send_again_with_new_client_id(form)
        else:
            if post.is_held:
                messages.info(
                    request,
                    "Your reply is saved and waiting for a quick check before others "
                    "see it. Nothing is lost.",
                )
            return redirect(_place_of(post))
    return _render_thread(request, group, thread, form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def post_edit(
    request: AuthenticatedRequest, group_id: int, post_id: int
) -> HttpResponse:
    group = _readable_group(request, group_id)
    post = get_post_for(request.user, group, post_id)
    # Changes sent after the person's posting stopped (a break, a pause, a new
    # agreement to read) come back with the reason; other refusals are the usual.
    refusal = why_cannot_post_in(request.user, group)
    is_own = post.author_id == request.user.pk and not post.is_deleted
    if request.method == "GET" or not is_own or refusal is None:
        check_edit_post(request.user, post)
    initial = {
        "body": post.body,
        "content_warning": request.GET.get("warning", post.content_warning),
        "content_warning_text": post.content_warning_text,
    }
    if initial["content_warning"] not in Topic.values:
        initial["content_warning"] = post.content_warning
    form = EditPostForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST" and refusal is not None:
        form.is_valid()
        form.add_error(None, refusal)
        status = 403
    elif request.method == "POST" and form.is_valid():
        actions.edit_post(person=request.user, post=post, **form.cleaned_data)
        messages.success(request, "Your changes are saved.")
        return redirect(_place_of(post))
    return render(
        request,
        "conversations/post_edit.html",
        {"group": group, "post": post, "form": form, "back": _place_of(post)},
        status=status,
    )


def _place_of(post: Post) -> str:
    """Where the post is shown: in a conversation, the page of replies that holds
    it as the person sees the conversation (`?post=`), worked out when it opens."""
    if post.thread_id is not None:
        place = reverse(
            "conversations:thread-detail",
            kwargs={"group_id": post.group_id, "thread_id": post.thread_id},
        )
        return f"{place}?post={post.pk}#post-{post.pk}"
    return reverse("conversations:live-room", kwargs={"group_id": post.group_id})


@login_required
@require_http_methods(["GET", "POST"])
def post_delete(
    request: AuthenticatedRequest, group_id: int, post_id: int
) -> HttpResponse:
    group = _readable_group(request, group_id)
    post = get_post_for(request.user, group, post_id)
    if (
        request.method == "POST"
        and post.is_deleted
        and post.author_id == request.user.pk
    ):
        # Sent twice (a double click, a slow connection): the first one removed it.
        messages.success(request, "Your post is removed.")
        return redirect(_place_of(post))
    check_delete_post(request.user, post)
    if request.method == "POST":
        actions.delete_post(person=request.user, post=post)
        messages.success(request, "Your post is removed.")
        return redirect(_place_of(post))
    return render(
        request,
        "conversations/post_delete.html",
        {"group": group, "post": post, "back": _place_of(post)},
    )


@login_required
@require_POST
def post_respond(
    request: AuthenticatedRequest, group_id: int, post_id: int
) -> HttpResponse:
    group = _readable_group(request, group_id)
    post = get_post_for(request.user, group, post_id)
    form = ResponseForm(request.POST)
    if not form.is_valid():
        return redirect(_place_of(post))
    try:
        actions.toggle_response(
            person=request.user, post=post, kind=form.cleaned_data["kind"]
        )
    except ValidationError as refused:  # a response not offered for this post
        messages.info(request, refused.messages[0])
        return redirect(_place_of(post))
    if request.htmx and post.thread_id is not None:
        thread = get_thread_for(request.user, group, post.thread_id)
        shown = (
            _visible_in_thread(request, thread)
            .filter(pk=post.pk)
            .with_author_name()
            .first()
        )
        if shown is None:
            # Folded away by the person's own topic choices, or removed meanwhile.
            messages.info(request, "Saved. That post is not shown to you here now.")
            response = HttpResponse()
            # The conversation itself: the post is not shown to them there.
            response["HX-Redirect"] = _place_of(post).split("?")[0]
            return response
        _add_responses(request, [shown])
        _add_links(group, [shown])
        return render(
            request,
            "conversations/thread_detail.html#post-responses",
            {
                "post": shown,
                "group": group,
                "response_choices": ResponseKind.choices,
                "can_post": True,
                "viewer_id": request.user.pk,
            },
        )
    return redirect(_place_of(post))


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
            "posts": recent,
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


@login_required
@require_http_methods(["GET", "POST"])
def filters_edit(request: AuthenticatedRequest) -> HttpResponse:
    """Public to every signed-in person: the choices are their own."""
    current = dict(
        TopicFilter.objects.filter(person=request.user).values_list("topic", "choice")
    )
    form = TopicFiltersForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        actions.set_topic_filters(person=request.user, choices=form.cleaned_data)
        messages.success(request, "Your choices are saved. Only you can see them.")
        return redirect("conversations:filters-edit")
    return render(request, "conversations/filters.html", {"form": form})
