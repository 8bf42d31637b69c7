# mypy: disallow-untyped-calls=False
"""Factories for insights: anonymous answers, written as the product writes them
(no person), and a past meeting of a group."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone
from factory.declarations import LazyFunction, SubFactory
from factory.django import DjangoModelFactory

from alongside.accounts.models import Person
from alongside.insights.models import Answer, Kind
from alongside.meetings.models import Occurrence
from alongside.meetings.tests.factories import occurrence_in
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.factories import PeerGroupFactory


class AnswerFactory(DjangoModelFactory[Answer]):
    class Meta:
        model = Answer

    group = SubFactory(PeerGroupFactory)
    kind = Kind.MEETING
    answered_on = LazyFunction(lambda: timezone.localdate() - timedelta(days=10))
    felt_safe = 4
    could_say = 4
    text = ""


def closed_answers(group: PeerGroup, count: int, **fields: object) -> list[Answer]:
    """`count` answers to the group whose window has closed."""
    return [AnswerFactory.create(group=group, **fields) for _ in range(count)]


def past_meeting(group: PeerGroup, *, hours_ago: int = 3) -> Occurrence:
    """A meeting of the group that ended an hour or so ago."""
    starts_at = timezone.now().replace(second=0, microsecond=0) - timedelta(
        hours=hours_ago
    )
    return occurrence_in(group, starts_at=starts_at, minutes=90)


def a_day(days_ago: int) -> date:
    return timezone.localdate() - timedelta(days=days_ago)


def insights_records(person: Person, group: PeerGroup) -> None:
    """A row of every kind the person's data download holds from insights, made by
    the actions: feedback and a meeting's answers they gave as a member, the prompt
    turned off, and a "you said, we did" note they wrote as the group's
    facilitator. Their role in the group is put back afterwards."""
    from alongside.insights import actions
    from alongside.peergroups.models import GroupRole, Membership

    membership = Membership.objects.get(person=person, group=group)
    role = membership.role
    # A group's facilitators give it no answers, so the person answers as a member.
    Membership.objects.filter(pk=membership.pk).update(role=GroupRole.MEMBER)
    actions.give_feedback(person=person, group=group, text="Own made-up feedback.")
    actions.answer_felt_safety(
        person=person, occurrence=past_meeting(group), felt_safe=4, could_say=5
    )
    actions.dismiss_felt_safety_prompt(person=person)
    Membership.objects.filter(pk=membership.pk).update(role=GroupRole.FACILITATOR)
    actions.record_change(
        person=person, group=group, you_said="Made up.", we_did="Made up too."
    )
    Membership.objects.filter(pk=membership.pk).update(role=role)
    from alongside.insights.models import Report

    Report.objects.create(organisation=group.organisation, requested_by=person)
    check_in_records(person, group)


def check_in_records(person: Person, group: PeerGroup) -> None:
    """A row of every kind the person's data download holds from the check-ins:
    their choice, a check-in they answered, and licensed wording they entered."""
    from alongside.insights import check_actions
    from alongside.insights.check_models import LicensedWording
    from alongside.insights.licences import TEAM_PSYCHOLOGICAL_SAFETY

    organisation = group.organisation
    check_actions.check_in(person=person, organisation=organisation, scores=[4] * 5)
    check_actions.choose_asking(person=person, organisation=organisation, asking="yes")
    LicensedWording.objects.create(
        organisation=organisation,
        measure=TEAM_PSYCHOLOGICAL_SAFETY.code,
        items=[f"Made-up statement {n}." for n in range(7)],
        points=7,
        licence_held="A made-up permission.",
        entered_by=person,
    )
