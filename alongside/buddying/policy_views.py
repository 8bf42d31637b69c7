"""Pages for how one-to-one support works in an organisation (its coordinators'
settings) and for the peer's check after a meeting. Views translate; permissions
decide; actions write."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest
from alongside.organisations.models import Organisation

from . import actions
from .forms import CheckForm
from .pair_policy import default_keeps_teams_apart, policy_for
from .permissions import (
    check_answer_meeting_check,
    coordinated_organisations,
    get_match_for,
)
from .policy_forms import PairSettingsForm


@login_required
@require_http_methods(["GET", "POST"])
def pair_settings(
    request: AuthenticatedRequest, organisation_slug: str
) -> HttpResponse:
    """A coordinator sets how one-to-one support works in the organisation."""
    try:
        organisation = coordinated_organisations(request.user).get(
            slug=organisation_slug
        )
    except Organisation.DoesNotExist:
        raise Http404 from None
    ensure_second_factor(request)
    policy = policy_for(organisation)
    form = PairSettingsForm(
        request.POST or None,
        initial={
            "is_in_person_only": policy.is_in_person_only,
            "keeps_teams_apart": policy.keeps_teams_apart,
            "teams": "\n".join(policy.teams),
        },
    )
    if policy.is_in_person_only_fixed:
        # A secure service meets in person only, whatever the box would say.
        del form.fields["is_in_person_only"]
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_pair_settings(
                person=request.user,
                organisation=organisation,
                is_in_person_only=form.cleaned_data.get("is_in_person_only", True),
                keeps_teams_apart=form.cleaned_data["keeps_teams_apart"],
                teams=form.cleaned_data["teams"],
            )
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, "Saved. New requests and matches follow these settings."
            )
            return redirect(
                "buddying:pair-settings", organisation_slug=organisation.slug
            )
    return render(
        request,
        "buddying/pair_settings.html",
        {
            "organisation": organisation,
            "form": form,
            "policy": policy,
            "teams_apart_by_default": default_keeps_teams_apart(organisation),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_check(
    request: AuthenticatedRequest, match_id: int, meeting_id: int
) -> HttpResponse:
    """The peer's check after a meeting: two optional questions, seen only by
    them."""
    match = get_match_for(request.user, match_id)
    meeting = match.meetings.filter(pk=meeting_id).first()
    if meeting is None:
        raise Http404
    try:
        check_answer_meeting_check(request.user, meeting)
    except PermissionDenied as error:
        messages.info(request, str(error))
        return redirect("buddying:match-detail", match_id=match.pk)
    form = CheckForm(request.POST or None)
    form.fields["helpful"].label = "This meeting was helpful (1 not at all, 5 very)"
    form.fields["felt_safe"].label = "I felt safe (1 not at all, 5 very)"
    if request.method == "POST" and form.is_valid():
        try:
            answer = actions.answer_meeting_check(
                person=request.user, meeting=meeting, **form.cleaned_data
            )
        except PermissionDenied as error:
            messages.info(request, str(error))
            return redirect("buddying:match-detail", match_id=match.pk)
        messages.success(
            request,
            "Thank you. A coordinator will offer you a change if you would like one; "
            "your supporter is not told."
            if answer.is_low
            else "Thank you. Only you see this.",
        )
        return redirect("buddying:match-detail", match_id=match.pk)
    return render(
        request,
        "buddying/meeting_check.html",
        {"match": match, "meeting": meeting, "form": form},
        status=400 if form.errors else 200,
    )
