"""Meeting pages: a group's meetings, one meeting, saying you will come, calendars,
reminders, and the facilitators' and staff's pages for meetings and venues. Views
translate; actions decide and write."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest
from alongside.organisations.models import Organisation
from alongside.organisations.permissions import get_organisation_for
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.permissions import get_group_for

from . import actions
from .calendars import FEED_LOOKS_BACK, calendar_of, rows_of, titles_for
from .disclosure import count_phrase
from .forms import (
    ChecklistForm,
    HeadCountForm,
    MeetingChoiceForm,
    MeetingForm,
    MoveForm,
    QuietHoursForm,
    VenueCheckForm,
    VenueForm,
    WaiveForm,
)
from .listing import meeting_context
from .models import (
    ACCESS_FACTS,
    CHECKLIST,
    FEELING_SAFE_FACTS,
    CalendarFeed,
    MeetingChoice,
    Occurrence,
    Rsvp,
)
from .permissions import (
    can_answer_venue_check,
    can_download_calendar,
    can_manage_meetings,
    can_rsvp,
    can_see_address,
    can_see_joining_details,
    can_see_online_link,
    can_see_rsvp_count,
    can_waive_checklist,
    check_answer_venue_check,
    check_choose_reminders,
    check_download_calendar,
    check_manage_meetings,
    check_manage_venues,
    check_see_meetings,
    feed_occurrences_for,
    get_occurrence_for,
    get_venue_for,
    is_secure_service,
    venue_check_blocker,
    venues_visible_to,
)
from .recurrence import Schedule, describe
from .reflective import REFLECTIVE_QUESTIONS
from .venue_view import members_view


def _group(request: AuthenticatedRequest, group_id: int) -> PeerGroup:
    group = get_group_for(request.user, group_id)
    check_see_meetings(request.user, group)
    return group


def _occurrence(
    request: AuthenticatedRequest, group_id: int, occurrence_id: int
) -> tuple[PeerGroup, Occurrence]:
    group = _group(request, group_id)
    return group, get_occurrence_for(request.user, group, occurrence_id)


@login_required
@require_GET
def meeting_list(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = _group(request, group_id)
    return render(request, "meetings/list.html", meeting_context(request.user, group))


@login_required
@require_GET
def occurrence_detail(
    request: AuthenticatedRequest, group_id: int, occurrence_id: int
) -> HttpResponse:
    group, occurrence = _occurrence(request, group_id, occurrence_id)
    return _render_detail(request, group, occurrence)


def _render_detail(
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


# --- facilitators ------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = _group(request, group_id)
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
    group, occurrence = _occurrence(request, group_id, occurrence_id)
    check_manage_meetings(request.user, group)
    if request.method == "GET":
        return _render_detail(request, group, occurrence)
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
    return _render_detail(request, group, occurrence, status=400, move_form=form)


@login_required
@require_POST
def occurrence_cancel(
    request: AuthenticatedRequest, group_id: int, occurrence_id: int
) -> HttpResponse:
    group, occurrence = _occurrence(request, group_id, occurrence_id)
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
    group, occurrence = _occurrence(request, group_id, occurrence_id)
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


# --- taking part ------------------------------------------------------------------


@login_required
@require_POST
def rsvp_save(
    request: AuthenticatedRequest, group_id: int, occurrence_id: int
) -> HttpResponse:
    group, occurrence = _occurrence(request, group_id, occurrence_id)
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
    group, occurrence = _occurrence(request, group_id, occurrence_id)
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
    group, occurrence = _occurrence(request, group_id, occurrence_id)
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
    group = _group(request, group_id)
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


# --- a person's calendar ----------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def calendar_settings(request: AuthenticatedRequest) -> HttpResponse:
    feed = actions.calendar_feed_for(person=request.user)
    form = QuietHoursForm(
        request.POST if request.POST.get("action") == "quiet" else None,
        initial={"quiet_from": feed.quiet_from, "quiet_until": feed.quiet_until},
    )
    if request.method == "POST":
        if request.POST.get("action") == "replace":
            actions.replace_feed_token(person=request.user)
            messages.success(
                request,
                "Your calendar has a new private address. The old one no longer "
                "works; add the new one to your calendar app.",
            )
            return redirect("meetings:calendar-settings")
        if form.is_valid():
            actions.save_quiet_hours(
                person=request.user,
                quiet_from=form.cleaned_data["quiet_from"],
                quiet_until=form.cleaned_data["quiet_until"],
            )
            messages.success(request, "Your quiet hours are saved.")
            return redirect("meetings:calendar-settings")
    return render(
        request,
        "meetings/calendar_settings.html",
        {
            "feed": feed,
            "feed_url": request.build_absolute_uri(
                feed_path(feed),
            ),
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


def feed_path(feed: CalendarFeed) -> str:
    return reverse("meetings:calendar-feed", args=[feed.token])


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """Public by design: calendar apps cannot sign in. The long random token is the
    key; a replaced token answers 404 at once, like one that never existed."""
    feed = CalendarFeed.objects.filter(token=token).select_related("person").first()
    if feed is None or not feed.person.is_active:
        raise Http404
    since = timezone.now() - FEED_LOOKS_BACK
    rows = rows_of(
        feed_occurrences_for(feed.person)
        .filter(ends_at__gte=since)
        .order_by("starts_at")
    )
    body = calendar_of(rows, titles=titles_for(feed.person))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response


# --- venues -----------------------------------------------------------------------


def _staff_organisation(request: AuthenticatedRequest, slug: str) -> Organisation:
    organisation = get_organisation_for(request.user, slug)
    check_manage_venues(request.user, organisation)
    ensure_second_factor(request)
    return organisation


@login_required
@require_http_methods(["GET", "POST"])
def venue_list(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = _staff_organisation(request, slug)
    form = VenueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        venue = actions.save_venue(
            person=request.user,
            organisation=organisation,
            venue=None,
            fields=form.cleaned_data,
        )
        messages.success(
            request,
            "The venue is added. Its being-safe checklist comes next: meetings can "
            "be held there once it is complete.",
        )
        return redirect(
            "meetings:venue-checklist", slug=organisation.slug, venue_id=venue.pk
        )
    today = timezone.localdate()
    venues = list(venues_visible_to(request.user, organisation))
    return render(
        request,
        "meetings/venues.html",
        {
            "organisation": organisation,
            "venues": venues,
            "form": form,
            "today": today,
            "reflective_questions": REFLECTIVE_QUESTIONS,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def venue_edit(request: AuthenticatedRequest, slug: str, venue_id: int) -> HttpResponse:
    organisation = _staff_organisation(request, slug)
    venue = get_venue_for(request.user, organisation, venue_id)
    form = VenueForm(request.POST or None, instance=venue)
    if request.method == "POST" and form.is_valid():
        actions.save_venue(
            person=request.user,
            organisation=organisation,
            venue=venue,
            fields=form.cleaned_data,
        )
        messages.success(request, "The venue's facts are saved.")
        return redirect(
            "meetings:venue-edit", slug=organisation.slug, venue_id=venue.pk
        )
    today = timezone.localdate()
    upcoming = (
        Occurrence.objects.filter(meeting__venue=venue, ends_at__gt=timezone.now())
        .filter(~Q(is_cancelled=True))
        .count()
    )
    return render(
        request,
        "meetings/venue.html",
        {
            "organisation": organisation,
            "venue": venue,
            "form": form,
            "today": today,
            "is_current": venue.checklist_is_current(today),
            "is_waived": venue.checklist_is_waived(today),
            "access_is_old": venue.access_facts_are_old(today),
            "checklist": [(label, getattr(venue, name)) for name, label in CHECKLIST],
            "can_waive": can_waive_checklist(request.user, organisation),
            "waive_form": WaiveForm(initial={"days": 14}),
            "upcoming": upcoming,
            "members_view": members_view(venue, today),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def venue_checklist(
    request: AuthenticatedRequest, slug: str, venue_id: int
) -> HttpResponse:
    organisation = _staff_organisation(request, slug)
    venue = get_venue_for(request.user, organisation, venue_id)
    form = ChecklistForm(
        request.POST or None,
        initial={name: getattr(venue, name) for name, _ in CHECKLIST},
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.complete_checklist(
                person=request.user, venue=venue, ticked=form.ticked()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, "The checklist is complete. It is due for review in a year."
            )
            return redirect(
                "meetings:venue-edit", slug=organisation.slug, venue_id=venue.pk
            )
    return render(
        request,
        "meetings/checklist.html",
        {"organisation": organisation, "venue": venue, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def venue_waive(
    request: AuthenticatedRequest, slug: str, venue_id: int
) -> HttpResponse:
    organisation = _staff_organisation(request, slug)
    venue = get_venue_for(request.user, organisation, venue_id)
    form = WaiveForm(request.POST)
    if form.is_valid():
        try:
            actions.waive_checklist(
                person=request.user, venue=venue, days=form.cleaned_data["days"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                "Meetings may be published here for now. Your name and the date "
                "are kept on the venue.",
            )
    else:
        messages.error(request, "Please choose between 1 and 30 days.")
    return redirect("meetings:venue-edit", slug=organisation.slug, venue_id=venue.pk)


@login_required
@require_POST
def venue_remove(
    request: AuthenticatedRequest, slug: str, venue_id: int
) -> HttpResponse:
    organisation = _staff_organisation(request, slug)
    venue = get_venue_for(request.user, organisation, venue_id, include_removed=True)
    try:
        actions.remove_venue(person=request.user, venue=venue)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(
            "meetings:venue-edit", slug=organisation.slug, venue_id=venue.pk
        )
    messages.success(request, "The venue is no longer offered for new meetings.")
    return redirect("meetings:venue-list", slug=organisation.slug)
