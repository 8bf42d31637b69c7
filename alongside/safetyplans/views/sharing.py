"""Sharing: the owner's shares and their views, stopping one, and the copies a named
person or a link holder opens (the link's page is the only one here open without
signing in)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alongside.core.requests import AuthenticatedRequest

from .. import actions
from ..forms import LINK, ShareForm
from ..models import PlanShare, SafetyPlan
from ..permissions import (
    get_link_share,
    get_own_share,
    get_share_for,
    plan_of,
    share_an_organisation,
)
from ..permissions import shares_visible_to as shares_with
from ..sections import shown_sections
from .common import PlanLocked, open_plan, owner_context, unlock_page


def _share_rows(plan: SafetyPlan | None) -> list[tuple[PlanShare, bool]]:
    """Each share, and whether its named person can still open it (they, or the
    owner, may have left the organisation since)."""
    if plan is None:
        return []
    shares = plan.shares.select_related("recipient").prefetch_related("views")
    return [
        (
            share,
            share.recipient is None
            or share_an_organisation(plan.owner, share.recipient),
        )
        for share in shares
    ]


@login_required
@require_http_methods(["GET", "POST"])
def share_list(request: AuthenticatedRequest) -> HttpResponse:
    try:
        plan = open_plan(request)
    except PlanLocked:
        return unlock_page(request)
    form = ShareForm(
        request.POST or None,
        owner=request.user,
        initial={"days": actions.DEFAULT_LINK_DAYS},
    )
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["kind"] == LINK:
                actions.share_by_link(
                    person=request.user,
                    days=form.link_days,
                    shown_as=form.cleaned_data["shown_as"],
                )
                messages.success(request, "Your link is ready: copy it from the list.")
            else:
                assert form.recipient is not None
                actions.share_with_person(
                    person=request.user,
                    recipient=form.recipient,
                    shown_as=form.cleaned_data["shown_as"],
                )
                messages.success(
                    request, "Shared. They will find it in their notifications."
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("safetyplans:share-list")
    plan = plan_of(request.user)
    return render(
        request,
        "safetyplans/sharing.html",
        {**owner_context(request, plan), "form": form, "shares": _share_rows(plan)},
    )


@login_required
@require_POST
def share_revoke(request: AuthenticatedRequest, share_id: int) -> HttpResponse:
    share = get_own_share(request.user, share_id)
    try:
        open_plan(request)
    except PlanLocked:
        return unlock_page(request)
    actions.revoke_share(person=request.user, share=share)
    messages.success(request, "Stopped. Nobody can open that share any more.")
    return redirect("safetyplans:share-list")


@login_required
@require_GET
def shared_list(request: AuthenticatedRequest) -> HttpResponse:
    return render(
        request,
        "safetyplans/shared_list.html",
        {"shares": list(shares_with(request.user).order_by("-created_at"))},
    )


def _shared_copy(
    request: HttpRequest, share: PlanShare, *, is_link: bool
) -> HttpResponse:
    actions.record_share_view(share=share)
    owner = share.plan.owner
    content = actions.current_content(share.plan)
    response = render(
        request,
        "safetyplans/shared.html",
        {
            "share": share,
            "is_link": is_link,
            "sections": shown_sections(content, owner),
            "is_empty": content.is_empty,
        },
    )
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_required
@require_GET
def shared_detail(request: AuthenticatedRequest, share_id: int) -> HttpResponse:
    share = get_share_for(request.user, share_id)
    return _shared_copy(request, share, is_link=False)


@require_GET
def link_view(request: HttpRequest, token: str) -> HttpResponse:
    """Public on purpose: the owner gave this link to someone. It answers 404 once
    revoked or expired, as for any unknown link."""
    share = get_link_share(token)
    return _shared_copy(request, share, is_link=True)
