"""Conversations: the list, starting one, and a conversation's pages of replies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from alongside.core.requests import AuthenticatedRequest
from alongside.peergroups.models import PeerGroup

from .. import actions
from ..forms import ReplyForm, ThreadForm
from ..live import with_links
from ..models import Kind, Post, PostQuerySet, Response, ResponseKind, Thread, Topic
from ..permissions import (
    can_post_in,
    can_reply_in,
    check_post_in,
    get_thread_for,
    responses_offered_for,
    thread_posts_visible_to,
    threads_visible_to,
    why_cannot_post_in,
)
from .lookups import (
    REPLIES_PER_PAGE,
    REPLY_ORPHANS,
    _hidden_topics,
    _new_client_id,
    _participation,
    _readable_group,
    _send_again_with_new_client_id,
    _why_refused,
)


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
    with_links(everything)
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
