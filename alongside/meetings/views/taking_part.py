"""Taking part: saying you will come, the members' view of a venue, a meeting's
calendar file and a person's meeting choices for a group."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alongside.core.requests import AuthenticatedRequest
from alongside.meetings import actions
from alongside.meetings.calendars import calendar_of, rows_of, titles_for
from alongside.meetings.forms import MeetingChoiceForm, VenueCheckForm
from alongside.meetings.models import MeetingChoice, Occurrence
from alongside.meetings.permissions import (
    check_answer_venue_check,
    check_choose_reminders,
    check_download_calendar,
    is_secure_service,
    venue_check_blocker,
)
from alongside.meetings.views.pages import group_or_404, occurrence_or_404


@login_required
@require_POST
def rsvp_save(
    request: AuthenticatedRequest, group_id: int, occurrence_id: int
) -> HttpResponse:
    group, occurrence = occurrence_or_404(request, group_id, occurrence_id)
    try:
        if request.POST.get("choice") == "not-coming":
            actions.withdraw_coming(person=request.user, occurrence=occurrence)
            messages.success(request, "Thanks for letting us know. Nobody is told.")
        else:
            rsvp = actions.say_coming(person=request.user, occurrence=occurrence)
            messages.success(
                request,
                "You are on the waiting list. If a place comes up, you will hear "
                "privately."
                if rsvp.is_waiting
                else "Thanks. Only you can see this; nobody else sees who is coming.",
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(
        "meetings:occurrence-detail", group_id=group.pk, occurrence_id=occurrence.pk
    )


@login_required
@require_http_methods(["GET", "POST"])
def venue_check(
    request: AuthenticatedRequest, group_id: int, occurrence_id: int
) -> HttpResponse:
    group, occurrence = occurrence_or_404(request, group_id, occurrence_id)
    check_answer_venue_check(request.user, occurrence)
    form = VenueCheckForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.answer_venue_check(
                person=request.user, occurrence=occurrence, answers=form.cleaned_data
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                "Thank you. Your answers are kept without your name, and shown to "
                "staff only together with at least four others.",
            )
        return redirect(
            "meetings:occurrence-detail", group_id=group.pk, occurrence_id=occurrence.pk
        )
    return render(
        request,
        "meetings/venue_check.html",
        {
            "group": group,
            "occurrence": occurrence,
            "form": form,
            "blocker": venue_check_blocker(request.user, occurrence),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_GET
def occurrence_ics(
    request: AuthenticatedRequest, group_id: int, occurrence_id: int
) -> HttpResponse:
    group, occurrence = occurrence_or_404(request, group_id, occurrence_id)
    check_download_calendar(request.user, group)
    body = calendar_of(
        rows_of(Occurrence.objects.filter(pk=occurrence.pk)),
        titles=titles_for(request.user),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="meeting.ics"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def choices_edit(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = group_or_404(request, group_id)
    check_choose_reminders(request.user, group)
    choice = MeetingChoice.objects.filter(person=request.user, group=group).first()
    form = MeetingChoiceForm(
        request.POST or None,
        initial={
            "reminders": choice.reminder_minutes if choice else [],
            "calendar_names_group": choice.calendar_names_group if choice else False,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_meeting_choice(
                person=request.user,
                group=group,
                reminders=form.cleaned_data["reminders"],
                calendar_names_group=form.cleaned_data["calendar_names_group"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Your choices for this group are saved.")
            return redirect("meetings:meeting-list", group_id=group.pk)
    return render(
        request,
        "meetings/choices.html",
        {
            "group": group,
            "form": form,
            "is_secure": is_secure_service(group.organisation),
        },
    )
