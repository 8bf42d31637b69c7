"""Safety pages: reporting a post, an author's one-click removal and appeal, the
moderation queue, decisions and replies, being on duty, alerts, the escalation chain
and the incident log. Views translate; permissions decide; actions write."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Value, When
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alongside.accounts.second_factor import ensure_second_factor
from alongside.conversations.models import FORMER_MEMBER, Post, PostStatus
from alongside.conversations.permissions import (
    check_read_group_conversations,
)
from alongside.core.requests import AuthenticatedRequest
from alongside.organisations.models import Organisation
from alongside.organisations.permissions import get_organisation_for
from alongside.peergroups.models import Membership, PeerGroup
from alongside.peergroups.permissions import get_group_for
from alongside.privateconversations.forms import MessageForm
from alongside.privateconversations.models import Conversation
from alongside.privateconversations.notices import open_team_conversation
from alongside.privateconversations.permissions import participant_of
from alongside.supporters.permissions import NotTrained, duty_training_reason

from . import actions, reads
from .agreement_items import item_choices, name_reported_items
from .forms import (
    AppealForm,
    DecisionForm,
    DecisionReplyForm,
    DutyForm,
    EscalationChainForm,
    IncidentForm,
    IncidentUpdateForm,
    ReportForm,
)
from .models import (
    DutyPeriod,
    Escalation,
    EscalationChain,
    EscalationStatus,
    ModerationDecision,
)
from .permissions import (
    can_acknowledge,
    can_decide_on,
    can_edit_escalation_chain,
    can_message_from_alert,
    can_open_phrase_rules,
    can_open_post_from_alert,
    can_read_queue_words,
    can_read_report_notes,
    can_record_incident,
    can_reply_to_decision,
    can_see_all_incidents,
    can_see_reports_on,
    can_update_incident,
    check_appeal,
    check_edit_escalation_chain,
    check_record_incident,
    check_report,
    check_see_queue,
    check_update_incident,
    duty_organisations_of,
    escalations_visible_to,
    get_decision_for,
    get_escalation_for,
    get_incident_for,
    get_post_decided_meanwhile,
    get_post_to_moderate,
    get_readable_post_for,
    incidents_visible_to,
    posts_decidable_by,
    reads_decision_as_staff,
    reads_post_only_through_alert,
)
from .queue import entry_for, queue_for, seen_state
from .rates import incident_rates


def _place_of(post: Post) -> str:
    if post.thread_id is not None:
        return (
            reverse(
                "conversations:thread-detail",
                kwargs={"group_id": post.group_id, "thread_id": post.thread_id},
            )
            # ?post= opens the page of a long conversation that holds the post.
            + f"?post={post.pk}#post-{post.pk}"
        )
    return reverse("conversations:live-room", kwargs={"group_id": post.group_id})


def _readable_post(request: AuthenticatedRequest, group_id: int, post_id: int) -> Post:
    group = get_group_for(request.user, group_id)
    check_read_group_conversations(request.user, group)
    return get_readable_post_for(request.user, group, post_id)


# ---- Reports, and an author's own held post ---------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def post_report(
    request: AuthenticatedRequest, group_id: int, post_id: int
) -> HttpResponse:
    post = _readable_post(request, group_id, post_id)
    check_report(request.user, post)
    form = ReportForm(request.POST or None, agreement_items=item_choices(post.group))
    if request.method == "POST" and form.is_valid():
        try:
            actions.report_post(person=request.user, post=post, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                "Thank you for telling us. A facilitator will look at it, and we'll "
                "let you know when they have. The person who wrote it won't know it "
                "was you.",
            )
            return redirect(_place_of(post))
    return render(
        request,
        "safety/report.html",
        {"post": post, "group": post.group, "form": form, "back": _place_of(post)},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def post_redact(
    request: AuthenticatedRequest, group_id: int, post_id: int
) -> HttpResponse:
    post = _readable_post(request, group_id, post_id)
    post = actions.redact_own_post(person=request.user, post=post)
    if post.is_held:
        messages.info(
            request,
            "The details are removed. It is still waiting for a quick check; "
            "nothing is lost.",
        )
    else:
        messages.success(request, "The details are removed and your post is shared.")
    return redirect(_place_of(post))


@login_required
@require_http_methods(["GET", "POST"])
def post_appeal(
    request: AuthenticatedRequest, group_id: int, post_id: int
) -> HttpResponse:
    post = _readable_post(request, group_id, post_id)
    if post.author_id == request.user.pk and post.status == PostStatus.PUBLISHED:
        # An older page: a facilitator has shared it since.
        messages.info(
            request, "A facilitator has already looked at it, and it is shared now."
        )
        return redirect(_place_of(post))
    check_appeal(request.user, post)
    form = AppealForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.appeal_hold(person=request.user, post=post, **form.cleaned_data)
        messages.success(
            request,
            "Thank you. A facilitator will look at it again and let you know.",
        )
        return redirect(_place_of(post))
    return render(
        request,
        "safety/appeal.html",
        {"post": post, "group": post.group, "form": form, "back": _place_of(post)},
    )


# ---- The moderation queue ----


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
            "back": _place_of(decision.post),
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


# ---- Duty, alerts and the chain ----


@login_required
@require_http_methods(["GET", "POST"])
def duty(request: AuthenticatedRequest) -> HttpResponse:
    organisations = list(duty_organisations_of(request.user))
    if not organisations:
        raise Http404
    ensure_second_factor(request)
    if request.method == "POST":
        form = DutyForm(request.POST)
        if form.is_valid():
            organisation = get_organisation_for(
                request.user, form.cleaned_data["organisation"]
            )
            if form.cleaned_data["on_duty"]:
                try:
                    actions.go_on_duty(person=request.user, organisation=organisation)
                except NotTrained as refused:
                    messages.error(request, str(refused))
                else:
                    messages.success(
                        request, f"You are on duty for {organisation.name}. Thank you."
                    )
            else:
                actions.go_off_duty(person=request.user, organisation=organisation)
                messages.success(request, f"You are off duty for {organisation.name}.")
        return redirect("safety:duty")
    on_duty = set(
        DutyPeriod.objects.filter(
            person=request.user, ended_at__isnull=True
        ).values_list("organisation_id", flat=True)
    )
    rows = [
        {
            "organisation": organisation,
            "is_on_duty": organisation.pk in on_duty,
            "can_edit_chain": can_edit_escalation_chain(request.user, organisation),
            "can_record": can_record_incident(request.user, organisation),
            "can_open_rules": can_open_phrase_rules(request.user, organisation),
            "not_trained": duty_training_reason(request.user, organisation),
        }
        for organisation in organisations
    ]
    # Open alerts first, the most urgent (a plan, a time or a goodbye) at the top.
    alerts = (
        escalations_visible_to(request.user)
        .filter(alerted=request.user)
        .select_related("group")
        .annotate(
            is_waiting=Case(
                When(status=EscalationStatus.ALERTING, then=Value(1)),
                default=Value(0),
            )
        )
        .order_by("-is_waiting", "-urgency", "-created_at")[:20]
    )
    return render(request, "safety/duty.html", {"rows": rows, "alerts": alerts})


@login_required
@require_GET
def escalation_detail(
    request: AuthenticatedRequest, escalation_id: int
) -> HttpResponse:
    escalation = get_escalation_for(request.user, escalation_id)
    if escalation.group is None:  # a supporter's call for help: no group, no post
        return redirect("safety:help-alert", call_id=escalation.pk)
    ensure_second_factor(request)
    if reads_post_only_through_alert(request.user, escalation):
        actions.record_post_viewed(person=request.user, escalation=escalation)
    reads.record_escalation_read(reader=request.user, escalation=escalation)
    return _render_escalation(request, escalation, MessageForm())


def _render_escalation(
    request: AuthenticatedRequest,
    escalation: Escalation,
    message_form: MessageForm,
    *,
    status: int = 200,
) -> HttpResponse:
    assert escalation.group is not None  # calls for help have their own page
    author_name = (
        Membership.objects.filter(
            group=escalation.group, person_id=escalation.person_at_risk_id
        )
        .values_list("display_name", flat=True)
        .first()
    )
    conversation = open_team_conversation(
        escalation.person_at_risk, escalation.organisation
    )
    post = escalation.post
    return render(
        request,
        "safety/escalation.html",
        {
            "escalation": escalation,
            "post": post,
            "post_place": _place_of(post)
            if post is not None and can_open_post_from_alert(request.user, escalation)
            else "",
            "author_name": author_name,
            "events": escalation.events.select_related("person"),
            "can_acknowledge": can_acknowledge(request.user, escalation),
            "can_record": can_record_incident(
                request.user, escalation.organisation, about=escalation
            ),
            "can_message": can_message_from_alert(request.user, escalation),
            "message_form": message_form,
            "conversation": conversation
            if conversation is not None
            and participant_of(request.user, conversation) is not None
            else None,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def escalation_message(
    request: AuthenticatedRequest, escalation_id: int
) -> HttpResponse:
    """ "Message them": open (or carry on) a private conversation with the person
    the alert is about, and write in it. Works without JavaScript."""
    escalation = get_escalation_for(request.user, escalation_id)
    ensure_second_factor(request)
    if request.method == "GET":
        # Nothing is sent by opening a link (a sign-in that ran out): back to the
        # alert, where the words can be written.
        return redirect("safety:escalation-detail", escalation_id=escalation.pk)
    if not can_message_from_alert(request.user, escalation):
        raise PermissionDenied
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            message = actions.message_from_alert(
                person=request.user, escalation=escalation, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error.messages[0])
            data = form.data.copy()  # type: ignore[attr-defined]
            data["client_id"] = str(uuid.uuid4())
            form.data = data
        else:
            messages.success(
                request,
                "Sent. They have been told you have read their post and messaged "
                "them. Carry on the conversation here.",
            )
            return redirect(
                "privateconversations:conversation-detail",
                conversation_id=message.conversation_id,
            )
    return _render_escalation(request, escalation, form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def escalation_acknowledge(
    request: AuthenticatedRequest, escalation_id: int
) -> HttpResponse:
    escalation = get_escalation_for(request.user, escalation_id)
    ensure_second_factor(request)
    if request.method == "GET":
        # Someone whose sign-in had run out pressed the button, signed in again and
        # was sent here: nothing is acknowledged by opening a link, so take them
        # back to the alert and its button.
        if escalation.is_open:
            messages.info(
                request,
                "You are signed in again. Please press the button once more to "
                "acknowledge the alert.",
            )
        return redirect("safety:escalation-detail", escalation_id=escalation.pk)
    if escalation.status != EscalationStatus.ACKNOWLEDGED:
        escalation = actions.acknowledge_escalation(
            person=request.user, escalation=escalation
        )
        if escalation.acknowledged_by_id == request.user.pk:
            messages.success(
                request,
                "Thank you. The person has been told someone will message them soon.",
            )
            return redirect("safety:escalation-detail", escalation_id=escalation.pk)
    messages.info(request, "Someone has already acknowledged this alert.")
    return redirect("safety:escalation-detail", escalation_id=escalation.pk)


def _chain_initial(organisation: Organisation) -> dict[str, object]:
    chain = EscalationChain.objects.filter(organisation=organisation).first()
    if chain is None:
        return {}
    initial: dict[str, object] = {
        "minutes_before_moving_up": chain.minutes_before_moving_up
    }
    for step in chain.steps.all():
        initial[f"step_{step.position}"] = (
            f"person:{step.person_id}" if step.person_id else f"role:{step.role}"
        )
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def chain_edit(request: AuthenticatedRequest, organisation_slug: str) -> HttpResponse:
    organisation = get_organisation_for(request.user, organisation_slug)
    check_edit_escalation_chain(request.user, organisation)
    ensure_second_factor(request)
    no_longer_on_the_team = actions.steps_no_longer_on_the_team(organisation)
    form = EscalationChainForm(
        request.POST or None,
        organisation=organisation,
        no_longer_on_the_team=no_longer_on_the_team,
        initial=_chain_initial(organisation),
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.set_escalation_chain(
                person=request.user,
                organisation=organisation,
                minutes_before_moving_up=form.cleaned_data["minutes_before_moving_up"],
                steps=[actions.StepChoice(person=p, role=r) for p, r in form.steps()],
            )
        except ValidationError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, "The escalation chain is saved.")
            return redirect("safety:chain-edit", organisation_slug=organisation.slug)
    return render(
        request,
        "safety/chain.html",
        {
            "organisation": organisation,
            "form": form,
            "no_longer_on_the_team": no_longer_on_the_team,
        },
        status=400 if form.errors else 200,
    )


# ---- Incidents ----


def _incident_organisation(
    request: AuthenticatedRequest, organisation_slug: str
) -> Organisation:
    organisation = get_organisation_for(request.user, organisation_slug)
    check_record_incident(request.user, organisation)
    ensure_second_factor(request)
    return organisation


def _groups_for_incidents(request: AuthenticatedRequest, organisation: Organisation):  # type: ignore[no-untyped-def]
    groups = PeerGroup.objects.filter(organisation=organisation)
    if can_see_all_incidents(request.user, organisation):
        return groups
    # The groups they facilitate now (as check_record_incident), not ones they left.
    held = Membership.objects.facilitating().filter(person=request.user)
    return groups.filter(pk__in=held.values("group"))


@login_required
@require_GET
def incident_list(
    request: AuthenticatedRequest, organisation_slug: str
) -> HttpResponse:
    organisation = _incident_organisation(request, organisation_slug)
    incidents = incidents_visible_to(request.user, organisation).select_related(
        "group"
    )[:200]
    sees_all = can_see_all_incidents(request.user, organisation)
    return render(
        request,
        "safety/incident_list.html",
        {
            "organisation": organisation,
            "incidents": incidents,
            "rates": incident_rates(organisation=organisation) if sees_all else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def incident_create(
    request: AuthenticatedRequest, organisation_slug: str
) -> HttpResponse:
    organisation = _incident_organisation(request, organisation_slug)
    groups = _groups_for_incidents(request, organisation)
    escalation = None
    decision = None
    source = request.POST if request.method == "POST" else request.GET
    initial: dict[str, object] = {}
    if source.get("escalation", "").isdecimal():
        escalation = get_escalation_for(request.user, int(source["escalation"]))
        check_record_incident(request.user, organisation, about=escalation)
        initial = {"group": escalation.group_id, "category": "risk_to_life"}
    elif source.get("decision", "").isdecimal():
        decision = get_decision_for(request.user, int(source["decision"]))
        check_record_incident(request.user, organisation, about=decision)
        initial = {"group": decision.group_id}
    form = IncidentForm(request.POST or None, groups=groups, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        incident = actions.record_incident(
            person=request.user,
            organisation=organisation,
            escalation=escalation,
            decision=decision,
            **data,
        )
        messages.success(request, "The incident is recorded.")
        return redirect(
            "safety:incident-detail",
            organisation_slug=organisation.slug,
            incident_id=incident.pk,
        )
    return render(
        request,
        "safety/incident_form.html",
        {
            "organisation": organisation,
            "form": form,
            "escalation": escalation,
            "decision": decision,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def incident_detail(
    request: AuthenticatedRequest, organisation_slug: str, incident_id: int
) -> HttpResponse:
    organisation = _incident_organisation(request, organisation_slug)
    incident = get_incident_for(request.user, organisation, incident_id)
    reads.record_incident_read(reader=request.user, incident=incident)
    return render(
        request,
        "safety/incident_detail.html",
        {
            "organisation": organisation,
            "incident": incident,
            "can_update": can_update_incident(request.user, incident),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def incident_update(
    request: AuthenticatedRequest, organisation_slug: str, incident_id: int
) -> HttpResponse:
    organisation = _incident_organisation(request, organisation_slug)
    incident = get_incident_for(request.user, organisation, incident_id)
    check_update_incident(request.user, incident)
    form = IncidentUpdateForm(request.POST or None, instance=incident)
    if request.method == "POST" and form.is_valid():
        actions.update_incident(
            person=request.user, incident=incident, **form.cleaned_data
        )
        messages.success(request, "Thank you. The incident is updated.")
        return redirect(
            "safety:incident-detail",
            organisation_slug=organisation.slug,
            incident_id=incident.pk,
        )
    incident.refresh_from_db()
    return render(
        request,
        "safety/incident_update.html",
        {"organisation": organisation, "incident": incident, "form": form},
        status=400 if form.errors else 200,
    )
