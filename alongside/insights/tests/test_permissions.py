"""The insights policy, role by state: who gives feedback, leaves a parting note,
answers how a meeting felt, reads answers, reads and writes "you said, we did", and
sees the dashboard."""

from __future__ import annotations

import pytest

from alongside.insights import permissions
from alongside.peergroups.models import GroupRole, PeerGroup, Status
from alongside.peergroups.tests.factories import MembershipFactory
from alongside.peergroups.tests.states import STATES, person_in_state

from .factories import past_meeting

# give: feedback · part: a parting note · felt: how a meeting felt · read: the
# answers · changes: read "you said, we did" · record: write it · dashboard: the
# organisation's figures
POLICY = [
    # state                  give   part   felt   read   changes record dashboard
    ("none", False, False, False, False, False, False, False),
    ("requested", False, False, False, False, False, False, False),
    ("active", True, False, True, False, True, False, False),
    ("paused", True, False, True, False, True, False, False),
    ("left", False, True, False, False, False, False, False),
    ("declined", False, False, False, False, False, False, False),
    # Facilitators read the answers, so they write none (a batch they filled
    # themselves would single out one member's answer).
    ("facilitator", False, False, False, True, True, True, False),
    ("paused facilitator", False, False, False, False, True, False, False),
    ("org admin", False, False, False, False, False, False, True),
    ("supervisor", False, False, False, False, False, False, True),
    ("other group", False, False, False, False, False, False, False),
    ("other organisation", False, False, False, False, False, False, False),
]


def test_the_table_covers_every_state() -> None:
    assert {row[0] for row in POLICY} == {*STATES, "paused facilitator"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("state", "give", "part", "felt", "read", "changes", "record", "dashboard"),
    POLICY,
)
def test_policy(
    group: PeerGroup,
    state: str,
    give: bool,
    part: bool,
    felt: bool,
    read: bool,
    changes: bool,
    record: bool,
    dashboard: bool,
) -> None:
    if state == "paused facilitator":
        person = person_in_state("none", group)
        MembershipFactory.create(
            group=group, person=person, status=Status.PAUSED, role=GroupRole.FACILITATOR
        )
    else:
        person = person_in_state(state, group)
    occurrence = past_meeting(group)

    assert permissions.can_give_feedback(person, group) is give
    assert permissions.can_leave_parting_note(person, group) is part
    assert permissions.can_answer_felt_safety(person, occurrence) is felt
    assert permissions.can_read_answers(person, group) is read
    assert permissions.can_see_changes(person, group) is changes
    assert permissions.can_record_change(person, group) is record
    assert permissions.can_see_dashboard(person, group.organisation) is dashboard
