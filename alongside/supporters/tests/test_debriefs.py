"""The short debrief after a meeting someone facilitated: written by them, read by
their supervisor, and by nobody else; sealed at rest; bad input keeps the words."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.models import Notification
from alongside.organisations.models import Organisation, Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.supporters import debriefs
from alongside.supporters.models import FacilitatedMeeting, MeetingDebrief
from conftest import client_for

from .factories import SupervisionFactory, member_of

pytestmark = pytest.mark.django_db(transaction=True)

WORDS = "I felt stretched near the end and would like to talk about pacing."


@pytest.fixture
def organisation() -> Organisation:
    return OrganisationFactory.create()


def facilitated_by(person: Person, organisation: Organisation) -> FacilitatedMeeting:
    return FacilitatedMeeting.objects.create(
        organisation=organisation,
        person=person,
        occurrence_id=12345,
        held_at=timezone.now() - timedelta(hours=2),
    )


def test_a_debrief_reaches_the_supervisor_only(organisation: Organisation) -> None:
    facilitator = member_of(organisation, Role.FACILITATOR)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    SupervisionFactory.create(
        organisation=organisation, supporter=facilitator, supervisor=supervisor
    )
    facilitated = facilitated_by(facilitator, organisation)
    write = reverse("supporters:debrief", args=[facilitated.pk])

    sent = client_for(facilitator).post(write, {"to_pass_on": WORDS, "needs": ""})

    assert sent.status_code == 302
    found = MeetingDebrief.objects.get()
    assert found.supervisor == supervisor
    told = Notification.objects.get(person=supervisor)
    assert WORDS not in told.message
    detail = reverse("supporters:debrief-detail", args=[found.pk])
    assert WORDS in client_for(supervisor).get(detail).content.decode()
    assert WORDS in client_for(facilitator).get(detail).content.decode()
    listing = reverse("supporters:debrief-list", args=[organisation.slug])
    assert detail in client_for(supervisor).get(listing).content.decode()
    for someone in (
        member_of(organisation, Role.ADMIN),
        member_of(organisation, Role.SUPERVISOR),
        member_of(organisation),
    ):
        assert client_for(someone).get(detail).status_code == 404
        assert client_for(someone).get(write).status_code == 404
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_pass_on FROM supporters_meetingdebrief")
        (stored,) = cursor.fetchone()
    assert "stretched" not in stored


def test_an_empty_debrief_or_no_supervisor_is_refused_keeping_the_words(
    organisation: Organisation,
) -> None:
    facilitator = member_of(organisation, Role.FACILITATOR)
    facilitated = facilitated_by(facilitator, organisation)
    client = client_for(facilitator)
    write = reverse("supporters:debrief", args=[facilitated.pk])

    empty = client.post(write, {"to_pass_on": "  ", "needs": ""})
    nobody = client.post(write, {"to_pass_on": WORDS, "needs": ""})

    assert empty.status_code == nobody.status_code == 400
    assert "A debrief is optional" in empty.content.decode()
    assert "You do not have a supervisor yet" in nobody.content.decode()
    assert "pacing" in nobody.content.decode()
    assert not MeetingDebrief.objects.exists()


def test_rewriting_a_debrief_tells_the_supervisor_once(
    organisation: Organisation,
) -> None:
    facilitator = member_of(organisation, Role.FACILITATOR)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    SupervisionFactory.create(
        organisation=organisation, supporter=facilitator, supervisor=supervisor
    )
    facilitated = facilitated_by(facilitator, organisation)

    for needs in ("A chat.", "A chat this week."):
        debriefs.write_debrief(
            person=facilitator, facilitated=facilitated, to_pass_on="", needs=needs
        )

    assert MeetingDebrief.objects.get().needs == "A chat this week."
    assert Notification.objects.filter(person=supervisor).count() == 1
