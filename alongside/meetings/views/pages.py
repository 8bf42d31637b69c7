"""A group's meetings and one meeting's page, as members and facilitators see them."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from alongside.core.requests import AuthenticatedRequest
from alongside.meetings.disclosure import count_phrase
from alongside.meetings.forms import HeadCountForm, MoveForm
from alongside.meetings.listing import meeting_context
from alongside.meetings.models import ACCESS_FACTS, FEELING_SAFE_FACTS, Occurrence, Rsvp
from alongside.meetings.permissions import (
    can_answer_venue_check,
    can_download_calendar,
    can_manage_meetings,
    can_rsvp,
    can_see_address,
    can_see_joining_details,
    can_see_online_link,
    can_see_rsvp_count,
    check_see_meetings,
    get_occurrence_for,
    is_secure_service,
)
from alongside.meetings.recurrence import Schedule, describe
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.permissions import get_group_for


def group_or_404(request: AuthenticatedRequest, group_id: int) -> PeerGroup:
    group = get_group_for(request.user, group_id)
    check_see_meetings(request.user, group)
    return group


def occurrence_or_404(
    request: AuthenticatedRequest, group_id: int, occurrence_id: int
) -> tuple[PeerGroup, Occurrence]:
    group = group_or_404(request, group_id)
    return group, get_occurrence_for(request.user, group, occurrence_id)


@login_required
@require_GET
def meeting_list(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = group_or_404(request, group_id)
    return render(request, "meetings/list.html", meeting_context(request.user, group))


@login_required
@require_GET
def occurrence_detail(
    request: AuthenticatedRequest, group_id: int, occurrence_id: int
) -> HttpResponse:
    group, occurrence = occurrence_or_404(request, group_id, occurrence_id)
    return render_detail(request, group, occurrence)


def render_detail(
    request: AuthenticatedRequest,
    group: PeerGroup,
    occurrence: Occurrence,
    *,
    status: int = 200,
    move_form: MoveForm | None = None,
) -> HttpResponse:
    person = request.user
    meeting = occurrence.meeting
    rsvp = Rsvp.objects.filter(occurrence=occurrence, person=person).first()
    can_manage = can_manage_meetings(person, group)
    zone_start = timezone.localtime(occurrence.starts_at)
    zone_end = timezone.localtime(occurrence.ends_at)
    if move_form is None and can_manage:
        move_form = MoveForm(
            initial={
                "starts_on": zone_start.date(),
                "local_start_time": zone_start.time(),
                "duration_minutes": meeting.duration_minutes,
            }
        )
    return render(
        request,
        "meetings/detail.html",
        {
            "group": group,
            "occurrence": occurrence,
            "meeting": meeting,
            "rule": describe_meeting(occurrence),
            "is_member": can_see_joining_details(person, group),
            "can_see_address": can_see_address(person, group),
            "can_see_online_link": can_see_online_link(person, occurrence),
            "can_rsvp": can_rsvp(person, occurrence),
            "rsvp": rsvp,
            "can_download": can_download_calendar(person, group),
            "can_manage": can_manage,
            "count": count_phrase(
                Rsvp.objects.filter(occurrence=occurrence).coming().count()
            )
            if can_see_rsvp_count(person, group)
            else None,
            "has_started": occurrence.starts_at <= timezone.now(),
            "move_form": move_form,
            "head_count_form": HeadCountForm(
                initial={"head_count": occurrence.head_count}
            ),
            "starts": zone_start,
            "ends": zone_end,
            "access_facts": ACCESS_FACTS,
            "feeling_safe_facts": FEELING_SAFE_FACTS,
            "is_secure": is_secure_service(group.organisation),
            "can_answer_venue_check": can_answer_venue_check(person, occurrence),
        },
        status=status,
    )


def describe_meeting(occurrence: Occurrence) -> str:
    """The series in plain words, such as "Every other Tuesday"."""
    meeting = occurrence.meeting
    return describe(
        Schedule(
            starts_on=meeting.starts_on,
            local_start_time=meeting.local_start_time,
            duration_minutes=meeting.duration_minutes,
            time_zone=meeting.time_zone,
            frequency=meeting.frequency,
            interval=meeting.interval,
            week_of_month=meeting.week_of_month,
        )
    )
