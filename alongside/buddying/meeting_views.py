"""Meetings a pair plans, for its two people: suggesting a time, the other side's yes
or no, withdrawing or cancelling it, and the supporter's check-in and check-out when
they meet in person."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from alongside.core.requests import AuthenticatedRequest

from . import actions
from .forms import MeetingForm
from .models import Match, PairMeeting
from .pair_policy import policy_for
from .permissions import (
    can_plan_meeting,
    check_cancel_meeting,
    get_match_for,
    side_in,
    why_nothing_to_check,
)
from .policy_forms import limit_meeting_formats


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request: AuthenticatedRequest, match_id: int) -> HttpResponse:
    match = get_match_for(request.user, match_id)
    if not can_plan_meeting(request.user, match):
        raise PermissionDenied
    form = MeetingForm(request.POST or None)
    limit_meeting_formats(form, policy_for(match.organisation))
    if request.method == "POST" and form.is_valid():
        try:
            meeting = actions.plan_meeting(
                person=request.user,
                match=match,
                starts_at=form.cleaned_data["starts_at"],
                minutes=form.cleaned_data["minutes"],
                format=form.cleaned_data["format"],
            )
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                # The other person had asked for the same time: that was a yes.
                "That time is agreed by you both."
                if meeting.is_agreed
                else "The meeting is suggested. It is on once the other person "
                "says yes; they have been told.",
            )
            return redirect("buddying:match-detail", match_id=match.pk)
    return render(
        request,
        "buddying/meeting_form.html",
        {"match": match, "form": form},
        status=400 if form.errors else 200,
    )


def _meeting_of(match: Match, meeting_id: int) -> PairMeeting:
    meeting = match.meetings.filter(pk=meeting_id).first()
    if meeting is None:
        raise Http404
    return meeting


@login_required
@require_http_methods(["GET", "POST"])
def meeting_cancel(
    request: AuthenticatedRequest, match_id: int, meeting_id: int
) -> HttpResponse:
    """Either of the two cancels a meeting that has not started, after a short
    confirm page. Late or twice: said kindly, nothing changed."""
    match = get_match_for(request.user, match_id)
    meeting = _meeting_of(match, meeting_id)
    try:
        check_cancel_meeting(request.user, meeting)
        if request.method == "POST":
            actions.cancel_meeting(person=request.user, meeting=meeting)
    except PermissionDenied as error:
        messages.info(request, str(error))
        return redirect("buddying:match-detail", match_id=match.pk)
    if request.method == "POST":
        messages.success(
            request, "The meeting is cancelled. The other person has been told."
        )
        return redirect("buddying:match-detail", match_id=match.pk)
    return render(
        request,
        "buddying/meeting_cancel.html",
        {"match": match, "meeting": meeting, "side": side_in(request.user, match)},
    )


def _answer_meeting(
    request: AuthenticatedRequest,
    match_id: int,
    meeting_id: int,
    action: Callable[..., PairMeeting],
    done: str,
) -> HttpResponse:
    """Say yes, say the time does not work, or withdraw: a button on the pair's
    page. A double click, an old tab or an ended pair is told kindly why nothing
    changed, on the pair's page."""
    match = get_match_for(request.user, match_id)
    meeting = _meeting_of(match, meeting_id)
    try:
        action(person=request.user, meeting=meeting)
    except PermissionDenied as error:
        messages.info(request, str(error))
    else:
        messages.success(request, done)
    return redirect(f"{reverse('buddying:match-detail', args=[match.pk])}#meetings")


@login_required
@require_POST
def meeting_agree(
    request: AuthenticatedRequest, match_id: int, meeting_id: int
) -> HttpResponse:
    """The other side says yes to a meeting asked of them."""
    return _answer_meeting(
        request,
        match_id,
        meeting_id,
        actions.agree_to_meeting,
        "Thank you. The meeting is agreed, and the other person has been told.",
    )


@login_required
@require_POST
def meeting_decline(
    request: AuthenticatedRequest, match_id: int, meeting_id: int
) -> HttpResponse:
    """The other side says the time does not work."""
    return _answer_meeting(
        request,
        match_id,
        meeting_id,
        actions.decline_meeting,
        "Thank you. The other person has been told that time does not work, so "
        "they can suggest another.",
    )


@login_required
@require_POST
def meeting_withdraw(
    request: AuthenticatedRequest, match_id: int, meeting_id: int
) -> HttpResponse:
    """The one who asked withdraws a meeting still waiting for a yes."""
    return _answer_meeting(
        request,
        match_id,
        meeting_id,
        actions.withdraw_meeting,
        "The meeting is withdrawn. The other person has been told.",
    )


@login_required
@require_POST
def meeting_check_in(
    request: AuthenticatedRequest, match_id: int, meeting_id: int
) -> HttpResponse:
    return _check_in_or_out(
        request,
        match_id,
        meeting_id,
        actions.check_in,
        "You are checked in. Please check out when you leave.",
    )


@login_required
@require_POST
def meeting_check_out(
    request: AuthenticatedRequest, match_id: int, meeting_id: int
) -> HttpResponse:
    return _check_in_or_out(
        request,
        match_id,
        meeting_id,
        actions.check_out,
        "You are checked out. Thank you.",
    )


def _check_in_or_out(
    request: AuthenticatedRequest,
    match_id: int,
    meeting_id: int,
    action: Callable[..., None],
    done: str,
) -> HttpResponse:
    """A meeting that asks for no check at all (cancelled, never agreed) is told
    kindly on the match page; anyone else refused is refused (403)."""
    match = get_match_for(request.user, match_id)
    meeting = _meeting_of(match, meeting_id)
    why = why_nothing_to_check(meeting)
    if why is not None:
        messages.info(request, why)
        return redirect("buddying:match-detail", match_id=match.pk)
    action(person=request.user, meeting=meeting)
    messages.success(request, done)
    return redirect("buddying:match-detail", match_id=match.pk)
