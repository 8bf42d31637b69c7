"""An alert's inbox note goes through the one notifications entrance (`notify`), like
every other note: it is left once the alert commits, in the system's own words, and
the alert's own email is the only email it sends."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core import mail

from alongside.notifications.models import Notification
from alongside.notifications.tasks import EMAIL_SUBJECT
from alongside.organisations.models import Organisation, Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.safety import escalation_kinds, help_actions
from alongside.supporters.tests.factories import SupervisionFactory, member_of

pytestmark = pytest.mark.django_db(transaction=True)

ESCALATIONS = Path(__file__).resolve().parents[1] / "actions" / "escalations.py"


@pytest.fixture
def organisation() -> Organisation:
    return OrganisationFactory.create()


def test_an_alert_leaves_one_note_and_only_the_alert_email(
    organisation: Organisation,
) -> None:
    supporter = member_of(organisation)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    supervisor.email = "supervisor@example.org"
    supervisor.wants_email_notifications = True
    supervisor.save(update_fields=["email", "wants_email_notifications"])
    SupervisionFactory.create(
        organisation=organisation, supporter=supporter, supervisor=supervisor
    )

    call = help_actions.ask_for_help_now(person=supporter, organisation=organisation)

    note = Notification.objects.get(person=supervisor)
    assert note.message == escalation_kinds.alert_message(call)
    assert str(call.pk) in note.link
    sent = [email for email in mail.outbox if supervisor.email in email.to]
    assert len(sent) == 1
    assert sent[0].subject != EMAIL_SUBJECT


def test_alerts_leave_no_note_outside_notify() -> None:
    source = ESCALATIONS.read_text()
    assert "Notification.objects" not in source
    assert "notify(" in source
