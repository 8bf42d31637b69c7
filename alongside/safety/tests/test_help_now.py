"""A supporter's "I need help now" goes through the one escalation path: it reaches
their supervisor and whoever is on duty (the rota included) live, moves up the
organisation's chain after five minutes with the chain's own task, then to the
supervisors and admins, and is answered like any alert."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from alongside.core.live import alerts_channel_group
from alongside.notifications.models import Notification
from alongside.organisations.models import Organisation, Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.safety import actions, help_actions
from alongside.safety.help_permissions import get_help_alert_for
from alongside.safety.models import Escalation, EscalationReason, EventKind
from alongside.supporters.models import ShiftKind
from alongside.supporters.tests.factories import (
    ShiftFactory,
    SupervisionFactory,
    member_of,
)
from conftest import client_for

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def organisation() -> Organisation:
    return OrganisationFactory.create()


def test_it_reaches_the_supervisor_and_the_rota_then_moves_up_the_chain(
    organisation: Organisation,
) -> None:
    supporter = member_of(organisation)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    on_crisis_cover = member_of(organisation, Role.FACILITATOR)
    in_the_chain = member_of(organisation, Role.FACILITATOR)
    admin = member_of(organisation, Role.ADMIN)
    SupervisionFactory.create(
        organisation=organisation, supporter=supporter, supervisor=supervisor
    )
    now = timezone.now()
    ShiftFactory.create(
        organisation=organisation,
        kind=ShiftKind.CRISIS,
        person=on_crisis_cover,
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(hours=2),
    )
    actions.set_escalation_chain(
        person=admin,
        organisation=organisation,
        minutes_before_moving_up=10,
        steps=[actions.StepChoice(person=in_the_chain)],
    )

    call = help_actions.ask_for_help_now(
        person=supporter, organisation=organisation, now=now
    )

    assert call.reason == EscalationReason.SUPPORTER_HELP
    assert call.group is None and call.post is None
    assert set(call.alerted.all()) == {supervisor, on_crisis_cover}
    assert Notification.objects.filter(person=supervisor).count() == 1
    # The chain waits ten minutes for an alert about a post; a supporter's call
    # for help waits five.
    assert call.next_move_at == now + timedelta(minutes=5)
    assert actions.move_up_due_escalations(now=now + timedelta(minutes=4)) == 0
    assert actions.move_up_due_escalations(now=now + timedelta(minutes=5)) == 1
    assert set(call.alerted.all()) == {supervisor, on_crisis_cover, in_the_chain}
    # When the chain runs out, the supervisors and admins, never the asker.
    assert actions.move_up_due_escalations(now=now + timedelta(minutes=10)) == 1
    assert set(call.alerted.all()) == {
        supervisor,
        on_crisis_cover,
        in_the_chain,
        admin,
    }
    assert actions.move_up_due_escalations(now=now + timedelta(minutes=15)) == 0

    actions.acknowledge_escalation(person=in_the_chain, escalation=call)

    call.refresh_from_db()
    assert call.acknowledged_by == in_the_chain
    assert call.next_move_at is None
    told = Notification.objects.get(person=supporter)
    assert "will be in touch" in told.message
    assert "post" not in told.message


def test_without_a_supervisor_or_anyone_on_duty_it_goes_to_the_supervisors(
    organisation: Organisation,
) -> None:
    supervisor = member_of(organisation, Role.SUPERVISOR)
    asking_supervisor = member_of(organisation, Role.SUPERVISOR)

    call = help_actions.ask_for_help_now(
        person=asking_supervisor, organisation=organisation
    )
    again = help_actions.ask_for_help_now(
        person=asking_supervisor, organisation=organisation
    )

    assert again == call
    assert Escalation.objects.count() == 1
    assert list(call.alerted.all()) == [supervisor]
    with pytest.raises(PermissionDenied):
        actions.acknowledge_escalation(person=asking_supervisor, escalation=call)


def test_a_peer_cannot_call_for_help_as_a_supporter(organisation: Organisation) -> None:
    peer = member_of(organisation, Role.PEER)

    with pytest.raises(Http404):
        help_actions.ask_for_help_now(person=peer, organisation=organisation)
    assert not Escalation.objects.exists()


def test_it_reaches_the_supervisors_open_pages_live(
    organisation: Organisation, django_capture_on_commit_callbacks: Any
) -> None:
    supporter = member_of(organisation)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    SupervisionFactory.create(
        organisation=organisation, supporter=supporter, supervisor=supervisor
    )
    layer = get_channel_layer()
    assert layer is not None
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(alerts_channel_group(supervisor.pk), channel)

    with django_capture_on_commit_callbacks(execute=True):
        call = help_actions.ask_for_help_now(
            person=supporter, organisation=organisation
        )

    event = async_to_sync(layer.receive)(channel)
    assert event["type"] == "duty.alert"
    assert event["escalation_id"] == call.pk
    assert "A supporter has asked for help now" in event["html"]
    assert reverse("safety:help-alert", args=[call.pk]) in event["html"]


def test_the_chains_own_task_is_queued_for_the_five_minutes(
    organisation: Organisation, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    supporter = member_of(organisation)
    member_of(organisation, Role.SUPERVISOR)

    with django_capture_on_commit_callbacks(execute=True):
        call = help_actions.ask_for_help_now(
            person=supporter, organisation=organisation
        )

    queued = DBTaskResult.objects.get(
        task_path=actions.move_escalation_up_when_due.module_path,
        status=TaskResultStatus.READY,
    )
    assert queued.args_kwargs["args"] == [call.pk]
    assert queued.run_after == call.next_move_at


def test_the_supporter_calls_and_the_supervisor_answers_from_any_page(
    organisation: Organisation,
) -> None:
    supporter = member_of(organisation)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    admin_not_reached = member_of(organisation, Role.ADMIN)
    SupervisionFactory.create(
        organisation=organisation, supporter=supporter, supervisor=supervisor
    )
    supporter_client, supervisor_client = client_for(supporter), client_for(supervisor)
    url = reverse("safety:help-now", args=[organisation.slug])

    asked = supporter_client.post(url)
    again = supporter_client.post(url)

    assert asked.status_code == again.status_code == 302
    call = Escalation.objects.get()
    waiting = supporter_client.get(url).content.decode()
    assert "Your supervisor, and whoever is on duty, have been told" in waiting
    alert = f'id="alert-{call.pk}"'
    inbox = supervisor_client.get(reverse("notifications:inbox")).content.decode()
    assert alert in inbox and "A supporter has asked for help now" in inbox
    for name in ("safety:duty", "today:page"):
        shown = supervisor_client.get(reverse(name)).content.decode()
        assert "A supporter has asked for help now" in shown
    detail = reverse("safety:escalation-detail", args=[call.pk])
    assert supervisor_client.get(detail)["Location"] == reverse(
        "safety:help-alert", args=[call.pk]
    )
    page = supervisor_client.get(reverse("safety:help-alert", args=[call.pk]))
    assert supporter.shown_name in page.content.decode()
    assert supporter.username not in page.content.decode()
    assert (
        client_for(admin_not_reached)
        .get(reverse("safety:help-alert", args=[call.pk]))
        .status_code
        == 404
    )
    assert (
        supporter_client.get(reverse("safety:help-alert", args=[call.pk])).status_code
        == 404
    )

    answer = supervisor_client.post(reverse("safety:help-alert", args=[call.pk]))

    assert answer.status_code == 302
    assert (
        "has seen it and will be in touch" in supporter_client.get(url).content.decode()
    )
    inbox = supervisor_client.get(reverse("notifications:inbox")).content.decode()
    assert alert not in inbox
    assert EventKind.ACKNOWLEDGED in call.events.values_list("kind", flat=True)
    with pytest.raises(Http404):
        get_help_alert_for(supporter, call.pk)
