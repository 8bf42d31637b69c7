"""One post: replying, editing, removing one's own, and responding to someone's."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from alongside.core.requests import AuthenticatedRequest

from .. import actions
from ..forms import EditPostForm, ReplyForm, ResponseForm
from ..live import with_links
from ..models import Post, ResponseKind, Topic
from ..permissions import (
    check_delete_post,
    check_edit_post,
    get_post_for,
    get_thread_for,
    why_cannot_post_in,
)
from .lookups import _readable_group, _send_again_with_new_client_id, _why_refused
from .threads import _add_responses, _render_thread, _visible_in_thread


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
        with_links([shown])
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
