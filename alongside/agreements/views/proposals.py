"""Proposing and responding: a proposal's page, answers in a consent round,
objections withdrawn, discussion, amending and withdrawing."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alongside.core.requests import AuthenticatedRequest
from alongside.peergroups.models import PeerGroup

from .. import actions
from ..changes import word_diff
from ..contents import contents_of
from ..forms import CommentForm, ProposalForm, ResponseForm
from ..models import ChangeAction, Proposal, ResponseChoice
from ..permissions import (
    adoption_blockers,
    agreement_of,
    can_amend,
    can_comment,
    can_facilitate_agreement,
    can_propose,
    can_respond,
    can_withdraw_objection,
    can_withdraw_proposal,
    check_amend,
    check_comment,
    check_propose,
    check_respond,
    get_proposal_for,
    responder_name_shown,
    standing_objections,
    waiting_for,
)
from .lookups import examples_for, group_with_agreement, names_in


def _current_items(group: PeerGroup) -> list[Any]:
    agreement = agreement_of(group)
    version = agreement.current_version if agreement else None
    return list(version.group_items) if version else []


@login_required
@require_http_methods(["GET", "POST"])
def proposal_create(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = group_with_agreement(request, group_id)
    check_propose(request.user, group)
    items = _current_items(group)
    examples = examples_for(group.organisation)
    initial: dict[str, str] = {"action": ChangeAction.ADD}
    example_index = request.GET.get("example", "")
    if example_index.isdigit() and int(example_index) < len(examples):
        example = examples[int(example_index)]
        initial.update({"text": example.text, "why": example.why})
    form = ProposalForm(request.POST or None, items=items, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = actions.propose_changes(
                person=request.user,
                group=group,
                changes=form.changes(),
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error("item" if error.code == "item" else None, error)
        else:
            messages.success(
                request,
                "Thank you. Your suggestion is open for the group's responses.",
            )
            return redirect(
                "agreements:proposal-detail", group_id=group.pk, proposal_id=proposal.pk
            )
    return render(
        request,
        "agreements/propose.html",
        {"group": group, "form": form, "examples": examples},
    )


def _proposal_context(
    request: AuthenticatedRequest,
    group: PeerGroup,
    proposal: Proposal,
    response_form: ResponseForm | None = None,
    comment_form: CommentForm | None = None,
) -> dict[str, Any]:
    person = request.user
    names = names_in(group)
    current = {item.key: item for item in _current_items(group)}
    contents = contents_of(group)
    changes = []
    for change in proposal.changes.all():
        before = current.get(change.item_key)
        if change.action == ChangeAction.BREACH:
            words = word_diff(contents.breach_response, change.text)
        elif change.action == ChangeAction.CHANGE and before is not None:
            words = word_diff(before.text, change.text)
        else:
            words = []
        changes.append({"change": change, "before": before, "words": words})
    responses = list(proposal.responses.all())
    counts = Counter(response.choice for response in responses)
    mine = next((r for r in responses if r.person_id == person.pk), None)
    if response_form is None:
        response_form = ResponseForm(
            initial={
                "choice": mine.choice if mine else None,
                "reason": mine.reason if mine else "",
                "shows_name": mine.shows_name if mine else False,
            }
        )
    blockers = adoption_blockers(proposal)
    return {
        "group": group,
        "proposal": proposal,
        "proposer_name": names.get(proposal.proposed_by_id or 0, "Someone"),
        "changes": changes,
        "counts": [
            (choice.label, counts.get(choice.value, 0)) for choice in ResponseChoice
        ],
        "reasons": [
            {
                "response": response,
                "name": responder_name_shown(response, names),
                "is_earlier_wording": response.revision < proposal.revision,
            }
            for response in responses
            if response.reason
        ],
        "earlier_wording": sum(1 for r in responses if r.revision < proposal.revision),
        "standing_objections": standing_objections(proposal),
        "waiting_for": waiting_for(proposal),
        "mine": mine,
        "response_form": response_form,
        "comment_form": comment_form or CommentForm(),
        "comments": [
            (comment, names.get(comment.person_id or 0, "Someone who has left"))
            for comment in proposal.comments.all()
        ],
        "can_respond": can_respond(person, proposal),
        "can_comment": can_comment(person, proposal),
        "can_amend": can_amend(person, proposal),
        "can_withdraw": can_withdraw_proposal(person, proposal),
        "can_withdraw_objection": can_withdraw_objection(person, proposal),
        "can_facilitate": can_facilitate_agreement(person, group),
        "blockers": blockers,
        "now": timezone.now(),
    }


@login_required
@require_GET
def proposal_detail(
    request: AuthenticatedRequest, group_id: int, proposal_id: int
) -> HttpResponse:
    group = group_with_agreement(request, group_id)
    proposal = get_proposal_for(request.user, group, proposal_id)
    return render(
        request,
        "agreements/proposal.html",
        _proposal_context(request, group, proposal),
    )


@login_required
@require_POST
def response_save(
    request: AuthenticatedRequest, group_id: int, proposal_id: int
) -> HttpResponse:
    group = group_with_agreement(request, group_id)
    proposal = get_proposal_for(request.user, group, proposal_id)
    check_respond(request.user, proposal)
    form = ResponseForm(request.POST)
    if form.is_valid():
        try:
            actions.respond_to_proposal(
                person=request.user,
                proposal=proposal,
                choice=form.cleaned_data["choice"],
                reason=form.cleaned_data["reason"],
                shows_name=form.cleaned_data["shows_name"],
            )
        except ValidationError as error:
            form.add_error("reason" if error.code == "reason" else None, error)
        else:
            if request.htmx:
                context = _proposal_context(request, group, proposal)
                context["saved"] = True
                return render(
                    request, "agreements/proposal.html#consent-round", context
                )
            messages.success(request, "Thank you. Your response is saved.")
            return redirect(
                "agreements:proposal-detail", group_id=group.pk, proposal_id=proposal.pk
            )
    context = _proposal_context(request, group, proposal, response_form=form)
    if request.htmx:
        # htmx does not swap error responses, so the form with its messages is sent
        # as an ordinary answer.
        return render(request, "agreements/proposal.html#consent-round", context)
    return render(request, "agreements/proposal.html", context, status=400)


@login_required
@require_POST
def objection_withdraw(
    request: AuthenticatedRequest, group_id: int, proposal_id: int
) -> HttpResponse:
    group = group_with_agreement(request, group_id)
    proposal = get_proposal_for(request.user, group, proposal_id)
    actions.withdraw_objection(person=request.user, proposal=proposal)
    messages.success(
        request, "Your objection is withdrawn. Thank you for working it through."
    )
    return redirect(
        "agreements:proposal-detail", group_id=group.pk, proposal_id=proposal.pk
    )


@login_required
@require_POST
def comment_create(
    request: AuthenticatedRequest, group_id: int, proposal_id: int
) -> HttpResponse:
    group = group_with_agreement(request, group_id)
    proposal = get_proposal_for(request.user, group, proposal_id)
    if not proposal.is_open and can_propose(request.user, group):
        # The discussion closed while they wrote (the change was adopted or
        # withdrawn): nothing is added, and their words come back to keep.
        context = _proposal_context(request, group, proposal)
        context["kept_comment"] = str(request.POST.get("text", ""))
        if request.htmx:
            return render(request, "agreements/proposal.html#discussion", context)
        return render(request, "agreements/proposal.html", context, status=409)
    check_comment(request.user, proposal)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            actions.comment_on_proposal(
                person=request.user, proposal=proposal, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            form.add_error("text", error)
        else:
            if request.htmx:
                return render(
                    request,
                    "agreements/proposal.html#discussion",
                    _proposal_context(request, group, proposal),
                )
            return redirect(
                "agreements:proposal-detail", group_id=group.pk, proposal_id=proposal.pk
            )
    context = _proposal_context(request, group, proposal, comment_form=form)
    if request.htmx:
        return render(request, "agreements/proposal.html#discussion", context)
    return render(request, "agreements/proposal.html", context, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def proposal_amend(
    request: AuthenticatedRequest, group_id: int, proposal_id: int
) -> HttpResponse:
    group = group_with_agreement(request, group_id)
    proposal = get_proposal_for(request.user, group, proposal_id)
    check_amend(request.user, proposal)
    change = proposal.changes.first()
    initial = {
        "action": change.action if change else ChangeAction.ADD,
        "item": str(change.item_key) if change else "",
        "text": change.text if change else "",
        "why": change.why if change else "",
        "reason": proposal.reason,
    }
    form = ProposalForm(
        request.POST or None, items=_current_items(group), initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.amend_proposal(
                person=request.user,
                proposal=proposal,
                changes=_keep_new_item_key(form, change),
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error("item" if error.code == "item" else None, error)
        else:
            messages.success(
                request,
                "Your proposal is reworded. The round starts again on the new words.",
            )
            return redirect(
                "agreements:proposal-detail", group_id=group.pk, proposal_id=proposal.pk
            )
    return render(
        request,
        "agreements/amend.html",
        {"group": group, "proposal": proposal, "form": form},
    )


def _keep_new_item_key(form: ProposalForm, previous: Any) -> list[actions.Change]:
    """A new item keeps its identity through rewording, so history follows it."""
    changes = form.changes()
    if (
        previous is not None
        and previous.action == ChangeAction.ADD
        and changes[0].action == ChangeAction.ADD
    ):
        changes[0] = actions.Change(
            action=ChangeAction.ADD,
            text=changes[0].text,
            why=changes[0].why,
            item_key=previous.item_key,
        )
    return changes


@login_required
@require_POST
def proposal_withdraw(
    request: AuthenticatedRequest, group_id: int, proposal_id: int
) -> HttpResponse:
    group = group_with_agreement(request, group_id)
    proposal = get_proposal_for(request.user, group, proposal_id)
    actions.withdraw_proposal(person=request.user, proposal=proposal)
    messages.info(request, "Your proposal is withdrawn.")
    return redirect("agreements:agreement-detail", group_id=group.pk)
