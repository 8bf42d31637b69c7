"""The facilitators' pages: adding a meeting, moving or cancelling one occurrence,
and the head count."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from alongside.core.requests import AuthenticatedRequest
from alongside.meetings import actions
from alongside.meetings.forms import HeadCountForm, MeetingForm, MoveForm
from alongside.meetings.permissions import check_manage_meetings, venues_visible_to
from alongside.meetings.views.pages import (
    group_or_404,
    occurrence_or_404,
    render_detail,
)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = group_or_404(request, group_id)
    check_manage_meetings(request.user, group)
    form = MeetingForm(request.POST or None, organisation=group.organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.create_meeting(
                person=request.user,
                group=group,
                schedule=form.schedule(),
                place=actions.Place(
                    format=data["format"],
                    venue=data.get("venue"),
                    online_place=data.get("online_place") or "",
                    online_link=data.get("online_link") or "",
                    in_person_host=data.get("in_person_host") or "",
                    online_host=data.get("online_host") or "",
                ),
                is_shown_to_newcomers=data["is_shown_to_newcomers"],
                capacity=data.get("capacity"),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "The meeting is in the group's calendar.")
            return redirect("meetings:meeting-list", group_id=group.pk)
    return render(
        request,
        "meetings/create.html",
        {
            "group": group,
            "form": form,
            "has_venues": venues_visible_to(request.user, group.organisation).exists(),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def occurrence_move(
    request: AuthenticatedRequest, group_id: int, occurrence_id: int
) -> HttpResponse:
    group, occurrence = occurrence_or_404(request, group_id, occurrence_id)
    check_manage_meetings(request.user, group)
    if request.method == "GET":
        return render_detail(request, group, occurrence)
    form = MoveForm(request.POST)
    if form.is_valid():
        try:
            actions.move_occurrence(
                person=request.user,
                occurrence=occurrence,
                starts_on=form.cleaned_data["starts_on"],
                local_start_time=form.cleaned_data["local_start_time"],
                duration_minutes=form.cleaned_data["duration_minutes"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, "That meeting has moved. The rest of the series is as it was."
            )
            return redirect(
                "meetings:occurrence-detail",
                group_id=group.pk,
                occurrence_id=occurrence.pk,
            )
    return render_detail(request, group, occurrence, status=400, move_form=form)


@login_required
@require_POST
def occurrence_cancel(
    request: AuthenticatedRequest, group_id: int, occurrence_id: int
) -> HttpResponse:
    group, occurrence = occurrence_or_404(request, group_id, occurrence_id)
    try:
        actions.cancel_occurrence(person=request.user, occurrence=occurrence)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            "That meeting is cancelled. The rest of the series is as it was, and "
            "people who chose reminders will hear.",
        )
    return redirect(
        "meetings:occurrence-detail", group_id=group.pk, occurrence_id=occurrence.pk
    )


@login_required
@require_POST
def head_count_save(
    request: AuthenticatedRequest, group_id: int, occurrence_id: int
) -> HttpResponse:
    group, occurrence = occurrence_or_404(request, group_id, occurrence_id)
    check_manage_meetings(request.user, group)
    form = HeadCountForm(request.POST)
    if form.is_valid():
        try:
            actions.record_head_count(
                person=request.user,
                occurrence=occurrence,
                head_count=form.cleaned_data["head_count"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Thank you, the head count is kept.")
    else:
        messages.error(request, "Please enter a number between 0 and 500.")
    return redirect(
        "meetings:occurrence-detail", group_id=group.pk, occurrence_id=occurrence.pk
    )
