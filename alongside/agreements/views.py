"""Agreement pages: reading the agreement, proposing and responding, history, print
and PDF, and the facilitators' and admins' pages. Views translate; actions decide
and write."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest
from alongside.organisations.models import Organisation
from alongside.organisations.permissions import get_organisation_for
from alongside.peergroups.models import Membership, PeerGroup
from alongside.peergroups.permissions import get_group_for

from . import actions
from .changes import compare_versions, word_diff
from .contents import contents_of
from .forms import (
    AgreementSettingsForm,
    CommentForm,
    OrganisationItemForm,
    ProposalForm,
    ResponseForm,
    ReviewForm,
)
from .models import (
    DEFAULT_CONSENT_DAYS,
    DEFAULT_REVIEW_MONTHS,
    AgreementVersion,
    ChangeAction,
    OrganisationItem,
    Proposal,
    ProposalKind,
    Reading,
    ReadingChoice,
    ResponseChoice,
)
from .pdf import render_pdf
from .permissions import (
    adoption_blockers,
    agreement_of,
    can_amend,
    can_comment,
    can_facilitate_agreement,
    can_propose,
    can_record_reading,
    can_respond,
    can_take_part,
    can_withdraw_objection,
    can_withdraw_proposal,
    check_amend,
    check_comment,
    check_facilitate_agreement,
    check_manage_organisation_items,
    check_propose,
    check_respond,
    check_take_part,
    check_view_agreement,
    get_proposal_for,
    get_version_for,
    has_confirmed_current_agreement,
    has_read_latest_version,
    proposals_visible_to,
    reading_shown_to,
    responder_name_shown,
    standing_objections,
    waiting_for,
)
from .starter import DEFAULT_EXAMPLES, STARTER_QUESTIONS, ExampleItem


def _group(request: AuthenticatedRequest, group_id: int) -> PeerGroup:
    group = get_group_for(request.user, group_id)
    check_view_agreement(request.user, group)
    return group


def _names_in(group: PeerGroup) -> dict[int, str]:
    return dict(
        Membership.objects.filter(group=group).values_list("person_id", "display_name")
    )


def _examples(organisation: Organisation) -> list[ExampleItem]:
    own = [
        ExampleItem(item.text, item.why)
        for item in OrganisationItem.objects.examples().filter(
            organisation=organisation
        )
    ]
    return own or DEFAULT_EXAMPLES


# --- reading ------------------------------------------------------------------


@login_required
@require_GET
def agreement_detail(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = _group(request, group_id)
    person = request.user
    contents = contents_of(group)
    taking_part = can_take_part(person, group)
    reading = reading_shown_to(person, group, contents.version)
    return render(
        request,
        "agreements/detail.html",
        {
            "group": group,
            "contents": contents,
            "starter_questions": STARTER_QUESTIONS,
            "taking_part": taking_part,
            "proposals": (
                proposals_visible_to(person, group).open().select_related("agreement")
            ),
            "can_propose": can_propose(person, group),
            "can_record_reading": can_record_reading(person, group),
            "can_facilitate": can_facilitate_agreement(person, group),
            "has_confirmed": has_confirmed_current_agreement(person, group),
            "has_read_latest": has_read_latest_version(person, group),
            "reading": reading,
        },
    )


@login_required
@require_GET
def agreement_print(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = _group(request, group_id)
    return render(
        request,
        "agreements/print.html",
        {"group": group, "contents": contents_of(group)},
    )


@login_required
@require_GET
def agreement_pdf(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = _group(request, group_id)
    response = HttpResponse(
        render_pdf(contents_of(group).printable()), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="group-agreement-{group.pk}.pdf"'
    )
    return response


@login_required
@require_GET
def version_list(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = _group(request, group_id)
    check_take_part(request.user, group)
    versions = AgreementVersion.objects.filter(agreement__group=group).order_by(
        "-number"
    )
    return render(
        request, "agreements/history.html", {"group": group, "versions": versions}
    )


@login_required
@require_GET
def version_detail(
    request: AuthenticatedRequest, group_id: int, number: int
) -> HttpResponse:
    group = _group(request, group_id)
    version = get_version_for(request.user, group, number)
    before = (
        AgreementVersion.objects.filter(agreement=version.agreement, number=number - 1)
        .prefetch_related("items")
        .first()
    )
    return render(
        request,
        "agreements/version.html",
        {
            "group": group,
            "version": version,
            "comparison": compare_versions(before, version),
        },
    )


@login_required
@require_POST
def reading_confirm(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = _group(request, group_id)
    actions.confirm_agreement(person=request.user, group=group)
    messages.success(request, "Thank you for reading the group agreement.")
    return redirect("peergroups:group-detail", group_id=group.pk)


@login_required
@require_POST
def reading_talk_first(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = _group(request, group_id)
    reading = actions.ask_to_talk_first(person=request.user, group=group)
    if reading.choice == ReadingChoice.CONFIRMED:
        # A second click from a page open since before they confirmed.
        messages.info(
            request,
            "You have already said you have read the agreement, so nothing more "
            "was sent.",
        )
    else:
        messages.info(
            request,
            "We've quietly let a facilitator know. They'll be in touch; you're "
            "welcome to read along meanwhile.",
        )
    return redirect("peergroups:group-detail", group_id=group.pk)


# --- proposals ----------------------------------------------------------------


def _current_items(group: PeerGroup) -> list[Any]:
    agreement = agreement_of(group)
    version = agreement.current_version if agreement else None
    return list(version.group_items) if version else []


@login_required
@require_http_methods(["GET", "POST"])
def proposal_create(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = _group(request, group_id)
    check_propose(request.user, group)
    items = _current_items(group)
    examples = _examples(group.organisation)
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
    names = _names_in(group)
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
    group = _group(request, group_id)
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
    group = _group(request, group_id)
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
    group = _group(request, group_id)
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
    group = _group(request, group_id)
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
    group = _group(request, group_id)
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
    group = _group(request, group_id)
    proposal = get_proposal_for(request.user, group, proposal_id)
    actions.withdraw_proposal(person=request.user, proposal=proposal)
    messages.info(request, "Your proposal is withdrawn.")
    return redirect("agreements:agreement-detail", group_id=group.pk)


# --- facilitators -------------------------------------------------------------


def _facilitated_group(request: AuthenticatedRequest, group_id: int) -> PeerGroup:
    group = _group(request, group_id)
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
    names = _names_in(group)
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


# --- the organisation's items -------------------------------------------------


def _managed_organisation(request: AuthenticatedRequest, slug: str) -> Organisation:
    organisation = get_organisation_for(request.user, slug)
    check_manage_organisation_items(request.user, organisation)
    ensure_second_factor(request)
    return organisation


@login_required
@require_http_methods(["GET", "POST"])
def organisation_items(request: AuthenticatedRequest, slug: str) -> HttpResponse:
    organisation = _managed_organisation(request, slug)
    form = OrganisationItemForm(request.POST or None, initial={"kind": "example"})
    if request.method == "POST" and form.is_valid():
        actions.save_organisation_item(
            person=request.user, organisation=organisation, **form.cleaned_data
        )
        messages.success(request, "The item is saved.")
        return redirect("agreements:organisation-items", slug=organisation.slug)
    items = OrganisationItem.objects.filter(organisation=organisation)
    return render(
        request,
        "agreements/organisation_items.html",
        {
            "organisation": organisation,
            "form": form,
            "baseline": [i for i in items if i.kind == "baseline"],
            "examples": [i for i in items if i.kind == "example"],
            "default_examples": DEFAULT_EXAMPLES,
        },
    )


def _organisation_item(organisation: Organisation, item_id: int) -> OrganisationItem:
    item = OrganisationItem.objects.filter(
        organisation=organisation, pk=item_id
    ).first()
    if item is None:
        raise Http404
    return item


@login_required
@require_http_methods(["GET", "POST"])
def organisation_item_edit(
    request: AuthenticatedRequest, slug: str, item_id: int
) -> HttpResponse:
    organisation = _managed_organisation(request, slug)
    item = _organisation_item(organisation, item_id)
    form = OrganisationItemForm(
        request.POST or None,
        initial={"kind": item.kind, "text": item.text, "why": item.why},
    )
    if request.method == "POST" and form.is_valid():
        actions.save_organisation_item(
            person=request.user,
            organisation=organisation,
            item=item,
            **form.cleaned_data,
        )
        messages.success(request, "The item is saved.")
        return redirect("agreements:organisation-items", slug=organisation.slug)
    return render(
        request,
        "agreements/organisation_item_edit.html",
        {"organisation": organisation, "form": form, "item": item},
    )


@login_required
@require_POST
def organisation_item_remove(
    request: AuthenticatedRequest, slug: str, item_id: int
) -> HttpResponse:
    organisation = _managed_organisation(request, slug)
    item = _organisation_item(organisation, item_id)
    actions.remove_organisation_item(
        person=request.user, organisation=organisation, item=item
    )
    messages.info(request, "The item is removed.")
    return redirect("agreements:organisation-items", slug=organisation.slug)
