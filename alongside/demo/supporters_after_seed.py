"""Demo data for supporters' work after the fact: the evening circle's last four
weekly meetings (held), who facilitated them, jo's debrief to sky after the latest,
and the three-day follow-up fran was sent after a crisis alert.

fran co-facilitated the first three alongside sky (a supervisor, so experienced),
and so leads alone; jo co-facilitated the latest alongside fran: 1 of 3.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from alongside.accounts.models import Person
from alongside.meetings.models import Meeting, Occurrence
from alongside.organisations.models import Organisation
from alongside.peergroups.models import PeerGroup
from alongside.supporters import debriefs
from alongside.supporters.facilitating import record_facilitated_meeting
from alongside.supporters.followups import offer_crisis_follow_ups, send_due_follow_ups
from alongside.supporters.models import FacilitatedMeeting


def _held_occurrences(evening: PeerGroup) -> list[Occurrence]:
    """The evening circle's last four weekly meetings, already held."""
    meeting = Meeting.objects.filter(group=evening).order_by("pk").first()
    if meeting is None:
        return []
    first = meeting.occurrences.order_by("starts_at").first()
    assert first is not None
    held = []
    for weeks in (4, 3, 2, 1):
        starts = first.starts_at - timedelta(weeks=weeks + 1)
        occurrence, _ = Occurrence.objects.get_or_create(
            meeting=meeting,
            slot_at=starts,
            defaults={
                "starts_at": starts,
                "ends_at": starts + timedelta(minutes=meeting.duration_minutes),
                "head_count": 6,
            },
        )
        held.append(occurrence)
    return held


def seed_supporters_after(
    people: dict[str, Person], *, riverside: Organisation, evening: PeerGroup
) -> None:
    fran, jo, sky = people["fran"], people["jo"], people["sky"]
    if FacilitatedMeeting.objects.filter(person__in=[fran, jo]).exists():
        return
    held = _held_occurrences(evening)
    if len(held) < 4:
        return
    for occurrence, facilitators in zip(
        held, ([fran, sky], [fran, sky], [fran, sky], [jo, fran]), strict=True
    ):
        records = record_facilitated_meeting(
            recorder=fran,
            organisation=riverside,
            occurrence_id=occurrence.pk,
            held_at=occurrence.starts_at,
            facilitators=facilitators,
        )
    jos = next(record for record in records if record.person_id == jo.pk)
    debriefs.write_debrief(
        person=jo,
        facilitated=jos,
        to_pass_on="The room was quieter than usual and it went fine. I found the "  # noqa: S106
        "ending hard to hold on time.",
        needs="A few minutes at our next session on closing a meeting gently.",
    )
    offer_crisis_follow_ups(
        person=fran,
        organisation=riverside,
        on=timezone.localdate() - timedelta(days=3),
    )
    send_due_follow_ups()
