"""One-to-one support pages: the person's own page (their requests, matches and
offers), asking, withdrawing, the coordinator's list and shortlist, answering an
offer, a match, its agreement (with print and PDF), asking for a different match and
a supporter's matching facts. Views translate; permissions decide; actions write."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alongside.accounts.models import Person
from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest
from alongside.organisations.models import Organisation
from alongside.organisations.permissions import get_organisation_for
from alongside.supporters.permissions import (
    get_support_organisation_for,
    support_organisations_of,
)

from . import actions
from .forms import (
    DeclineForm,
    OfferForm,
    ProfileForm,
    RequestForm,
    experience_choices,
)
from .matching import shortlist
from .models import RequestStatus, SupportProfile
from .permissions import (
    can_ask,
    can_offer,
    can_see_offered_request,
    coordinated_organisations,
    get_offer_for,
    get_own_request_for,
    get_request_to_match_for,
    matches_visible_to,
    meetings_overseen_by,
    open_offers_for,
    own_requests,
    requests_to_match_for,
    work_role_shown_to,
)

SHOWN = 200
# Coordinators overseeing in-person meetings see those of the last day and ahead.
OVERSEEN_FOR = timedelta(days=1)


@login_required
@require_GET
def index(request: AuthenticatedRequest) -> HttpResponse:
    """Where each of the person's requests is at, their matches and offers."""
    person = request.user
    organisations = list(Organisation.objects.for_person(person))
    return render(
        request,
        "buddying/index.html",
        {
            "requests": list(
                own_requests(person).select_related("organisation")[:SHOWN]
            ),
            "matches": list(
                matches_visible_to(person).select_related(
                    "organisation", "peer", "supporter"
                )[:SHOWN]
            ),
            "offers": list(
                open_offers_for(person).select_related("request__organisation")
            ),
            "can_ask_in": [o for o in organisations if can_ask(person, o)],
            "coordinating": list(coordinated_organisations(person)),
            "supporting": list(support_organisations_of(person).distinct()),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_create(
    request: AuthenticatedRequest, organisation_slug: str
) -> HttpResponse:
    organisation = get_organisation_for(request.user, organisation_slug)
    form = RequestForm(request.POST or None, organisation=organisation)
    if not can_ask(request.user, organisation):
        messages.info(
            request,
            "You already have a request or a supporter here. This page shows where "
            "it is.",
        )
        return redirect("buddying:index")
    if request.method == "POST" and form.is_valid():
        try:
            actions.ask_for_support(
                person=request.user,
                organisation=organisation,
                words=form.cleaned_data["words"],
                experiences=form.all_experiences(),
                language=form.cleaned_data["language"],
                gender_preference=form.cleaned_data["gender_preference"],
                formats=form.cleaned_data["formats"],
                windows=form.cleaned_data["windows"],
                access_needs=form.cleaned_data["access_needs"],
                team=form.cleaned_data.get("team", ""),
                work_role=form.cleaned_data.get("work_role", ""),
                shares_work_role=form.cleaned_data.get("shares_work_role", False),
            )
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                "Your request is with the coordinators. This page shows where it is.",
            )
            return redirect("buddying:index")
    return render(
        request,
        "buddying/request_form.html",
        {"organisation": organisation, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_withdraw(request: AuthenticatedRequest, request_id: int) -> HttpResponse:
    support_request = get_own_request_for(request.user, request_id)
    if request.method == "POST":
        try:
            actions.withdraw_request(
                person=request.user, support_request=support_request
            )
        except PermissionDenied as error:
            messages.info(request, str(error))
        else:
            messages.success(
                request, "Your request is withdrawn. You can ask again at any time."
            )
        return redirect("buddying:index")
    return render(
        request, "buddying/withdraw.html", {"support_request": support_request}
    )


@login_required
@require_GET
def coordinate(request: AuthenticatedRequest, organisation_slug: str) -> HttpResponse:
    """The requests of an organisation, for its coordinators: labels only here."""
    try:
        organisation = coordinated_organisations(request.user).get(
            slug=organisation_slug
        )
    except Organisation.DoesNotExist:
        raise Http404 from None
    ensure_second_factor(request)
    requests = requests_to_match_for(request.user).filter(organisation=organisation)
    return render(
        request,
        "buddying/coordinate.html",
        {
            "organisation": organisation,
            "waiting": list(
                requests.filter(
                    status__in=[RequestStatus.WAITING, RequestStatus.OFFERED]
                ).order_by("created_at")[:SHOWN]
            ),
            "matched": requests.filter(status=RequestStatus.MATCHED).count(),
            "overseen": list(
                meetings_overseen_by(request.user, organisation)
                .filter(ends_at__gte=timezone.now() - OVERSEEN_FOR)
                .select_related("match__supporter")[:SHOWN]
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_match(request: AuthenticatedRequest, request_id: int) -> HttpResponse:
    """A coordinator reads a request, sees the shortlist with its reasons and
    offers it to one supporter."""
    support_request = get_request_to_match_for(request.user, request_id)
    ensure_second_factor(request)
    form = OfferForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            supporter = Person.objects.filter(pk=form.cleaned_data["supporter"]).first()
            try:
                if supporter is None:
                    raise PermissionDenied(actions.NOT_SUGGESTABLE)
                actions.offer_request(
                    person=request.user,
                    support_request=support_request,
                    supporter=supporter,
                )
            except PermissionDenied as error:
                messages.info(request, str(error))
            else:
                messages.success(
                    request,
                    f"Offered to {supporter.shown_name}. They have 72 hours to answer.",
                )
        else:
            messages.info(request, "Please choose a supporter to offer this to.")
        return redirect("buddying:request-match", request_id=support_request.pk)
    open_offer = support_request.offers.filter(status="open").first()
    return render(
        request,
        "buddying/request_match.html",
        {
            "support_request": support_request,
            "suggestions": shortlist(support_request)
            if can_offer(request.user, support_request)
            else [],
            "can_offer": can_offer(request.user, support_request),
            "open_offer": open_offer,
        },
    )


@login_required
@require_GET
def offer_detail(request: AuthenticatedRequest, offer_id: int) -> HttpResponse:
    offer = get_offer_for(request.user, offer_id)
    return render(
        request,
        "buddying/offer.html",
        {
            "offer": offer,
            "can_answer": can_see_offered_request(request.user, offer),
            "work_role": work_role_shown_to(request.user, offer.request),
            "decline_form": DeclineForm(),
        },
    )


@login_required
@require_POST
def offer_accept(request: AuthenticatedRequest, offer_id: int) -> HttpResponse:
    offer = get_offer_for(request.user, offer_id)
    try:
        match = actions.accept_offer(person=request.user, offer=offer)
    except PermissionDenied as error:
        messages.info(request, str(error))
        return redirect("buddying:offer-detail", offer_id=offer.pk)
    messages.success(request, "Thank you. Next, agree your support agreement together.")
    return redirect("buddying:agreement", match_id=match.pk)


@login_required
@require_POST
def offer_decline(request: AuthenticatedRequest, offer_id: int) -> HttpResponse:
    offer = get_offer_for(request.user, offer_id)
    form = DeclineForm(request.POST)
    knows = form.is_valid() and form.cleaned_data["knows_person"]
    try:
        actions.decline_offer(person=request.user, offer=offer, knows_person=knows)
    except PermissionDenied as error:
        messages.info(request, str(error))
        return redirect("buddying:offer-detail", offer_id=offer.pk)
    messages.success(request, "Thank you for answering. Nobody needs a reason.")
    return redirect("buddying:index")


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: AuthenticatedRequest, organisation_slug: str) -> HttpResponse:
    """A supporter says what they share for matching."""
    organisation = get_support_organisation_for(request.user, organisation_slug)
    profile = SupportProfile.objects.filter(
        organisation=organisation, person=request.user
    ).first()
    choices = {name for name, _ in experience_choices(organisation)}
    initial = (
        {
            "experiences": [e for e in profile.experiences if e in choices],
            "own_experiences": ", ".join(
                e for e in profile.experiences if e not in choices
            ),
            "languages": ", ".join(profile.languages),
            "windows": profile.windows,
            "gender": profile.gender,
            "team": profile.team,
        }
        if profile
        else {}
    )
    form = ProfileForm(request.POST or None, initial=initial, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_support_profile(
                person=request.user,
                organisation=organisation,
                experiences=form.all_experiences(),
                languages=form.cleaned_data["languages"],
                windows=form.cleaned_data["windows"],
                gender=form.cleaned_data["gender"],
                team=form.cleaned_data.get("team", ""),
            )
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Saved. Coordinators see this when matching.")
            return redirect("buddying:index")
    return render(
        request,
        "buddying/profile_form.html",
        {"organisation": organisation, "form": form},
        status=400 if form.errors else 200,
    )
