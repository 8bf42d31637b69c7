"""Supporters' objects for the URL x role policy test, in the probed group's
organisation: a module on the path, a supervision session and a check-in between
people who are not actors, and a help request from a supporter with no supervisor
of their own (so it reaches the organisation's supervisors at that moment)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from alongside.organisations.models import Role
from alongside.peergroups.models import PeerGroup
from alongside.supporters import actions, debriefs
from alongside.supporters.models import FacilitatedMeeting, ShiftKind, Urgency

from .factories import (
    CheckInFactory,
    ShiftFactory,
    SupervisionFactory,
    SupervisionSessionFactory,
    TrainingModuleFactory,
    member_of,
)


def supporters_objects(group: PeerGroup) -> dict[str, int]:
    organisation = group.organisation
    supervisee = member_of(organisation)
    session = SupervisionSessionFactory.create(
        organisation=organisation,
        supervisor=member_of(organisation, Role.SUPERVISOR),
        supervisee=supervisee,
        notes="Made for the policy test.",
    )
    help_request = actions.ask_for_help(
        person=member_of(organisation), organisation=organisation, urgency=Urgency.SOON
    )
    facilitator = member_of(organisation, Role.FACILITATOR)
    facilitated = FacilitatedMeeting.objects.create(
        organisation=organisation,
        person=facilitator,
        occurrence_id=1,
        held_at=timezone.now() - timedelta(days=1),
    )
    SupervisionFactory.create(
        organisation=organisation,
        supporter=facilitator,
        supervisor=member_of(organisation, Role.SUPERVISOR),
    )
    debrief = debriefs.write_debrief(
        person=facilitator,
        facilitated=facilitated,
        to_pass_on="Made for the policy test.",
        needs="",
    )
    return {
        "facilitated_id": facilitated.pk,
        "debrief_id": debrief.pk,
        "module_id": TrainingModuleFactory.create(organisation=organisation).pk,
        "session_id": session.pk,
        "check_in_id": CheckInFactory.create(
            organisation=organisation, person=supervisee
        ).pk,
        "help_request_id": help_request.pk,
        "shift_id": ShiftFactory.create(
            organisation=organisation,
            kind=ShiftKind.LIVE_ROOMS,
            starts_at=timezone.now() + timedelta(days=1),
            ends_at=timezone.now() + timedelta(days=1, hours=3),
        ).pk,
    }
