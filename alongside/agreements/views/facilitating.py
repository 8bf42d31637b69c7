"""The facilitators' pages: adopting a proposal, starting a review, the
agreement's settings and who asked to talk first."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest
from alongside.peergroups.models import PeerGroup

from .. import actions
from ..contents import contents_of
from ..forms import AgreementSettingsForm, ReviewForm
from ..models import (
    DEFAULT_CONSENT_DAYS,
    DEFAULT_REVIEW_MONTHS,
    Proposal,
    ProposalKind,
    Reading,
    ReadingChoice,
)
from ..permissions import (
    adoption_blockers,
    agreement_of,
    check_facilitate_agreement,
    get_proposal_for,
)
from .lookups import group_with_agreement, names_in


def _facilitated_group(request: AuthenticatedRequest, group_id: int) -> PeerGroup:
    group = group_with_agreement(request, group_id)
    check_facilitate_agreement(request.user, group)
    ensure_second_factor(request)
    return group


@login_required
@require_POST
def proposal_adopt(
    request: AuthenticatedRequest, group_id: int, proposal_id: int
) -> HttpResponse:
    group = _facilitated_group(request, group_id)
    proposal = get_proposal_for(request.user, group, proposal_id)
    if adoption_blockers(proposal):
        messages.error(request, "This proposal cannot be adopted yet.")
        return redirect(
            "agreements:proposal-detail", group_id=group.pk, proposal_id=proposal.pk
        )
    version = actions.adopt_proposal(person=request.user, proposal=proposal)
    messages.success(
        request,
        f"Adopted. This is now version {version.number} of the group agreement.",
    )
    return redirect(
        "agreements:version-detail", group_id=group.pk, number=version.number
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_start(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = _facilitated_group(request, group_id)
    contents = contents_of(group)
    form = ReviewForm(
        request.POST or None, items=contents.items, breach=contents.breach_response
    )
    if request.method == "POST" and form.is_valid():
        try:
            proposal = actions.start_review(
                person=request.user,
                group=group,
                changes=form.changes(),
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "The review is open for the group's responses.")
            return redirect(
                "agreements:proposal-detail", group_id=group.pk, proposal_id=proposal.pk
            )
    open_review = (
        Proposal.objects.open()
        .filter(agreement__group=group, kind=ProposalKind.REVIEW)
        .first()
    )
    return render(
        request,
        "agreements/review.html",
        {
            "group": group,
            "form": form,
            "contents": contents,
            "open_review": open_review,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def agreement_settings(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = _facilitated_group(request, group_id)
    agreement = agreement_of(group)
    form = AgreementSettingsForm(
        request.POST or None,
        initial={
            "consent_days": agreement.consent_days
            if agreement
            else DEFAULT_CONSENT_DAYS,
            "review_months": agreement.review_months
            if agreement
            else DEFAULT_REVIEW_MONTHS,
            "review_due_on": agreement.review_due_on if agreement else None,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_agreement_settings(
                person=request.user,
                group=group,
                consent_days=form.cleaned_data["consent_days"],
                review_months=form.cleaned_data["review_months"],
                review_due_on=form.cleaned_data["review_due_on"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "The agreement's settings are saved.")
            return redirect("agreements:agreement-detail", group_id=group.pk)
    return render(request, "agreements/settings.html", {"group": group, "form": form})


@login_required
@require_GET
def talk_list(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = _facilitated_group(request, group_id)
    names = names_in(group)
    readings = (
        Reading.objects.filter(
            version__agreement__group=group, choice=ReadingChoice.TALK_FIRST
        )
        .exclude(
            person_id__in=Reading.objects.filter(
                version__agreement__group=group, choice=ReadingChoice.CONFIRMED
            ).values("person_id")
        )
        .select_related("version")
    )
    people = [(names.get(reading.person_id, ""), reading) for reading in readings]
    return render(request, "agreements/talk.html", {"group": group, "people": people})
