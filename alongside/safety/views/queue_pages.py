"""The moderation queue, deciding on a post, and a decision's page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from alongside.accounts.second_factor import ensure_second_factor
from alongside.conversations.models import FORMER_MEMBER
from alongside.core.requests import AuthenticatedRequest
from alongside.peergroups.models import Membership, PeerGroup
from alongside.peergroups.permissions import get_group_for
from alongside.privateconversations.models import Conversation
from alongside.privateconversations.notices import open_team_conversation
from alongside.privateconversations.permissions import participant_of
from alongside.safety import actions, reads
from alongside.safety.agreement_items import name_reported_items
from alongside.safety.forms import (
    DecisionForm,
    DecisionReplyForm,
)
from alongside.safety.models import (
    ModerationDecision,
)
from alongside.safety.permissions import (
    can_decide_on,
    can_open_phrase_rules,
    can_read_queue_words,
    can_read_report_notes,
    can_reply_to_decision,
    can_see_reports_on,
    check_see_queue,
    get_decision_for,
    get_post_decided_meanwhile,
    get_post_to_moderate,
    posts_decidable_by,
    reads_decision_as_staff,
)
from alongside.safety.queue import entry_for, queue_for, seen_state
from alongside.safety.views.lookups import place_of


@login_required
@require_GET
def queue(request: AuthenticatedRequest, group_id: int) -> HttpResponse:
    group = get_group_for(request.user, group_id)
    check_see_queue(request.user, group)
    ensure_second_factor(request)
    entries = queue_for(group)
    can_read = can_read_queue_words(request.user, group)
    if can_read:
        reads.record_queue_read(reader=request.user, entries=entries)
        name_reported_items(group, entries)
    decide_ids = posts_decidable_by(
        request.user, group, [entry.post for entry in entries]
    )
    return render(
        request,
        "safety/queue.html",
        {
            "group": group,
            "entries": entries,
            "can_read": can_read,
            "decide_ids": decide_ids,
            "report_ids": {
                entry.post.pk
                for entry in entries
                if can_see_reports_on(request.user, entry.post)
            },
            "decides_for_the_group": bool(decide_ids) and not can_read,
            "can_open_rules": can_open_phrase_rules(request.user, group.organisation),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def queue_decide(
    request: AuthenticatedRequest, group_id: int, post_id: int
) -> HttpResponse:
    group = get_group_for(request.user, group_id)
    try:
        post = get_post_to_moderate(request.user, group, post_id)
    except Http404:
        if request.method != "POST" or not request.POST.get("seen"):
            raise
        # A decision sent from the page, for a post decided about since it opened.
        return _decided_meanwhile(request, group, post_id)
    ensure_second_factor(request)
    may_decide = can_decide_on(request.user, post)
    if request.method == "POST" and not may_decide:
        # Their own post: someone else on the team decides (the page says so).
        raise PermissionDenied
    form = DecisionForm(request.POST or None, initial={"seen": seen_state(post)})
    if request.method == "POST" and form.is_valid():
        try:
            actions.decide_on_post(person=request.user, post=post, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error.messages[0])
            if getattr(error, "code", None) == "stale":
                # They now see what changed; sending again records their decision.
                data = request.POST.copy()
                data["seen"] = seen_state(post)
                form.data = data
        else:
            messages.success(
                request, "Done. The author has been told, and it is recorded."
            )
            return redirect("safety:queue", group_id=group.pk)
    entry = entry_for(post)
    if entry is None:
        # Decided meanwhile between the lookup and now: nothing justifies a read.
        raise Http404
    shows_notes = may_decide and can_read_report_notes(request.user, group)
    reads.record_decide_read(
        reader=request.user, post=post, entry=entry, shows_notes=shows_notes
    )
    author_name = (
        Membership.objects.filter(group=group, person_id=post.author_id)
        .values_list("display_name", flat=True)
        .first()
        if post.author_id is not None
        else FORMER_MEMBER
    )
    return render(
        request,
        "safety/queue_decide.html",
        {
            "group": group,
            "post": post,
            "entry": entry,
            "author_name": author_name,
            "form": form,
            "may_decide": may_decide,
            "shows_notes": shows_notes,
            "decisions": post.decisions.all()[:10],
        },
        status=400 if form.errors else 200,
    )


def _decided_meanwhile(
    request: AuthenticatedRequest, group: PeerGroup, post_id: int
) -> HttpResponse:
    """A decision sent for a post someone has decided about since: say so, give
    back what they wrote, and show nothing of the post."""
    post = get_post_decided_meanwhile(request.user, group, post_id)
    ensure_second_factor(request)
    form = DecisionForm(request.POST)
    form.is_valid()
    return render(
        request,
        "safety/queue_decided_meanwhile.html",
        {"group": group, "post": post, "form": form, "latest": post.decisions.first()},
        status=409,
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision_detail(request: AuthenticatedRequest, decision_id: int) -> HttpResponse:
    decision = get_decision_for(request.user, decision_id)
    as_staff = reads_decision_as_staff(request.user, decision)
    if as_staff:
        # A facilitator's page, with the author's words: a staff page.
        ensure_second_factor(request)
    may_reply = can_reply_to_decision(request.user, decision)
    form = DecisionReplyForm(request.POST or None)
    if request.method == "POST":
        if not may_reply and not as_staff:
            # A second click, or an older tab: the first reply is kept.
            messages.info(request, "Your reply is already with the facilitator.")
            return redirect("safety:decision-detail", decision_id=decision.pk)
        if not may_reply:
            raise PermissionDenied
        if form.is_valid():
            actions.reply_to_decision(
                person=request.user, decision=decision, reply=form.cleaned_data["reply"]
            )
            messages.success(request, "Thank you. Your reply is with the facilitator.")
            return redirect("safety:decision-detail", decision_id=decision.pk)
    if as_staff:
        reads.record_decision_reply_read(reader=request.user, decision=decision)
    return render(
        request,
        "safety/decision.html",
        {
            "decision": decision,
            "form": form,
            "may_reply": may_reply,
            "is_author": not as_staff,
            "back": place_of(decision.post),
            "conversation": _conversation_about(request, decision),
        },
        status=400 if form.errors else 200,
    )


def _conversation_about(
    request: AuthenticatedRequest, decision: ModerationDecision
) -> Conversation | None:
    """The author's private conversation with the team, when the viewer is in it:
    where a note and the replies to it carry on."""
    author = decision.post.author
    if author is None:
        return None
    conversation = open_team_conversation(author, decision.group.organisation)
    if conversation is None or participant_of(request.user, conversation) is None:
        return None
    return conversation
