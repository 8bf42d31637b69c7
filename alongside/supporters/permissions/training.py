"""Training: who builds the path and records completions, who has the training a
gate needs (and the reason a gate gives), and who has room for one-to-one work."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import (
    SUPERVISING_ROLES,
    SUPPORTER_ROLES,
    Organisation,
    Role,
)
from alongside.organisations.permissions import role_in
from alongside.supporters.cofacilitating import (
    check_leads_alone,
    co_facilitating_reason,
)
from alongside.supporters.models import (
    SUPERVISION_OVERDUE_AFTER,
    Gate,
    SessionStatus,
    Supervision,
    SupervisionSession,
    SupporterProfile,
    TrainingModule,
    TrainingRecord,
)
from alongside.supporters.permissions.people import (
    NotTrained,
    current_supervisor_of,
    is_supporter,
    training_reason,
)


def can_manage_training(person: Person, organisation: Organisation) -> bool:
    """Admins build the organisation's training path."""
    return role_in(person, organisation) == Role.ADMIN


def check_manage_training(person: Person, organisation: Organisation) -> None:
    """Raises Http404 unless can_manage_training. No side effects."""
    if not can_manage_training(person, organisation):
        raise Http404


def can_record_training(person: Person, organisation: Organisation) -> bool:
    """Supervisors and admins record completions, as trainers."""
    return role_in(person, organisation) in SUPERVISING_ROLES


def check_record_training(person: Person, organisation: Organisation) -> None:
    """Raises Http404 unless can_record_training. No side effects."""
    if not can_record_training(person, organisation):
        raise Http404


def can_record_training_for(
    person: Person, organisation: Organisation, supporter: Person
) -> bool:
    """A trainer records someone else's training, never their own, and only for a
    supporter of the same organisation."""
    return (
        can_record_training(person, organisation)
        and supporter.pk != person.pk
        and is_supporter(supporter, organisation)
    )


def check_record_training_for(
    person: Person, organisation: Organisation, supporter: Person
) -> None:
    """Raises PermissionDenied unless can_record_training_for. No side effects."""
    if not can_record_training_for(person, organisation, supporter):
        raise PermissionDenied


def training_records_visible_to(
    person: Person, organisation: Organisation
) -> QuerySet[TrainingRecord]:
    """Trainers see the organisation's records; everyone their own."""
    records = TrainingRecord.objects.filter(module__organisation=organisation)
    if can_record_training(person, organisation):
        return records
    if is_supporter(person, organisation):
        return records.filter(person=person)
    return records.none()


def missing_training(
    person: Person, organisation: Organisation, gate: str, on: date | None = None
) -> list[TrainingModule]:
    """Modules the gate needs that the person has not completed, or whose completion
    has run out, on the day given (today by default)."""
    day = on or timezone.localdate()
    needed = list(
        TrainingModule.objects.filter(organisation=organisation).needed_for(gate)
    )
    if not needed:
        return []
    current = set(
        TrainingRecord.objects.current_on(day)
        .filter(person=person, module__in=needed)
        .values_list("module_id", flat=True)
    )
    return [module for module in needed if module.pk not in current]


def is_trained_for(
    person: Person, organisation: Organisation, gate: str, on: date | None = None
) -> bool:
    """Whether the person's training allows the work the gate guards. This is the
    one function other apps call before duty, facilitating or one-to-one work."""
    if not person.is_authenticated:
        return False
    return not missing_training(person, organisation, gate, on)


def check_trained_for(person: Person, organisation: Organisation, gate: str) -> None:
    """Raises NotTrained (a PermissionDenied with the plain reason) unless
    is_trained_for. No side effects."""
    missing = missing_training(person, organisation, gate)
    if missing:
        raise NotTrained(gate, missing)
    if gate == Gate.FACILITATE:
        check_leads_alone(person, organisation)  # starting a group is leading alone


def trained_people(
    organisation: Organisation, gate: str, on: date | None = None
) -> QuerySet[Person]:
    """The organisation's supporters whose training allows the gate's work."""
    day = on or timezone.localdate()
    people = Person.objects.filter(
        roles__organisation=organisation, roles__role__in=SUPPORTER_ROLES
    )
    for module in TrainingModule.objects.filter(organisation=organisation).needed_for(
        gate
    ):
        people = people.filter(
            Exists(
                TrainingRecord.objects.current_on(day).filter(
                    module=module, person=OuterRef("pk")
                )
            )
        )
    return people


def supervised_in_time(
    organisation: Organisation, moment: datetime | None = None
) -> QuerySet[Person]:
    """People with a current supervisor and a session that happened within the
    last six weeks (or a supervision that started within them). The others'
    supervision is overdue, or they have no supervisor."""
    return Person.objects.filter(_supervised_in_time(organisation, moment))


def _supervised_in_time(organisation: Organisation, moment: datetime | None) -> Q:
    """`supervised_in_time` as a condition on a query of people, so that it is
    asked of each person found rather than of everybody first."""
    cutoff = (moment or timezone.now()) - SUPERVISION_OVERDUE_AFTER
    current = Supervision.objects.filter(
        organisation=organisation, supporter=OuterRef("pk"), ended_at__isnull=True
    )
    recent_session = SupervisionSession.objects.filter(
        organisation=organisation,
        supervisee=OuterRef("pk"),
        status=SessionStatus.HAPPENED,
        scheduled_for__gt=cutoff,
    )
    return Q(Exists(current)) & (
        Q(Exists(current.filter(started_at__gt=cutoff))) | Q(Exists(recent_session))
    )


def is_supervision_overdue(
    person: Person, organisation: Organisation, moment: datetime | None = None
) -> bool:
    """Whether the person has a supervisor but no session has happened for six
    weeks. (Someone with no supervisor yet is not "overdue"; they are waiting.)"""
    if current_supervisor_of(person, organisation) is None:
        return False
    return not supervised_in_time(organisation, moment).filter(pk=person.pk).exists()


def supporters_with_room(organisation: Organisation) -> QuerySet[Person]:
    """Supporters who may take a new one-to-one match: trained for one-to-one work,
    supervised within the last six weeks, not on a break and not pausing matches,
    with a caseload limit above zero. For matching (one-to-one support), which also
    subtracts its own current matches."""
    available = SupporterProfile.objects.available().filter(
        organisation=organisation, person=OuterRef("pk"), max_matches__gt=0
    )
    return (
        trained_people(organisation, Gate.ONE_TO_ONE)
        .filter(Exists(available))
        .filter(_supervised_in_time(organisation, None))
    )


def duty_training_reason(person: Person, organisation: Organisation) -> str:
    """Why the person's training does not allow duty yet, in plain words; empty
    when it does. For the duty page, before anyone presses the button."""
    missing = missing_training(person, organisation, Gate.ON_DUTY)
    return training_reason(Gate.ON_DUTY, missing) if missing else ""


def facilitating_training_reason(person: Person, organisation: Organisation) -> str:
    """Why the person's training does not allow facilitating a group yet, in plain
    words; empty when it does. For the page where a group is started."""
    missing = missing_training(person, organisation, Gate.FACILITATE)
    if missing:
        return training_reason(Gate.FACILITATE, missing)
    return co_facilitating_reason(person, organisation)
