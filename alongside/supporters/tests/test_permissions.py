"""Role-by-state tables for every rule in alongside.supporters.permissions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, OrganisationRole, Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.supporters import actions
from alongside.supporters import permissions as rules
from alongside.supporters.models import Gate, ShiftKind, Urgency

from .factories import (
    CheckInFactory,
    ShiftFactory,
    SupervisionFactory,
    SupervisionSessionFactory,
    TrainingRecordFactory,
    member_of,
    required_module,
    trained,
)

pytestmark = pytest.mark.django_db

ROLES = {
    "peer": Role.PEER,
    "peer supporter": Role.PEER_SUPPORTER,
    "facilitator": Role.FACILITATOR,
    "supervisor": Role.SUPERVISOR,
    "admin": Role.ADMIN,
}


def someone(state: str, organisation: Organisation) -> Person:
    if state == "anonymous":
        from django.contrib.auth.models import AnonymousUser

        return AnonymousUser()  # type: ignore[return-value]
    if state == "outsider":
        return member_of(OrganisationFactory.create(), Role.ADMIN)
    return member_of(organisation, ROLES[state])


@pytest.mark.parametrize(
    ("state", "supporter", "manage", "record"),
    [
        ("anonymous", False, False, False),
        ("outsider", False, False, False),
        ("peer", False, False, False),
        ("peer supporter", True, False, False),
        ("facilitator", True, False, False),
        ("supervisor", True, False, True),
        ("admin", True, True, True),
    ],
)
def test_who_supports_manages_and_records_training(
    state: str, supporter: bool, manage: bool, record: bool
) -> None:
    organisation = OrganisationFactory.create()
    person = someone(state, organisation)

    assert rules.is_supporter(person, organisation) is supporter
    assert rules.can_manage_training(person, organisation) is manage
    assert rules.can_record_training(person, organisation) is record
    assert rules.can_manage_rota(person, organisation) is manage
    assert rules.can_assign_supervisors(person, organisation) is manage
    assert rules.can_see_team(person, organisation) is record
    assert rules.can_set_registration(person, organisation) is record
    assert rules.can_ask_for_help(person, organisation) is supporter


@pytest.mark.parametrize(
    ("recorder", "for_whom", "allowed"),
    [
        ("supervisor", "peer supporter", True),
        ("admin", "facilitator", True),
        ("supervisor", "themselves", False),
        ("supervisor", "peer", False),
        ("facilitator", "peer supporter", False),
        ("supervisor", "outsider", False),
    ],
)
def test_trainers_record_other_supporters_training(
    recorder: str, for_whom: str, allowed: bool
) -> None:
    organisation = OrganisationFactory.create()
    person = someone(recorder, organisation)
    supporter = person if for_whom == "themselves" else someone(for_whom, organisation)

    assert rules.can_record_training_for(person, organisation, supporter) is allowed


@pytest.mark.parametrize(
    ("record", "trained_now"),
    [
        ("none", False),
        ("current", True),
        ("expired", False),
        ("practice only", False),
        ("module removed", True),
    ],
)
def test_training_gate_follows_current_completion(
    record: str, trained_now: bool
) -> None:
    organisation = OrganisationFactory.create()
    person = member_of(organisation, Role.FACILITATOR)
    module = required_module(organisation, Gate.ON_DUTY)
    today = timezone.localdate()
    if record == "current":
        trained(person, module)
    elif record == "expired":
        TrainingRecordFactory.create(
            module=module,
            person=person,
            completed_on=today - timedelta(days=400),
            expires_on=today - timedelta(days=35),
        )
    elif record == "practice only":
        TrainingRecordFactory.create(module=module, person=person, is_practice=True)
    elif record == "module removed":
        module.removed_at = timezone.now()
        module.save()

    assert rules.is_trained_for(person, organisation, Gate.ON_DUTY) is trained_now
    assert (person in rules.trained_people(organisation, Gate.ON_DUTY)) is trained_now
    # Other work needs nothing here, so it is open to them either way.
    assert rules.is_trained_for(person, organisation, Gate.FACILITATE)


@pytest.mark.parametrize(
    ("viewer", "reads", "notes", "reflection"),
    [
        ("supervisee", True, False, True),
        ("their supervisor", True, True, False),
        ("their supervisor, now a peer", False, False, False),
        ("their supervisor, gone from the organisation", False, False, False),
        ("another supervisor", False, False, False),
        ("admin", False, False, False),
        ("peer", False, False, False),
        ("outsider", False, False, False),
    ],
)
def test_supervision_notes_are_for_the_two_people_only(
    viewer: str, reads: bool, notes: bool, reflection: bool
) -> None:
    organisation = OrganisationFactory.create()
    supervisee = member_of(organisation)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    session = SupervisionSessionFactory.create(
        organisation=organisation, supervisor=supervisor, supervisee=supervisee
    )
    person = {
        "supervisee": supervisee,
        "their supervisor": supervisor,
        "their supervisor, now a peer": supervisor,
        "their supervisor, gone from the organisation": supervisor,
        "another supervisor": member_of(organisation, Role.SUPERVISOR),
    }.get(viewer) or someone(viewer, organisation)
    if viewer.startswith("their supervisor, "):
        roles = OrganisationRole.objects.filter(person=supervisor)
        if viewer.endswith("now a peer"):
            roles.update(role=Role.PEER)
        else:
            roles.delete()

    assert (session in rules.sessions_visible_to(person)) is reads
    assert rules.can_write_notes(person, session) is notes
    assert rules.can_write_reflection(person, session) is reflection
    if not reads:
        with pytest.raises(Http404):
            rules.get_session_for(person, session.pk)
    # Admins count sessions by date; nobody else does.
    assert (session in rules.session_dates_visible_to(person, organisation)) is (
        viewer == "admin"
    )


@pytest.mark.parametrize(
    ("viewer", "sees_own", "sees_shared"),
    [
        ("the supporter", True, False),
        ("their supervisor", False, True),
        ("another supervisor", False, False),
        ("admin", False, False),
    ],
)
def test_check_ins_are_private_until_shared_with_the_supervisor(
    viewer: str, sees_own: bool, sees_shared: bool
) -> None:
    organisation = OrganisationFactory.create()
    supporter = member_of(organisation)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    SupervisionFactory.create(
        organisation=organisation, supporter=supporter, supervisor=supervisor
    )
    kept = CheckInFactory.create(organisation=organisation, person=supporter)
    shared = CheckInFactory.create(
        organisation=organisation, person=supporter, shared_at=timezone.now()
    )
    person = {
        "the supporter": supporter,
        "their supervisor": supervisor,
        "another supervisor": member_of(organisation, Role.SUPERVISOR),
        "admin": member_of(organisation, Role.ADMIN),
    }[viewer]

    own = rules.check_ins_visible_to(person, organisation)
    assert (kept in own and shared in own) is sees_own
    shared_with = rules.shared_check_ins_for(person, organisation)
    assert (shared in shared_with) is sees_shared
    assert kept not in shared_with
    assert rules.can_share_check_in(person, kept) is (viewer == "the supporter")


@pytest.mark.parametrize(
    ("state", "kind", "allowed"),
    [
        ("peer", ShiftKind.LIVE_ROOMS, False),
        ("peer supporter", ShiftKind.CRISIS, False),
        ("peer supporter", ShiftKind.LIVE_ROOMS, True),
        ("facilitator", ShiftKind.CRISIS, True),
        ("untrained facilitator", ShiftKind.CRISIS, False),
        ("facilitator on a break", ShiftKind.CRISIS, False),
        ("outsider", ShiftKind.ONE_TO_ONE, False),
    ],
)
def test_who_may_take_a_shift(state: str, kind: str, allowed: bool) -> None:
    organisation = OrganisationFactory.create()
    module = required_module(organisation, Gate.ON_DUTY)
    base_state = {
        "untrained facilitator": "facilitator",
        "facilitator on a break": "facilitator",
    }.get(state, state)
    person = someone(base_state, organisation)
    if state != "untrained facilitator":
        trained(person, module)
    if state.endswith("break"):
        actions.take_break(person=person, organisation=organisation)

    assert rules.can_take_shift(person, organisation, kind) is allowed
    assert (rules.shift_refusal(person, organisation, kind) == "") is allowed
    shift = ShiftFactory.create(organisation=organisation, person=person, kind=kind)
    assert (shift.pk in rules.uncovered_shift_ids(organisation, [shift])) is not allowed


@pytest.mark.parametrize(
    ("viewer", "sees", "answers"),
    [
        ("the supporter", True, False),
        ("their supervisor", True, True),
        ("their supervisor, gone from the organisation", False, False),
        ("another supervisor", False, False),
        ("admin", False, False),
        ("peer", False, False),
    ],
)
def test_help_requests_reach_only_who_they_reached(
    viewer: str, sees: bool, answers: bool
) -> None:
    organisation = OrganisationFactory.create()
    supporter = member_of(organisation)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    SupervisionFactory.create(
        organisation=organisation, supporter=supporter, supervisor=supervisor
    )
    help_request = actions.ask_for_help(
        person=supporter, organisation=organisation, urgency=Urgency.SOON
    )
    person = {
        "the supporter": supporter,
        "their supervisor": supervisor,
        "their supervisor, gone from the organisation": supervisor,
        "another supervisor": member_of(organisation, Role.SUPERVISOR),
    }.get(viewer) or someone(viewer, organisation)
    if viewer.endswith("gone from the organisation"):
        OrganisationRole.objects.filter(person=supervisor).delete()

    assert (help_request in rules.help_requests_visible_to(person)) is sees
    assert rules.can_acknowledge_help(person, help_request) is answers
    if not sees:
        with pytest.raises(Http404):
            rules.get_help_request_for(person, help_request.pk)


def test_supporters_with_room_are_trained_supervised_available_and_have_a_limit() -> (
    None
):
    organisation = OrganisationFactory.create()
    module = required_module(organisation, Gate.ONE_TO_ONE)
    ready, paused, untrained, on_break, full, unsupervised = (
        member_of(organisation) for _ in range(6)
    )
    supervisor = member_of(organisation, Role.SUPERVISOR)
    for person in (ready, paused, on_break, full, unsupervised):
        trained(person, module)
    for person in (ready, paused, untrained, on_break, full, unsupervised):
        actions.profile_for(person, organisation)
    for person in (ready, paused, untrained, on_break, full):
        SupervisionFactory.create(
            organisation=organisation, supporter=person, supervisor=supervisor
        )
    actions.set_caseload(
        person=paused, organisation=organisation, max_matches=3, matching_paused=True
    )
    actions.set_caseload(
        person=full, organisation=organisation, max_matches=0, matching_paused=False
    )
    actions.take_break(person=on_break, organisation=organisation)

    assert list(rules.supporters_with_room(organisation)) == [ready]


def test_a_supervisor_who_leaves_is_no_longer_the_supporters_supervisor() -> None:
    organisation = OrganisationFactory.create()
    supporter = member_of(organisation)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    SupervisionFactory.create(
        organisation=organisation, supporter=supporter, supervisor=supervisor
    )
    assert rules.current_supervisor_of(supporter, organisation) == supervisor

    supervisor.roles.update(role=Role.PEER)

    assert rules.current_supervisor_of(supporter, organisation) is None


@pytest.mark.parametrize(
    ("state", "sees"),
    [("admin", True), ("supervisor", False), ("peer supporter", False)],
)
def test_caseload_counts_are_for_admins_and_hide_small_numbers(
    state: str, sees: bool
) -> None:
    organisation = OrganisationFactory.create()
    people = [member_of(organisation) for _ in range(9)]
    for person in people:
        actions.profile_for(person, organisation)
    actions.take_break(person=people[0], organisation=organisation)
    viewer = someone(state, organisation)

    summary = rules.caseload_summary(viewer, organisation)

    if not sees:
        assert summary is None
        return
    assert summary is not None
    # Through the one disclosure control: the one on a break is hidden, and so
    # are the eight others, or nine less eight would give the one away.
    assert summary["taking new matches"] == "hidden"
    assert summary["not taking new matches now"] == "hidden"
    assert summary["with a limit of 3"] == "about 10"
    assert not any(p.username in str(summary) for p in people)


@pytest.mark.parametrize(
    ("who", "asks", "takes"),
    [
        ("the person on it", True, False),
        ("a trained supporter", False, True),
        ("a supporter on a break", False, False),
        ("a peer", False, False),
    ],
)
def test_who_asks_for_and_takes_a_swap(who: str, asks: bool, takes: bool) -> None:
    organisation = OrganisationFactory.create()
    on_it = member_of(organisation)
    shift = ShiftFactory.create(
        organisation=organisation,
        person=on_it,
        kind=ShiftKind.LIVE_ROOMS,
        starts_at=timezone.now() + timedelta(days=1),
        ends_at=timezone.now() + timedelta(days=1, hours=2),
        swap_asked_at=timezone.now(),
    )
    person = {
        "the person on it": on_it,
        "a peer": member_of(organisation, Role.PEER),
    }.get(who) or member_of(organisation)
    if who == "a supporter on a break":
        actions.take_break(person=person, organisation=organisation)
        shift.refresh_from_db()
        shift.person = on_it
        shift.save()

    assert rules.can_ask_for_swap(person, shift) is asks
    assert rules.can_take_this_shift(person, shift) is takes
