"""Reporting a post, and an author's own held post: removing details and appealing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from alongside.conversations.models import PostStatus
from alongside.core.requests import AuthenticatedRequest
from alongside.safety import actions
from alongside.safety.agreement_items import item_choices
from alongside.safety.forms import (
    AppealForm,
    ReportForm,
)
from alongside.safety.permissions import (
    check_appeal,
    check_report,
)
from alongside.safety.views.lookups import place_of, readable_post


@login_required
@require_http_methods(["GET", "POST"])
def post_report(
    request: AuthenticatedRequest, group_id: int, post_id: int
) -> HttpResponse:
    post = readable_post(request, group_id, post_id)
    check_report(request.user, post)
    form = ReportForm(request.POST or None, agreement_items=item_choices(post.group))
    if request.method == "POST" and form.is_valid():
        try:
            actions.report_post(person=request.user, post=post, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                "Thank you for telling us. A facilitator will look at it, and we'll "
                "let you know when they have. The person who wrote it won't know it "
                "was you.",
            )
            return redirect(place_of(post))
    return render(
        request,
        "safety/report.html",
        {"post": post, "group": post.group, "form": form, "back": place_of(post)},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def post_redact(
    request: AuthenticatedRequest, group_id: int, post_id: int
) -> HttpResponse:
    post = readable_post(request, group_id, post_id)
    post = actions.redact_own_post(person=request.user, post=post)
    if post.is_held:
        messages.info(
            request,
            "The details are removed. It is still waiting for a quick check; "
            "nothing is lost.",
        )
    else:
        messages.success(request, "The details are removed and your post is shared.")
    return redirect(place_of(post))


@login_required
@require_http_methods(["GET", "POST"])
def post_appeal(
    request: AuthenticatedRequest, group_id: int, post_id: int
) -> HttpResponse:
    post = readable_post(request, group_id, post_id)
    if post.author_id == request.user.pk and post.status == PostStatus.PUBLISHED:
        # An older page: a facilitator has shared it since.
        messages.info(
            request, "A facilitator has already looked at it, and it is shared now."
        )
        return redirect(place_of(post))
    check_appeal(request.user, post)
    form = AppealForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.appeal_hold(person=request.user, post=post, **form.cleaned_data)
        messages.success(
            request,
            "Thank you. A facilitator will look at it again and let you know.",
        )
        return redirect(place_of(post))
    return render(
        request,
        "safety/appeal.html",
        {"post": post, "group": post.group, "form": form, "back": place_of(post)},
    )
