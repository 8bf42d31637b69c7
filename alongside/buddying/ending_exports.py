"""What a person's data download holds from the end of one-to-one support and
referrals on: their own ending surveys, every referral about them (in full), and
referrals they made or counter-signed (when, where to and how it ended, never the
peer's name). Used by alongside.privacy.registry."""

from __future__ import annotations

from datetime import datetime

from alongside.accounts.models import Person
from alongside.core.exports import Row

from .ending_models import EndingSurvey, Referral


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def export_surveys(person: Person) -> list[Row]:
    return [
        {
            "organisation": s.organisation.name,
            "answered_at": _when(s.created_at),
            "the_support_helped": s.helped,
            "felt_safe_and_respected": s.felt_respected,
            "the_ending_was_planned_with_you": s.ending_felt_right,
            "your_words": s.words,
        }
        for s in EndingSurvey.objects.filter(peer=person).select_related("organisation")
    ]


def export_referrals_about(person: Person) -> list[Row]:
    return [
        {
            "organisation": r.organisation.name,
            "service": r.service_name,
            "recorded_at": _when(r.created_at),
            "basis": r.get_basis_display(),
            "why": r.why,
            "asked_to_share": r.items_asked_labels,
            "shared": r.items_shared_labels,
            "status": r.get_status_display(),
            "your_answer_at": _when(r.consented_at),
            "countersigned_at": _when(r.countersigned_at),
        }
        for r in Referral.objects.filter(peer=person).select_related("organisation")
    ]


def _made(referral: Referral) -> Row:
    # Where to, when and how it ended; never the person it was about.
    return {
        "service": referral.service_name,
        "recorded_at": _when(referral.created_at),
        "basis": referral.get_basis_display(),
        "status": referral.get_status_display(),
    }


def export_referrals_made(person: Person) -> list[Row]:
    return [_made(r) for r in Referral.objects.filter(made_by=person)]


def export_referrals_signed(person: Person) -> list[Row]:
    return [
        {**_made(r), "countersigned_at": _when(r.countersigned_at)}
        for r in Referral.objects.filter(countersigned_by=person)
    ]
