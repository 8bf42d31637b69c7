"""Pages of a match, for its two people: the match itself (with notes, meetings
and the peer's own check), the support agreement (with print and PDF), writing a
note, the peer's check, asking for a different match and ending. Its meetings have
their own pages (`meeting_views.py`). Views translate; permissions decide; actions
write."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alongside.core.requests import AuthenticatedRequest

from . import actions, planned_end
from .ending_views import ending_context
from .forms import (
    AGREEMENT_TEXT_FIELDS,
    AgreementForm,
    CheckForm,
    NoteForm,
)
from .models import AgreementVersion, Match
from .pair_policy import policy_for
from .pdf import agreement_pdf
from .permissions import (
    can_agree,
    can_answer_check,
    can_answer_meeting_ask,
    can_ask_for_change,
    can_cancel_meeting,
    can_check_in_or_out,
    can_end,
    can_plan_meeting,
    can_propose_agreement,
    can_read_note_words,
    can_withdraw_meeting,
    can_write_note,
    check_ask_for_change,
    check_end,
    get_match_for,
    meeting_checks_waiting_for,
    notes_visible_to,
    side_in,
    work_role_shown_to,
)

SHOWN = 200


def _latest(match: Match) -> AgreementVersion | None:
    return match.agreement_versions.order_by("-number").first()


def _agreed(match: Match) -> AgreementVersion | None:
    return (
        match.agreement_versions.filter(
            peer_agreed_at__isnull=False, supporter_agreed_at__isnull=False
        )
        .order_by("-number")
        .first()
    )


@login_required
@require_GET
def match_detail(request: AuthenticatedRequest, match_id: int) -> HttpResponse:
    match = get_match_for(request.user, match_id)
    meetings = [
        (
            meeting,
            can_check_in_or_out(request.user, meeting),
            can_cancel_meeting(request.user, meeting),
            can_answer_meeting_ask(request.user, meeting),
            can_withdraw_meeting(request.user, meeting),
        )
        for meeting in match.meetings.all()[:SHOWN]
    ]
    return render(
        request,
        "buddying/match.html",
        {
            "match": match,
            "side": side_in(request.user, match),
            "other": match.supporter
            if side_in(request.user, match) == "peer"
            else match.peer,
            "agreed": _agreed(match),
            "latest": _latest(match),
            "can_ask_for_change": can_ask_for_change(request.user, match),
            "can_write_note": can_write_note(request.user, match),
            "can_plan_meeting": can_plan_meeting(request.user, match),
            "can_answer_check": can_answer_check(request.user, match),
            "can_end": can_end(request.user, match),
            "meetings": meetings,
            "asked_of_you": sum(1 for row in meetings if row[3]),
            "checks_waiting": list(meeting_checks_waiting_for(request.user, match)),
            "policy": policy_for(match.organisation),
            "work_role": work_role_shown_to(request.user, match.request)
            if side_in(request.user, match) == "supporter"
            else "",
            "checks": list(match.checks.select_related("meeting")[:SHOWN])
            if side_in(request.user, match) == "peer"
            else [],
            "notes": [
                (note, can_read_note_words(request.user, note))
                for note in notes_visible_to(request.user, match)[:SHOWN]
            ],
            **ending_context(request.user, match),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def note_create(request: AuthenticatedRequest, match_id: int) -> HttpResponse:
    """The supporter writes a note after a meeting."""
    match = get_match_for(request.user, match_id)
    if not can_write_note(request.user, match):
        raise PermissionDenied
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.write_meeting_note(
                person=request.user, match=match, **form.cleaned_data
            )
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Your note is saved.")
            return redirect("buddying:match-detail", match_id=match.pk)
    return render(
        request,
        "buddying/note_form.html",
        {"match": match, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def agreement(request: AuthenticatedRequest, match_id: int) -> HttpResponse:
    match = get_match_for(request.user, match_id)
    latest = _latest(match)
    return render(
        request,
        "buddying/agreement.html",
        {
            "match": match,
            "latest": latest,
            "agreed": _agreed(match),
            "side": side_in(request.user, match),
            "can_agree": latest is not None and can_agree(request.user, latest),
            "can_propose": can_propose_agreement(request.user, match),
            "statement": match.organisation.confidentiality_statement,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def agreement_propose(request: AuthenticatedRequest, match_id: int) -> HttpResponse:
    match = get_match_for(request.user, match_id)
    latest = _latest(match)
    initial = (
        {
            **{name: getattr(latest, name) for name in AGREEMENT_TEXT_FIELDS},
            "length_weeks": latest.length_weeks,
            "review_week": latest.review_week,
        }
        if latest
        else {}
    )
    form = AgreementForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.propose_agreement(
                person=request.user, match=match, fields=form.cleaned_data
            )
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                "Your version is saved, and you have agreed to it. The other person "
                "is asked to read it.",
            )
            return redirect("buddying:agreement", match_id=match.pk)
    return render(
        request,
        "buddying/agreement_form.html",
        {"match": match, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def agreement_agree(request: AuthenticatedRequest, match_id: int) -> HttpResponse:
    match = get_match_for(request.user, match_id)
    try:
        number = int(request.POST.get("number", ""))
    except ValueError:
        number = 0
    version = match.agreement_versions.filter(number=number).first()
    try:
        if version is None:
            raise PermissionDenied(
                "That version of the agreement was not found. Here is the latest."
            )
        actions.agree_to_agreement(person=request.user, version=version)
    except PermissionDenied as error:
        messages.info(request, str(error))
    else:
        messages.success(request, "You have agreed to this version.")
    return redirect("buddying:agreement", match_id=match.pk)


@login_required
@require_GET
def agreement_print(request: AuthenticatedRequest, match_id: int) -> HttpResponse:
    match = get_match_for(request.user, match_id)
    return render(
        request,
        "buddying/agreement_print.html",
        {
            "match": match,
            "agreed": _agreed(match),
            "statement": match.organisation.confidentiality_statement,
        },
    )


@login_required
@require_GET
def agreement_download(request: AuthenticatedRequest, match_id: int) -> HttpResponse:
    match = get_match_for(request.user, match_id)
    agreed = _agreed(match)
    if agreed is None:
        messages.info(request, "There is no agreed version to download yet.")
        return redirect("buddying:agreement", match_id=match.pk)
    response = HttpResponse(agreement_pdf(agreed), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="support-agreement.pdf"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def match_change(request: AuthenticatedRequest, match_id: int) -> HttpResponse:
    """Either of the two asks for a different match, with no reason asked."""
    match = get_match_for(request.user, match_id)
    try:
        check_ask_for_change(request.user, match)
        if request.method == "POST":
            actions.ask_for_change(person=request.user, match=match)
    except PermissionDenied as error:
        # A second click, or the other person ending it first: said kindly.
        messages.info(request, str(error))
        return redirect("buddying:match-detail", match_id=match.pk)
    if request.method == "POST":
        messages.success(
            request,
            "Done. The coordinators know a change was asked for, and nothing more.",
        )
        return redirect("buddying:index")
    return render(
        request,
        "buddying/change.html",
        {"match": match, "side": side_in(request.user, match)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def check_answer(request: AuthenticatedRequest, match_id: int) -> HttpResponse:
    """The peer's own "how is it going?", seen only by them."""
    match = get_match_for(request.user, match_id)
    if not can_answer_check(request.user, match):
        raise PermissionDenied
    form = CheckForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        answer = actions.answer_check(
            person=request.user, match=match, **form.cleaned_data
        )
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
        "buddying/check_form.html",
        {"match": match, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def match_end(request: AuthenticatedRequest, match_id: int) -> HttpResponse:
    """Either of the two ends the support, with a closing guide."""
    match = get_match_for(request.user, match_id)
    try:
        check_end(request.user, match)
        if request.method == "POST":
            actions.end_support(person=request.user, match=match)
    except PermissionDenied as error:
        # A second click, or both ending at once: said kindly, nothing changed.
        messages.info(request, str(error))
        return redirect("buddying:match-detail", match_id=match.pk)
    if request.method == "POST":
        messages.success(request, "Your one-to-one support has ended. Thank you.")
        return redirect("buddying:match-detail", match_id=match.pk)
    return render(
        request,
        "buddying/end.html",
        {
            "match": match,
            "agreed": _agreed(match),
            "side": side_in(request.user, match),
            "planned_end": planned_end.planned_end_of(match),
        },
    )
