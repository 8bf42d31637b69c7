"""The staff's pages for venues and their safety checklists."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest
from alongside.meetings import actions
from alongside.meetings.forms import ChecklistForm, VenueForm, WaiveForm
from alongside.meetings.models import CHECKLIST, Occurrence, Venue
from alongside.meetings.permissions import (
    can_waive_checklist,
    check_manage_venues,
    get_venue_for,
    venues_visible_to,
)
from alongside.meetings.reflective import REFLECTIVE_QUESTIONS
from alongside.meetings.venue_view import members_view
from alongside.organisations.models import UNDO_WINDOW, Organisation
from alongside.organisations.permissions import get_organisation_for


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
            "recently_removed": Venue.objects.filter(
                organisation=organisation,
                removed_at__gte=timezone.now() - UNDO_WINDOW,
            ).order_by("-removed_at"),
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
@require_http_methods(["GET", "POST"])
def venue_remove(
    request: AuthenticatedRequest, slug: str, venue_id: int
) -> HttpResponse:
    """Asks first; removing a venue can be undone for a few minutes."""
    organisation = _staff_organisation(request, slug)
    venue = get_venue_for(request.user, organisation, venue_id, include_removed=True)
    if request.method == "GET":
        return render(
            request,
            "meetings/venue_remove.html",
            {"organisation": organisation, "venue": venue},
        )
    try:
        actions.remove_venue(person=request.user, venue=venue)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(
            "meetings:venue-edit", slug=organisation.slug, venue_id=venue.pk
        )
    messages.success(
        request,
        "The venue is no longer offered for new meetings. You can put it back from "
        "this page for the next few minutes.",
    )
    return redirect("meetings:venue-list", slug=organisation.slug)


@login_required
@require_POST
def venue_restore(
    request: AuthenticatedRequest, slug: str, venue_id: int
) -> HttpResponse:
    organisation = _staff_organisation(request, slug)
    venue = get_venue_for(request.user, organisation, venue_id, include_removed=True)
    if actions.restore_venue(person=request.user, venue=venue):
        messages.success(request, f"{venue.name} is offered for meetings again.")
    else:
        messages.info(
            request, "It is too late to put that back. Please add it again below."
        )
    return redirect("meetings:venue-list", slug=organisation.slug)
