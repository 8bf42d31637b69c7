"""The duty page, an alert's page (reading, messaging the person, taking it up) and
the escalation chain."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Value, When
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from alongside.accounts.second_factor import ensure_second_factor
from alongside.core.requests import AuthenticatedRequest
from alongside.organisations.models import Organisation
from alongside.organisations.permissions import get_organisation_for
from alongside.peergroups.models import Membership
from alongside.privateconversations.forms import MessageForm
from alongside.privateconversations.notices import open_team_conversation
from alongside.privateconversations.permissions import participant_of
from alongside.safety import actions, reads
from alongside.safety.forms import (
    DutyForm,
    EscalationChainForm,
)
from alongside.safety.models import (
    DutyPeriod,
    Escalation,
    EscalationChain,
    EscalationStatus,
)
from alongside.safety.permissions import (
    can_acknowledge,
    can_edit_escalation_chain,
    can_message_from_alert,
    can_open_phrase_rules,
    can_open_post_from_alert,
    can_record_incident,
    check_edit_escalation_chain,
    duty_organisations_of,
    escalations_visible_to,
    get_escalation_for,
    reads_post_only_through_alert,
)
from alongside.safety.views.lookups import place_of
from alongside.supporters.permissions import NotTrained, duty_training_reason


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
            "post_place": place_of(post)
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
