"""Pages for anonymous feedback, felt safety, "you said, we did" and a person's own
scores. Thin: lookup through permissions, form, action, response. The dashboard's
pages are in `dashboard_views.py`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alongside.core.requests import AuthenticatedRequest
from alongside.meetings.permissions import get_occurrence_for
from alongside.organisations.models import SupportService
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.permissions import get_group_for
from alongside.privateconversations.permissions import can_message_team

from . import actions
from .forms import ChangeForm, FeedbackForm, FeltSafetyForm, PartingNoteForm
from .models import BATCH, Change, Kind, OwnScore
from .permissions import (
    answers_visible_to,
    can_leave_parting_note,
    can_record_change,
    check_answer_felt_safety,
    check_give_feedback,
    check_leave_parting_note,
    check_read_answers,
    check_record_change,
    check_see_changes,
    felt_safety_blocker,
    has_left,
    has_left_parting_note,
    parting_note_shown_from,
)
from .screening import screen_feedback
from .shown_back import group_distribution


def _contact_context(
    request: AuthenticatedRequest, group: PeerGroup
) -> dict[str, object]:
    return {
        "group": group,
        "can_message_team": can_message_team(request.user, group.organisation),
        "batch": BATCH,
    }


def _second_look(form: FeedbackForm, group: PeerGroup) -> dict[str, object] | None:
    """What the writer is shown before their words go, when screening points out
    something and they have not yet chosen to send as it is; None otherwise. Their
    words stay in a new form that sends as it is."""
    text = form.cleaned_data["text"]
    screening = screen_feedback(text, organisation=group.organisation)
    if not screening.needs_a_second_look or form.cleaned_data["send_as_it_is"]:
        return None
    context: dict[str, object] = {"screening": screening}
    if screening.risk_to_life:
        context["support_services"] = list(
            SupportService.objects.filter(
                organisation=group.organisation, is_urgent=True
            )[:4]
        )
    context["form"] = type(form)(initial={"text": text, "send_as_it_is": True})
    return context


@login_required
@require_http_methods(["GET", "POST"])
def feedback_give(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = get_group_for(request.user, group_id)
    check_give_feedback(request.user, group)
    form = FeedbackForm(request.POST or None)
    context = _contact_context(request, group)
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["text"]
        second_look = _second_look(form, group)
        if second_look is not None:
            return render(
                request, "insights/feedback_give.html", {**context, **second_look}
            )
        try:
            actions.give_feedback(person=request.user, group=group, text=text)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                "Sent without your name. The facilitators will read it with at "
                f"least {BATCH - 1} others' answers, three days from now at the "
                "earliest.",
            )
            return redirect("peergroups:group-detail", group_id=group.pk)
    return render(
        request,
        "insights/feedback_give.html",
        {**context, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def parting_note(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = get_group_for(request.user, group_id)
    if not can_leave_parting_note(request.user, group) and has_left(
        request.user, group
    ):
        # Back days later (an old tab, a bookmark): a kind word, not a refusal.
        messages.info(
            request,
            "A parting note can be left in the week after leaving, so this one "
            "can no longer be sent.",
        )
        return redirect("peergroups:group-detail", group_id=group.pk)
    check_leave_parting_note(request.user, group)
    form = PartingNoteForm(request.POST or None)
    context = {
        **_contact_context(request, group),
        "shown_from": parting_note_shown_from(),
        "has_left_a_note": has_left_parting_note(request.user, group),
    }
    if request.method == "POST" and form.is_valid():
        second_look = _second_look(form, group)
        if second_look is not None:
            return render(
                request, "insights/parting_note.html", {**context, **second_look}
            )
        try:
            actions.leave_parting_note(
                person=request.user, group=group, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                "Thank you. Your note is kept without your name. The facilitators "
                f"will read it together with at least {BATCH - 1} other notes from "
                "people who left.",
            )
            return redirect("core:home")
    return render(
        request,
        "insights/parting_note.html",
        {**context, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_GET
def feedback_read(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = get_group_for(request.user, group_id)
    check_read_answers(request.user, group)
    visible = answers_visible_to(request.user, group)
    return render(
        request,
        "insights/feedback_read.html",
        {
            "group": group,
            "answers": [a for a in visible if a.kind != Kind.PARTING],
            "parting_notes": [a for a in visible if a.kind == Kind.PARTING],
            "batch": BATCH,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def felt_safety_answer(
    request: AuthenticatedRequest, group_id: int, occurrence_id: int
) -> HttpResponse:
    group = get_group_for(request.user, group_id)
    occurrence = get_occurrence_for(request.user, group, occurrence_id)
    check_answer_felt_safety(request.user, occurrence)
    form = FeltSafetyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.answer_felt_safety(
                person=request.user, occurrence=occurrence, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                "Thank you. Your answers are kept without your name. You can see "
                "your own on your felt-safety page.",
            )
            return redirect("peergroups:group-detail", group_id=group.pk)
    return render(
        request,
        "insights/felt_safety.html",
        {
            "group": group,
            "occurrence": occurrence,
            "form": form,
            "blocker": felt_safety_blocker(request.user, occurrence),
            "batch": BATCH,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def prompt_dismiss(request: AuthenticatedRequest) -> HttpResponse:
    if request.POST.get("ask_again") == "yes":
        actions.restore_felt_safety_prompt(person=request.user)
        messages.success(request, "We will ask after meetings again, once a week.")
    else:
        actions.dismiss_felt_safety_prompt(person=request.user)
        messages.success(
            request,
            "We won't ask how meetings felt again. You can change this on your "
            "felt-safety page.",
        )
    return redirect("insights:own-scores")


@login_required
@require_GET
def own_scores(request: AuthenticatedRequest) -> HttpResponse:
    from .models import FeltSafetyPrompt

    scores = list(OwnScore.objects.filter(person=request.user))
    prompt = FeltSafetyPrompt.objects.filter(person=request.user).first()
    return render(
        request,
        "insights/own_scores.html",
        {
            "scores": scores,
            "trend": _trend(scores),
            "is_dismissed": prompt is not None and prompt.is_dismissed,
        },
    )


def _trend(scores: list[OwnScore]) -> list[dict[str, object]]:
    """The person's own average per month, oldest first."""
    months: dict[object, list[OwnScore]] = {}
    for score in scores:
        months.setdefault(score.month, []).append(score)
    return [
        {
            "month": month,
            "felt_safe": sum(s.felt_safe for s in rows) / len(rows),
            "could_say": sum(s.could_say for s in rows) / len(rows),
            "answers": len(rows),
        }
        for month, rows in months.items()
    ]


@login_required
@require_http_methods(["GET", "POST"])
def you_said_we_did(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = get_group_for(request.user, group_id)
    check_see_changes(request.user, group)
    may_record = can_record_change(request.user, group)
    form = ChangeForm(request.POST or None) if may_record else None
    if request.method == "POST":
        check_record_change(request.user, group)
        if form is not None and form.is_valid():
            try:
                actions.record_change(
                    person=request.user, group=group, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "Added. The group can read it here.")
                return redirect("insights:you-said-we-did", group_id=group.pk)
    return render(
        request,
        "insights/you_said_we_did.html",
        {
            "group": group,
            "changes": Change.objects.filter(group=group),
            "distribution": group_distribution(group),
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )
