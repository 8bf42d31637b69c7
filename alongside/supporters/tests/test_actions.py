"""Supporters' actions: the path, completions and reminders, supervision, breaks,
the rota and asking to talk soon ("now" is tested in safety's test_help_now.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from alongside.notifications.models import Notification
from alongside.organisations.models import STAFF_ROLES, Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.supporters import actions
from alongside.supporters.models import (
    EmploymentKind,
    Gate,
    HelpRequest,
    Shift,
    ShiftKind,
    TrainingModule,
    TrainingRecord,
    Urgency,
)
from alongside.supporters.permissions import is_trained_for
from alongside.supporters.starter import STARTER_PATH

from .factories import (
    ShiftFactory,
    SupervisionFactory,
    TrainingModuleFactory,
    TrainingRecordFactory,
    member_of,
    required_module,
    trained,
)

# Notes are left once a change commits (notify), so these tests commit as the
# product does.
pytestmark = pytest.mark.django_db(transaction=True)


def test_the_starter_path_is_copied_once() -> None:
    organisation = OrganisationFactory.create()
    admin = member_of(organisation, Role.ADMIN)

    first = actions.copy_starter_path(person=admin, organisation=organisation)
    second = actions.copy_starter_path(person=admin, organisation=organisation)

    assert first == len(STARTER_PATH) >= 11
    assert second == 0
    modules = TrainingModule.objects.filter(organisation=organisation)
    assert modules.count() == len(STARTER_PATH)
    assert modules.filter(needed_for_duty=True).exists()


def test_only_admins_build_the_path() -> None:
    organisation = OrganisationFactory.create()
    supervisor = member_of(organisation, Role.SUPERVISOR)

    with pytest.raises(Exception):  # noqa: B017 - 404, whichever class
        actions.copy_starter_path(person=supervisor, organisation=organisation)
    assert not TrainingModule.objects.filter(organisation=organisation).exists()


def test_recording_training_sets_its_expiry_and_tells_the_supporter() -> None:
    organisation = OrganisationFactory.create()
    supervisor = member_of(organisation, Role.SUPERVISOR)
    supporter = member_of(organisation)
    module = TrainingModuleFactory.create(organisation=organisation, refresh_months=12)

    record = actions.record_training(
        person=supervisor,
        supporter=supporter,
        module=module,
        completed_on=date(2026, 1, 31),
    )
    again = actions.record_training(
        person=supervisor,
        supporter=supporter,
        module=module,
        completed_on=date(2026, 1, 31),
    )

    assert again == record
    assert record.expires_on == date(2027, 1, 31)
    assert record.recorded_by == supervisor
    assert Notification.objects.filter(person=supporter).count() == 1


def test_a_practice_session_is_kept_but_does_not_open_a_gate() -> None:
    organisation = OrganisationFactory.create()
    supervisor = member_of(organisation, Role.SUPERVISOR)
    supporter = member_of(organisation, Role.FACILITATOR)
    module = required_module(organisation, Gate.ON_DUTY)

    actions.record_training(
        person=supervisor,
        supporter=supporter,
        module=module,
        completed_on=timezone.localdate(),
        is_practice=True,
    )

    assert TrainingRecord.objects.filter(person=supporter, is_practice=True).exists()
    assert not is_trained_for(supporter, organisation, Gate.ON_DUTY)


@pytest.mark.parametrize(
    ("completed_on", "field"),
    [
        (date.today() + timedelta(days=3), "completed_on"),
        (date(1900, 1, 1), "completed_on"),
    ],
)
def test_a_day_that_cannot_be_right_is_refused_kindly(
    completed_on: date, field: str
) -> None:
    organisation = OrganisationFactory.create()
    supervisor = member_of(organisation, Role.SUPERVISOR)
    module = TrainingModuleFactory.create(organisation=organisation)

    with pytest.raises(ValidationError) as refused:
        actions.record_training(
            person=supervisor,
            supporter=member_of(organisation),
            module=module,
            completed_on=completed_on,
        )
    assert field in refused.value.error_dict


def test_nobody_records_their_own_training() -> None:
    organisation = OrganisationFactory.create()
    supervisor = member_of(organisation, Role.SUPERVISOR)
    module = TrainingModuleFactory.create(organisation=organisation)

    with pytest.raises(PermissionDenied):
        actions.record_training(
            person=supervisor,
            supporter=supervisor,
            module=module,
            completed_on=timezone.localdate(),
        )


def test_a_removed_module_keeps_its_records_and_stops_being_needed() -> None:
    organisation = OrganisationFactory.create()
    admin = member_of(organisation, Role.ADMIN)
    facilitator = member_of(organisation, Role.FACILITATOR)
    module = required_module(organisation, Gate.ON_DUTY)
    held = trained(member_of(organisation), module)
    assert not is_trained_for(facilitator, organisation, Gate.ON_DUTY)

    actions.remove_training_module(person=admin, module=module)

    assert TrainingRecord.objects.filter(pk=held.pk).exists()
    assert is_trained_for(facilitator, organisation, Gate.ON_DUTY)
    with pytest.raises(ValidationError):
        actions.record_training(
            person=admin,
            supporter=facilitator,
            module=module,
            completed_on=timezone.localdate(),
        )


def test_expiring_training_is_told_once_to_the_supporter_and_their_supervisor() -> None:
    organisation = OrganisationFactory.create()
    supporter = member_of(organisation)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    SupervisionFactory.create(
        organisation=organisation, supporter=supporter, supervisor=supervisor
    )
    module = TrainingModuleFactory.create(organisation=organisation, refresh_months=12)
    today = timezone.localdate()
    TrainingRecordFactory.create(
        module=module,
        person=supporter,
        completed_on=today - timedelta(days=345),
        expires_on=today + timedelta(days=20),
    )
    renewed = member_of(organisation)
    TrainingRecordFactory.create(
        module=module,
        person=renewed,
        completed_on=today - timedelta(days=345),
        expires_on=today + timedelta(days=20),
    )
    TrainingRecordFactory.create(
        module=module, person=renewed, completed_on=today - timedelta(days=2)
    )

    assert actions.remind_expiring_training(today=today) == 1
    assert actions.remind_expiring_training(today=today) == 0

    assert Notification.objects.filter(person=supporter).count() == 1
    assert Notification.objects.filter(person=supervisor).count() == 1
    assert not Notification.objects.filter(person=renewed).exists()


def test_a_new_supervisor_ends_the_old_supervision() -> None:
    organisation = OrganisationFactory.create()
    admin = member_of(organisation, Role.ADMIN)
    supporter = member_of(organisation)
    first, second = (member_of(organisation, Role.SUPERVISOR) for _ in range(2))

    actions.assign_supervisor(
        person=admin, organisation=organisation, supporter=supporter, supervisor=first
    )
    actions.assign_supervisor(
        person=admin, organisation=organisation, supporter=supporter, supervisor=second
    )

    links = supporter.supervised_by.order_by("pk")
    assert [link.supervisor for link in links] == [first, second]
    assert links[0].ended_at is not None and links[1].ended_at is None


def test_a_peer_cannot_be_made_a_supervisor() -> None:
    organisation = OrganisationFactory.create()
    admin = member_of(organisation, Role.ADMIN)

    with pytest.raises(ValidationError):
        actions.assign_supervisor(
            person=admin,
            organisation=organisation,
            supporter=member_of(organisation),
            supervisor=member_of(organisation, Role.PEER),
        )


def test_a_break_pauses_matching_and_opens_the_persons_coming_shifts() -> None:
    organisation = OrganisationFactory.create()
    supporter = member_of(organisation, Role.FACILITATOR)
    coming = ShiftFactory.create(
        organisation=organisation,
        person=supporter,
        starts_at=timezone.now() + timedelta(days=1),
        ends_at=timezone.now() + timedelta(days=1, hours=4),
    )
    past = ShiftFactory.create(
        organisation=organisation,
        person=supporter,
        starts_at=timezone.now() - timedelta(days=2),
        ends_at=timezone.now() - timedelta(days=2) + timedelta(hours=4),
    )

    profile = actions.take_break(person=supporter, organisation=organisation)

    assert profile.is_on_break
    coming.refresh_from_db()
    past.refresh_from_db()
    assert coming.person is None
    assert past.person == supporter
    # Nobody is told.
    assert not Notification.objects.exists()


@pytest.mark.parametrize("role", list(Role))
def test_every_staff_role_and_only_those_start_at_the_employed_limit(
    role: Role,
) -> None:
    organisation = OrganisationFactory.create()
    person = member_of(organisation, role)

    profile = actions.profile_for(person, organisation)

    employed = profile.employment == EmploymentKind.EMPLOYED
    assert employed is (role in STAFF_ROLES)


def test_caseload_limits_follow_the_kind_of_role() -> None:
    organisation = OrganisationFactory.create()
    volunteer = member_of(organisation)
    employed = member_of(organisation, Role.FACILITATOR)

    assert actions.profile_for(volunteer, organisation).max_matches == 3
    assert actions.profile_for(employed, organisation).max_matches == 8
    with pytest.raises(ValidationError):
        actions.set_caseload(
            person=volunteer,
            organisation=organisation,
            max_matches=5,
            matching_paused=False,
        )


def test_shifts_refuse_the_untrained_and_overlaps() -> None:
    organisation = OrganisationFactory.create()
    admin = member_of(organisation, Role.ADMIN)
    module = required_module(organisation, Gate.ON_DUTY)
    untrained = member_of(organisation, Role.FACILITATOR)
    ready = member_of(organisation, Role.FACILITATOR)
    trained(ready, module)
    start = timezone.now() + timedelta(hours=2)

    with pytest.raises(ValidationError) as refused:
        actions.add_shift(
            person=admin,
            organisation=organisation,
            kind=ShiftKind.CRISIS,
            starts_at=start,
            ends_at=start + timedelta(hours=4),
            assignee=untrained,
        )
    assert module.name in str(refused.value)
    actions.add_shift(
        person=admin,
        organisation=organisation,
        kind=ShiftKind.CRISIS,
        starts_at=start,
        ends_at=start + timedelta(hours=4),
        assignee=ready,
    )
    with pytest.raises(ValidationError):
        actions.add_shift(
            person=admin,
            organisation=organisation,
            kind=ShiftKind.LIVE_ROOMS,
            starts_at=start + timedelta(hours=1),
            ends_at=start + timedelta(hours=5),
            assignee=ready,
        )
    gap = actions.add_shift(
        person=admin,
        organisation=organisation,
        kind=ShiftKind.CRISIS,
        starts_at=start + timedelta(hours=4),
        ends_at=start + timedelta(hours=8),
        assignee=None,
    )
    assert gap.person is None
    assert Shift.objects.filter(organisation=organisation).count() == 2


def test_help_soon_asks_once_and_the_answer_tells_the_supporter() -> None:
    organisation = OrganisationFactory.create()
    supporter = member_of(organisation)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    member_of(organisation, Role.ADMIN)
    SupervisionFactory.create(
        organisation=organisation, supporter=supporter, supervisor=supervisor
    )

    first = actions.ask_for_help(
        person=supporter, organisation=organisation, urgency=Urgency.SOON
    )
    again = actions.ask_for_help(
        person=supporter, organisation=organisation, urgency=Urgency.SOON
    )

    assert again == first
    assert HelpRequest.objects.count() == 1
    assert list(first.alerted.all()) == [supervisor]
    assert Notification.objects.filter(person=supervisor).count() == 1

    actions.acknowledge_help(person=supervisor, help_request=first)
    actions.acknowledge_help(person=supervisor, help_request=first)

    first.refresh_from_db()
    assert first.acknowledged_by == supervisor
    assert Notification.objects.filter(person=supporter).count() == 1


def test_help_without_a_supervisor_goes_to_the_supervisors_never_the_asker() -> None:
    organisation = OrganisationFactory.create()
    supervisor = member_of(organisation, Role.SUPERVISOR)
    asking_supervisor = member_of(organisation, Role.SUPERVISOR)

    help_request = actions.ask_for_help(
        person=asking_supervisor, organisation=organisation, urgency=Urgency.SOON
    )

    assert list(help_request.alerted.all()) == [supervisor]
    with pytest.raises(PermissionDenied):
        actions.acknowledge_help(person=asking_supervisor, help_request=help_request)


def test_overdue_supervision_pauses_matching_and_tells_only_the_supervisor() -> None:
    organisation = OrganisationFactory.create()
    module = required_module(organisation, Gate.ONE_TO_ONE)
    supporter = member_of(organisation)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    admin = member_of(organisation, Role.ADMIN)
    trained(supporter, module)
    actions.profile_for(supporter, organisation)
    long_ago = timezone.now() - timedelta(weeks=10)
    SupervisionFactory.create(
        organisation=organisation,
        supporter=supporter,
        supervisor=supervisor,
        started_at=long_ago,
    )
    from alongside.supporters.permissions import supporters_with_room

    assert list(supporters_with_room(organisation)) == []
    assert actions.tell_supervisors_of_overdue_supervision() == 1
    assert actions.tell_supervisors_of_overdue_supervision() == 0
    assert Notification.objects.filter(person=supervisor).count() == 1
    assert not Notification.objects.filter(person__in=[admin, supporter]).exists()

    session = actions.schedule_session(
        person=supervisor,
        organisation=organisation,
        supervisee=supporter,
        kind="one_to_one",
        scheduled_for=timezone.now() - timedelta(days=1),
        minutes=60,
    )
    actions.write_session_notes(
        person=supervisor, session=session, notes="", status="happened"
    )

    assert list(supporters_with_room(organisation)) == [supporter]
    later = timezone.now() + timedelta(weeks=7)
    assert actions.tell_supervisors_of_overdue_supervision(now=later) == 1


def test_a_swap_stays_yours_until_someone_who_can_takes_it() -> None:
    organisation = OrganisationFactory.create()
    module = required_module(organisation, Gate.ON_DUTY)
    first, second = (member_of(organisation, Role.FACILITATOR) for _ in range(2))
    untrained = member_of(organisation, Role.FACILITATOR)
    for person in (first, second):
        trained(person, module)
    start = timezone.now() + timedelta(days=1)
    shift = ShiftFactory.create(
        organisation=organisation,
        person=first,
        starts_at=start,
        ends_at=start + timedelta(hours=4),
    )

    with pytest.raises(ValidationError):
        actions.take_shift(person=second, shift=shift)
    actions.ask_for_swap(person=first, shift=shift)
    with pytest.raises(ValidationError) as refused:
        actions.take_shift(person=untrained, shift=shift)
    assert module.name in str(refused.value)
    shift.refresh_from_db()
    assert shift.person == first

    actions.take_shift(person=second, shift=shift)

    shift.refresh_from_db()
    assert shift.person == second and shift.swap_asked_at is None
    assert Notification.objects.filter(person=first).count() == 1
    with pytest.raises(PermissionDenied):
        actions.ask_for_swap(person=first, shift=shift)
