"""Looking after the supporter after a crisis they handled: taking up an alert
about someone at risk, or recording a serious incident, offers them follow-ups
(alongside.supporters.followups). A call for help from a supporter, or a missed
check-out, is not a crisis the person answering handled in this sense, so it offers
none."""

from __future__ import annotations

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation
from alongside.supporters.followups import offer_crisis_follow_ups

from .escalation_kinds import is_about_a_supporter
from .models import Escalation, Severity

SERIOUS = frozenset({Severity.HIGH, Severity.CRITICAL})


def after_taking_up(person: Person, escalation: Escalation) -> None:
    if not is_about_a_supporter(escalation):
        offer_crisis_follow_ups(person=person, organisation=escalation.organisation)


def after_incident(person: Person, organisation: Organisation, severity: str) -> None:
    if severity in SERIOUS:
        offer_crisis_follow_ups(person=person, organisation=organisation)
