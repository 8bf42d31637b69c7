"""How long supporters' words are kept: the nightly retention run clears
supervision notes after two years (the session's date stays) and deletes debriefs
and check-ins after a year; newer ones are untouched."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from alongside.organisations.models import Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.retention import tasks
from alongside.supporters.models import (
    CheckIn,
    FacilitatedMeeting,
    MeetingDebrief,
    SessionStatus,
    SupervisionSession,
)

from .factories import CheckInFactory, SupervisionSessionFactory, member_of

pytestmark = pytest.mark.django_db


def test_the_nightly_run_clears_old_supervision_words_and_keeps_the_dates() -> None:
    organisation = OrganisationFactory.create()
    supervisor = member_of(organisation, Role.SUPERVISOR)
    supervisee = member_of(organisation)
    now = timezone.now()
    old, recent = (
        SupervisionSessionFactory.create(
            organisation=organisation,
            supervisor=supervisor,
            supervisee=supervisee,
            scheduled_for=when,
            status=SessionStatus.HAPPENED,
            notes="Notes from a session.",
            reflection="My own reflection.",
        )
        for when in (now - timedelta(days=731), now - timedelta(days=700))
    )
    facilitated = FacilitatedMeeting.objects.create(
        organisation=organisation,
        person=supervisee,
        occurrence_id=1,
        held_at=now - timedelta(days=400),
    )
    MeetingDebrief.objects.create(
        organisation=organisation,
        facilitated_meeting=facilitated,
        supervisor=supervisor,
        needs="A talk.",
        created_at=now - timedelta(days=366),
    )
    CheckInFactory.create(
        organisation=organisation,
        person=supervisee,
        created_at=now - timedelta(days=366),
    )
    kept_check_in = CheckInFactory.create(organisation=organisation, person=supervisee)

    counts = tasks.enforce_retention.call()

    assert counts["supervision_sessions_cleared"] == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.notes, old.reflection) == ("", "")
    assert old.status == SessionStatus.HAPPENED
    assert recent.notes == "Notes from a session."
    assert not MeetingDebrief.objects.exists()
    assert FacilitatedMeeting.objects.filter(pk=facilitated.pk).exists()
    assert list(CheckIn.objects.all()) == [kept_check_in]
    assert SupervisionSession.objects.count() == 2


def test_the_run_now_command_says_what_it_cleared_in_numbers() -> None:
    out = StringIO()

    call_command("apply_retention", stdout=out)

    assert "Supporters: cleared the words of 0 supervision sessions" in (out.getvalue())
