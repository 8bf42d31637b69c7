"""What a person's data download holds from the supporters app: their own training,
supervision (their own sessions, notes included, as one of the two people in them),
check-ins, caseload, shifts, requests for help, and meetings facilitated with
the debriefs after them. Never another supporter's
check-ins, and never who else asked for help. Used by alongside.privacy.registry."""

from __future__ import annotations

from typing import Any

from alongside.accounts.models import Person
from alongside.core.exports import when

from .models import (
    CheckIn,
    FacilitatedMeeting,
    FollowUp,
    HelpRequest,
    MeetingDebrief,
    Shift,
    Supervision,
    SupervisionSession,
    SupporterProfile,
    TrainingRecord,
)

Row = dict[str, Any]


def export_training(person: Person) -> list[Row]:
    return [
        {
            "organisation": r.module.organisation.name,
            "module": r.module.name,
            "completed_on": when(r.completed_on),
            "refresh_by": when(r.expires_on),
            "practice_session": r.is_practice,
        }
        for r in TrainingRecord.objects.filter(person=person).select_related(
            "module__organisation"
        )
    ]


def export_training_recorded(person: Person) -> list[Row]:
    # What you recorded and when, not for whom.
    return [
        {"module": r.module.name, "recorded_at": when(r.created_at)}
        for r in TrainingRecord.objects.filter(recorded_by=person).select_related(
            "module"
        )
    ]


def export_supervised_by(person: Person) -> list[Row]:
    return [
        {
            "organisation": s.organisation.name,
            "supervisor": s.supervisor.shown_name,
            "from": when(s.started_at),
            "until": when(s.ended_at),
        }
        for s in Supervision.objects.filter(supporter=person).select_related(
            "organisation", "supervisor"
        )
    ]


def export_supervising(person: Person) -> list[Row]:
    return [
        {
            "organisation": s.organisation.name,
            "from": when(s.started_at),
            "until": when(s.ended_at),
        }
        for s in Supervision.objects.filter(supervisor=person).select_related(
            "organisation"
        )
    ]


def export_my_supervision_sessions(person: Person) -> list[Row]:
    """The supervisee's record: their sessions, the notes and their reflection."""
    return [
        {
            "organisation": s.organisation.name,
            "kind": s.get_kind_display(),
            "when": when(s.scheduled_for),
            "minutes": s.minutes,
            "status": s.get_status_display(),
            "notes": s.notes,
            "your_reflection": s.reflection,
        }
        for s in SupervisionSession.objects.filter(supervisee=person).select_related(
            "organisation"
        )
    ]


def export_sessions_held(person: Person) -> list[Row]:
    # The sessions you held, with the notes you wrote; not the supervisee's
    # reflection, which is theirs.
    return [
        {
            "organisation": s.organisation.name,
            "when": when(s.scheduled_for),
            "minutes": s.minutes,
            "status": s.get_status_display(),
            "your_notes": s.notes,
        }
        for s in SupervisionSession.objects.filter(supervisor=person).select_related(
            "organisation"
        )
    ]


def export_check_ins(person: Person) -> list[Row]:
    return [
        {
            "when": when(c.created_at),
            "how_you_were": c.get_feeling_display(),
            "load": c.get_load_display(),
            "would_like_to_talk": c.would_like_to_talk,
            "shared_with_supervisor_at": when(c.shared_at),
        }
        for c in CheckIn.objects.filter(person=person)
    ]


def export_supporter_profiles(person: Person) -> list[Row]:
    return [
        {
            "organisation": p.organisation.name,
            "most_matches_at_once": p.max_matches,
            "new_matches_paused": p.matching_paused,
            "on_a_break_since": when(p.on_break_since),
            "profession": p.profession,
            "register": p.get_register_display() if p.register else "",
            "registration_number": p.register_number,
        }
        for p in SupporterProfile.objects.filter(person=person).select_related(
            "organisation"
        )
    ]


def export_shifts(person: Person) -> list[Row]:
    return [
        {
            "organisation": s.organisation.name,
            "kind": s.get_kind_display(),
            "starts_at": when(s.starts_at),
            "ends_at": when(s.ends_at),
        }
        for s in Shift.objects.filter(person=person).select_related("organisation")
    ]


def export_help_asked(person: Person) -> list[Row]:
    return [
        {
            "organisation": h.organisation.name,
            "urgency": h.get_urgency_display(),
            "asked_at": when(h.created_at),
            "answered_at": when(h.acknowledged_at),
        }
        for h in HelpRequest.objects.filter(person=person).select_related(
            "organisation"
        )
    ]


def export_help_answered(person: Person) -> list[Row]:
    # When, not whose.
    return [
        {"organisation": h.organisation.name, "answered_at": when(h.acknowledged_at)}
        for h in HelpRequest.objects.filter(acknowledged_by=person).select_related(
            "organisation"
        )
    ]


def export_help_received(person: Person) -> list[Row]:
    return [
        {"organisation": h.organisation.name, "reached_you_at": when(h.created_at)}
        for h in person.help_requests_received.select_related("organisation")
    ]


def export_facilitated_meetings(person: Person) -> list[Row]:
    """The meetings you facilitated, with your own debrief after each."""
    rows = []
    for m in FacilitatedMeeting.objects.filter(person=person).select_related(
        "organisation"
    ):
        debrief = getattr(m, "debrief", None)
        rows.append(
            {
                "organisation": m.organisation.name,
                "held_at": when(m.held_at),
                "alongside_an_experienced_facilitator": m.with_experienced,
                "debrief_to_pass_on": debrief.to_pass_on if debrief else "",
                "debrief_needs": debrief.needs if debrief else "",
            }
        )
    return rows


def export_facilitators_recorded(person: Person) -> list[Row]:
    # When you said who facilitated, not who.
    return [
        {"held_at": when(m.held_at), "recorded_at": when(m.created_at)}
        for m in FacilitatedMeeting.objects.filter(recorded_by=person)
    ]


def export_debriefs_received(person: Person) -> list[Row]:
    # That a debrief reached you, and when: its words are the writer's.
    return [
        {"organisation": d.organisation.name, "received_at": when(d.created_at)}
        for d in MeetingDebrief.objects.filter(supervisor=person).select_related(
            "organisation"
        )
    ]


def export_follow_ups(person: Person) -> list[Row]:
    return [
        {
            "organisation": f.organisation.name,
            "when": f.get_step_display(),
            "due_on": when(f.due_on),
            "sent_at": when(f.sent_at),
        }
        for f in FollowUp.objects.filter(person=person).select_related("organisation")
    ]
