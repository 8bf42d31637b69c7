"""Endings and referrals for one-to-one support tests. Words are neutral
placeholders."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, SupportService
from alongside.organisations.tests.factories import SupportServiceFactory

from .. import actions
from ..ending_models import Basis, EndingSurvey, Referral, ReferralStatus
from ..models import Match


def agreed(match: Match, *, length_weeks: int = 12) -> Match:
    """Both agree a version with this planned length."""
    version = actions.propose_agreement(
        person=match.peer,
        match=match,
        fields={
            **{
                name: getattr(match.agreement_versions.get(number=1), name)
                for name in (
                    "hopes",
                    "meeting",
                    "contact",
                    "boundaries",
                    "who_else_knows",
                    "missed_meeting",
                    "ending",
                )
            },
            "length_weeks": length_weeks,
            "review_week": 1,
        },
    )
    actions.agree_to_agreement(person=match.supporter, version=version)
    return match


def started_ago(match: Match, days: int) -> Match:
    Match.objects.filter(pk=match.pk).update(
        started_at=timezone.now() - timedelta(days=days)
    )
    match.refresh_from_db()
    return match


def service_of(organisation: Organisation) -> SupportService:
    return SupportServiceFactory.create(organisation=organisation, is_urgent=False)


def ending_records_for_download(
    organisation: Organisation, person: Person, *, own: Match, supported: Match
) -> None:
    """A survey of the person's own, a referral about them, one they made and one
    they counter-signed."""
    EndingSurvey.objects.create(
        organisation=organisation,
        match=own,
        peer=person,
        helped=4,
        felt_respected=5,
        ending_felt_right=4,
        words="marker-own-survey",
    )
    for peer, made_by, signed_by in (
        (person, own.supporter, None),
        (supported.peer, person, person),
    ):
        Referral.objects.create(
            organisation=organisation,
            match=own if peer == person else supported,
            peer=peer,
            made_by=made_by,
            service_name="A service",
            basis=Basis.CONSENT,
            why="marker-referral-why",
            items_asked=["name"],
            items_shared=["name"],
            status=ReferralStatus.CONSENTED,
            countersigned_by=signed_by,
        )
