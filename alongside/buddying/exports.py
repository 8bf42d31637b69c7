"""What a person's data download holds from one-to-one support: their own requests
(their words), their matching facts, offers made to them and by them (when and how
they ended, never the peer's words once closed), their matches and every version of
their support agreements (for a supporter, without the words of the versions the
peer wrote). Used by alongside.privacy.registry."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Q

from alongside.accounts.models import Person

from .models import (
    AgreementVersion,
    ConflictFlag,
    Match,
    MeetingNote,
    Offer,
    SupportProfile,
    SupportRequest,
)

Row = dict[str, Any]


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def export_requests(person: Person) -> list[Row]:
    return [
        {
            "organisation": r.organisation.name,
            "asked_at": _when(r.created_at),
            "words": r.words,
            "experiences": r.experiences,
            "language": r.language,
            "supporter_preference": r.get_gender_preference_display(),
            "ways_to_meet": r.format_labels,
            "times": r.window_labels,
            "what_would_help": r.access_needs,
            "team": r.team,
            "role_at_work": r.work_role,
            "role_shared_with_supporter": r.shares_work_role,
            "status": r.get_status_display(),
            "closed_at": _when(r.closed_at),
        }
        for r in SupportRequest.objects.filter(peer=person).select_related(
            "organisation"
        )
    ]


def export_support_profiles(person: Person) -> list[Row]:
    return [
        {
            "organisation": p.organisation.name,
            "experiences": p.experiences,
            "languages": p.languages,
            "times": p.windows,
            "gender": p.get_gender_display(),
            "team": p.team,
        }
        for p in SupportProfile.objects.filter(person=person).select_related(
            "organisation"
        )
    ]


def export_offers_received(person: Person) -> list[Row]:
    # When and how each ended; never the peer's words or name.
    return [
        {
            "offered_at": _when(o.created_at),
            "status": o.get_status_display(),
            "answered_at": _when(o.answered_at),
        }
        for o in Offer.objects.filter(supporter=person)
    ]


def export_offers_made(person: Person) -> list[Row]:
    # As a coordinator: when, never to whom or for whom.
    return [
        {"offered_at": _when(o.created_at), "status": o.get_status_display()}
        for o in Offer.objects.filter(offered_by=person)
    ]


def export_known_people(person: Person) -> list[Row]:
    # That you said so, and when; the person's name is not repeated.
    return [
        {"said_at": _when(flag.created_at)}
        for flag in ConflictFlag.objects.filter(supporter=person)
    ]


def _suggested_by(planned_by: str, is_peer: bool) -> str:
    """Who asked for a meeting, from the exporting person's side; empty for
    meetings from before meetings were asked."""
    if not planned_by:
        return ""
    return "you" if (planned_by == "peer") == is_peer else "the other person"


def export_matches(person: Person) -> list[Row]:
    rows = []
    for match in (
        Match.objects.filter(Q(peer=person) | Q(supporter=person))
        .select_related("organisation")
        .prefetch_related("agreement_versions", "meetings", "checks__meeting")
    ):
        is_peer = match.peer_id == person.pk
        rows.append(
            {
                "organisation": match.organisation.name,
                "you_were": "the peer" if is_peer else "the supporter",
                "started_at": _when(match.started_at),
                "status": match.get_status_display(),
                "ended_at": _when(match.ended_at),
                "meetings": [
                    {
                        "starts_at": _when(m.starts_at),
                        "ends_at": _when(m.ends_at),
                        "how": m.get_format_display(),
                        "suggested_by": _suggested_by(m.planned_by, is_peer),
                        "agreed_at": _when(m.agreed_at),
                        "time_did_not_work_at": _when(m.declined_at),
                        "checked_in_at": _when(m.checked_in_at),
                        "checked_out_at": _when(m.checked_out_at),
                        "team_alerted_at": _when(m.alerted_at),
                        # Called off after a yes is cancelled; before one, the
                        # one who suggested it withdrew it.
                        "cancelled_at": _when(m.cancelled_at if m.is_agreed else None),
                        "withdrawn_at": _when(None if m.is_agreed else m.cancelled_at),
                    }
                    for m in match.meetings.all()
                ],
                # Only the peer's own answers, and only to the peer.
                "your_answers_to_how_is_it_going": [
                    {
                        "at": _when(c.created_at),
                        "after_the_meeting_on": _when(
                            c.meeting.starts_at if c.meeting else None
                        ),
                        "helpful": c.helpful,
                        "felt_safe": c.felt_safe,
                    }
                    for c in match.checks.all()
                ]
                if is_peer
                else [],
                # A supporter's download holds the words of the versions they
                # wrote (and the starting one); of the peer's, only when and
                # who agreed, as the peer's words are theirs.
                "agreement_versions": [
                    _version(v)
                    if is_peer or v.proposed_by_id in (None, person.pk)
                    else _version_without_words(v)
                    for v in match.agreement_versions.all()
                ],
            }
        )
    return rows


def _version(version: AgreementVersion) -> Row:
    return {
        "number": version.number,
        "hopes": version.hopes,
        "meeting": version.meeting,
        "contact": version.contact,
        "boundaries": version.boundaries,
        "who_else_knows": version.who_else_knows,
        "missed_meeting": version.missed_meeting,
        "ending": version.ending,
        "length_weeks": version.length_weeks,
        "review_week": version.review_week,
        "agreed_by_the_peer_at": _when(version.peer_agreed_at),
        "agreed_by_the_supporter_at": _when(version.supporter_agreed_at),
    }


def _version_without_words(version: AgreementVersion) -> Row:
    return {
        "number": version.number,
        "written_by": "the person you supported",
        "agreed_by_the_peer_at": _when(version.peer_agreed_at),
        "agreed_by_the_supporter_at": _when(version.supporter_agreed_at),
    }


def export_versions_proposed(person: Person) -> list[Row]:
    return [
        {"number": v.number, "written_at": _when(v.created_at)}
        for v in AgreementVersion.objects.filter(proposed_by=person)
    ]


def export_notes_written(person: Person) -> list[Row]:
    # As a supporter: your own notes after meetings, without the peer's name.
    return [
        {
            "met_on": n.met_on.isoformat(),
            "note": n.body,
            "for_supervision_only": n.is_for_supervision_only,
            "why": n.why_for_supervision,
        }
        for n in MeetingNote.objects.filter(author=person)
    ]
