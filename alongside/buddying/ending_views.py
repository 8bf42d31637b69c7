"""Pages for the end of one-to-one support and for referrals on: the peer's ending
survey, the coordinators' list of surveys, the peer deleting the conversation,
recording a referral, a referral's own page (where the peer gives consent and a
supervisor counter-signs) and the list of referrals to sign. Views translate;
permissions decide; actions write."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alongside.accounts.models import Person
from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest
from alongside.organisations.models import Organisation, SupportService

from . import actions, planned_end
from .ending_forms import ConsentForm, ReferralForm, SurveyForm
from .ending_models import EndingSurvey, ReferralStatus
from .models import Match
from .permissions import (
    can_answer_survey,
    can_countersign,
    can_delete_conversation,
    can_give_consent,
    can_read_surveys,
    can_refer,
    can_sign_referrals,
    check_delete_conversation,
    coordinated_organisations,
    get_match_for,
    get_referral_for,
    referral_side,
    referrals_to_sign_for,
    referrals_visible_to,
    side_in,
    surveys_visible_to,
)

SHOWN = 200


@login_required
@require_http_methods(["GET", "POST"])
def survey_answer(request: AuthenticatedRequest, match_id: int) -> HttpResponse:
    """The peer's optional survey after the end, for the coordinators only."""
    match = get_match_for(request.user, match_id)
    if not can_answer_survey(request.user, match):
        if side_in(request.user, match) == "peer" and not match.is_active:
            messages.info(request, "You have answered this survey. Thank you.")
            return redirect("buddying:match-detail", match_id=match.pk)
        raise PermissionDenied
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.answer_ending_survey(
                person=request.user, match=match, **form.cleaned_data
            )
        except PermissionDenied as error:
            messages.info(request, str(error))
        else:
            messages.success(
                request,
                "Thank you. Only the coordinators read this; your supporter never "
                "sees it.",
            )
        return redirect("buddying:match-detail", match_id=match.pk)
    return render(
        request,
        "buddying/survey_form.html",
        {"match": match, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def surveys(request: AuthenticatedRequest, organisation_slug: str) -> HttpResponse:
    """The organisation's ending surveys, for its coordinators (never about a
    pair they supported)."""
    try:
        organisation = coordinated_organisations(request.user).get(
            slug=organisation_slug
        )
    except Organisation.DoesNotExist:
        raise Http404 from None
    if not can_read_surveys(request.user, organisation):
        raise Http404
    ensure_second_factor(request)
    return render(
        request,
        "buddying/surveys.html",
        {
            "organisation": organisation,
            "surveys": list(surveys_visible_to(request.user, organisation)[:SHOWN]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def conversation_delete(request: AuthenticatedRequest, match_id: int) -> HttpResponse:
    """The peer deletes the pair's conversation after the end, for them both."""
    match = get_match_for(request.user, match_id)
    if side_in(request.user, match) != "peer":
        raise PermissionDenied
    if request.method == "POST":
        try:
            actions.delete_conversation(person=request.user, match=match)
        except PermissionDenied as error:
            messages.info(request, str(error))
        else:
            messages.success(request, "The conversation is deleted, for good.")
        return redirect("buddying:match-detail", match_id=match.pk)
    if match.conversation_id is None:
        messages.info(request, "The conversation has already been deleted.")
        return redirect("buddying:match-detail", match_id=match.pk)
    try:
        check_delete_conversation(request.user, match)
    except PermissionDenied as error:
        reason = str(error)
    else:
        reason = ""
    return render(
        request,
        "buddying/conversation_delete.html",
        {
            "match": match,
            "can_delete": can_delete_conversation(request.user, match),
            "reason": reason,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def referral_create(request: AuthenticatedRequest, match_id: int) -> HttpResponse:
    """The supporter records a referral to a service in the directory."""
    match = get_match_for(request.user, match_id)
    if not can_refer(request.user, match):
        raise PermissionDenied
    services = SupportService.objects.filter(organisation=match.organisation)
    form = ReferralForm(request.POST or None, services=services)
    if request.method == "POST" and form.is_valid():
        try:
            referral = actions.record_referral(
                person=request.user, match=match, **form.cleaned_data
            )
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                "The referral is recorded. A supervisor is asked to counter-sign it."
                if referral.status == ReferralStatus.AWAITING_SIGNATURE
                else "The referral is recorded. The person you support chooses "
                "what may be shared.",
            )
            return redirect("buddying:referral-detail", referral_id=referral.pk)
    return render(
        request,
        "buddying/referral_form.html",
        {"match": match, "form": form, "has_services": services.exists()},
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def referral_detail(request: AuthenticatedRequest, referral_id: int) -> HttpResponse:
    """One referral: for the peer (with their consent form), the supporter who
    made it, and a supervisor who may sign it."""
    referral = get_referral_for(request.user, referral_id)
    side = referral_side(request.user, referral)
    if side == "supervisor":
        ensure_second_factor(request)
    return render(
        request,
        "buddying/referral.html",
        {
            "referral": referral,
            "side": side,
            "consent_form": ConsentForm(asked=referral.items_asked)
            if can_give_consent(request.user, referral)
            else None,
            "can_countersign": can_countersign(request.user, referral),
        },
    )


@login_required
@require_POST
def referral_consent(request: AuthenticatedRequest, referral_id: int) -> HttpResponse:
    referral = get_referral_for(request.user, referral_id)
    form = ConsentForm(request.POST, asked=referral.items_asked)
    if not form.is_valid():
        messages.info(request, "Please tick only the items listed. Nothing changed.")
        return redirect("buddying:referral-detail", referral_id=referral.pk)
    try:
        answered = actions.give_consent(
            person=request.user, referral=referral, items=form.cleaned_data["items"]
        )
    except PermissionDenied as error:
        messages.info(request, str(error))
    else:
        messages.success(
            request,
            "Thank you. Only what you ticked may be shared."
            if answered.items_shared
            else "Thank you. Nothing is shared.",
        )
    return redirect("buddying:referral-detail", referral_id=referral.pk)


@login_required
@require_POST
def referral_countersign(
    request: AuthenticatedRequest, referral_id: int
) -> HttpResponse:
    referral = get_referral_for(request.user, referral_id)
    if can_countersign(request.user, referral):
        ensure_second_factor(request)
    try:
        actions.countersign_referral(
            person=request.user,
            referral=referral,
            agree=request.POST.get("answer") == "sign",
        )
    except PermissionDenied as error:
        messages.info(request, str(error))
    else:
        messages.success(request, "Your answer is recorded. Both people are told.")
    return redirect("buddying:referral-detail", referral_id=referral.pk)


@login_required
@require_GET
def referrals_to_sign(request: AuthenticatedRequest) -> HttpResponse:
    """Referrals under the limits of confidentiality the person may sign."""
    if not can_sign_referrals(request.user):
        raise Http404
    ensure_second_factor(request)
    return render(
        request,
        "buddying/referrals_to_sign.html",
        {
            "referrals": list(
                referrals_to_sign_for(request.user)
                .select_related("organisation")
                .order_by("status", "-created_at")[:SHOWN]
            )
        },
    )


def ending_context(person: Person, match: Match) -> dict[str, object]:
    """What the match page shows about the ending and referrals."""
    return {
        "planned_end": planned_end.planned_end_of(match),
        "can_answer_survey": can_answer_survey(person, match),
        "has_answered_survey": side_in(person, match) == "peer"
        and EndingSurvey.objects.filter(match=match).exists(),
        "can_refer": can_refer(person, match),
        "referrals": list(
            referrals_visible_to(person)
            .filter(match=match)
            .order_by("-created_at")[:SHOWN]
        ),
    }
