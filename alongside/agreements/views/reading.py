"""Reading the agreement: the page, print and PDF, its history and versions, and
confirming it or asking to talk first."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from alongside.core.requests import AuthenticatedRequest

from .. import actions
from ..changes import compare_versions
from ..contents import contents_of
from ..models import AgreementVersion, ReadingChoice
from ..pdf import render_pdf
from ..permissions import (
    can_facilitate_agreement,
    can_propose,
    can_record_reading,
    can_take_part,
    check_take_part,
    get_version_for,
    has_confirmed_current_agreement,
    has_read_latest_version,
    proposals_visible_to,
    reading_shown_to,
)
from ..starter import STARTER_QUESTIONS
from .lookups import group_with_agreement


@login_required
@require_GET
def agreement_detail(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = group_with_agreement(request, group_id)
    person = request.user
    contents = contents_of(group)
    taking_part = can_take_part(person, group)
    reading = reading_shown_to(person, group, contents.version)
    return render(
        request,
        "agreements/detail.html",
        {
            "group": group,
            "contents": contents,
            "starter_questions": STARTER_QUESTIONS,
            "taking_part": taking_part,
            "proposals": (
                proposals_visible_to(person, group).open().select_related("agreement")
            ),
            "can_propose": can_propose(person, group),
            "can_record_reading": can_record_reading(person, group),
            "can_facilitate": can_facilitate_agreement(person, group),
            "has_confirmed": has_confirmed_current_agreement(person, group),
            "has_read_latest": has_read_latest_version(person, group),
            "reading": reading,
        },
    )


@login_required
@require_GET
def agreement_print(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = group_with_agreement(request, group_id)
    return render(
        request,
        "agreements/print.html",
        {"group": group, "contents": contents_of(group)},
    )


@login_required
@require_GET
def agreement_pdf(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = group_with_agreement(request, group_id)
    response = HttpResponse(
        render_pdf(contents_of(group).printable()), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="group-agreement-{group.pk}.pdf"'
    )
    return response


@login_required
@require_GET
def version_list(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = group_with_agreement(request, group_id)
    check_take_part(request.user, group)
    versions = AgreementVersion.objects.filter(agreement__group=group).order_by(
        "-number"
    )
    return render(
        request, "agreements/history.html", {"group": group, "versions": versions}
    )


@login_required
@require_GET
def version_detail(
    request: AuthenticatedRequest, group_id: int, number: int
) -> HttpResponse:
    group = group_with_agreement(request, group_id)
    version = get_version_for(request.user, group, number)
    before = (
        AgreementVersion.objects.filter(agreement=version.agreement, number=number - 1)
        .prefetch_related("items")
        .first()
    )
    return render(
        request,
        "agreements/version.html",
        {
            "group": group,
            "version": version,
            "comparison": compare_versions(before, version),
        },
    )


@login_required
@require_POST
def reading_confirm(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = group_with_agreement(request, group_id)
    actions.confirm_agreement(person=request.user, group=group)
    messages.success(request, "Thank you for reading the group agreement.")
    return redirect("peergroups:group-detail", group_id=group.pk)


@login_required
@require_POST
def reading_talk_first(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = group_with_agreement(request, group_id)
    reading = actions.ask_to_talk_first(person=request.user, group=group)
    if reading.choice == ReadingChoice.CONFIRMED:
        # A second click from a page open since before they confirmed.
        messages.info(
            request,
            "You have already said you have read the agreement, so nothing more "
            "was sent.",
        )
    else:
        messages.info(
            request,
            "We've quietly let a facilitator know. They'll be in touch; you're "
            "welcome to read along meanwhile.",
        )
    return redirect("peergroups:group-detail", group_id=group.pk)
