"""A person's calendar settings and their private calendar feed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from alongside.core.requests import AuthenticatedRequest
from alongside.meetings import actions
from alongside.meetings.calendars import (
    FEED_LOOKS_BACK,
    calendar_of,
    rows_of,
    titles_for,
)
from alongside.meetings.forms import QuietHoursForm
from alongside.meetings.models import CalendarFeed
from alongside.meetings.permissions import feed_occurrences_for


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
