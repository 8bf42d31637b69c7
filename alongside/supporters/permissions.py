"""Who may see or do what with supporters' training, supervision, self-care,
caseloads, the rota and "I need help". The only place that decides.

- Supporters are the organisation's peer supporters, facilitators, supervisors and
  admins. Their own training, check-ins, caseload and shifts are theirs to see.
- Supervisors and admins record training (as trainers) and see everyone's training,
  which is a record of work, not of anyone's words. Nobody records their own.
- Admins build the training path, choose supervisors and keep the rota.
- Supervision notes and reflections are read only by the session's supervisor and
  supervisee; admins see the date, the length and whether it happened.
- Check-ins are the supporter's alone, unless they share one with their supervisor.
- Training gates: on duty, facilitating and one-to-one work each need the current
  completion of the modules the organisation marks for them.

Anything a person may not see answers 404, as does anything missing.
"""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import STAFF_ROLES, Organisation, Role
from alongside.organisations.permissions import role_in

from .cofacilitating import check_leads_alone, co_facilitating_reason
from .models import (
    SHIFT_GATES,
    SUPERVISING_ROLES,
    SUPERVISION_OVERDUE_AFTER,
    SUPPORTER_ROLES,
    CheckIn,
    Gate,
    HelpRequest,
    SessionStatus,
    Shift,
    ShiftKind,
    Supervision,
    SupervisionSession,
    SupporterProfile,
    TrainingModule,
    TrainingRecord,
)


class NotTrained(PermissionDenied):
    """Refused because training is missing or out of date; says which, plainly."""

    def __init__(self, gate: str, missing: list[TrainingModule]) -> None:
        self.gate = gate
        self.missing = missing
        super().__init__(training_reason(gate, missing))


def training_reason(gate: str, missing: list[TrainingModule]) -> str:
    """The plain-words reason someone cannot take on this work yet."""
    names = ", ".join(module.name for module in missing)
    return (
        f"Before {Gate(gate).label}, you need current training in: {names}. Your "
        "supervisor or the person who runs training can record it when it is done."
    )


# ---- Who is who ------------------------------------------------------------------


def is_supporter(person: Person, organisation: Organisation) -> bool:
    """Peer supporters, facilitators, supervisors and admins of the organisation."""
    return role_in(person, organisation) in SUPPORTER_ROLES


def check_supporter(person: Person, organisation: Organisation) -> None:
    """Raises Http404 unless is_supporter. No side effects."""
    if not is_supporter(person, organisation):
        raise Http404


def support_organisations_of(person: Person) -> QuerySet[Organisation]:
    """The organisations where the person supports others."""
    if not person.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        roles__person=person, roles__role__in=SUPPORTER_ROLES
    )


def get_support_organisation_for(person: Person, slug: str) -> Organisation:
    """The organisation, if the person supports others there; 404 otherwise."""
    try:
        return support_organisations_of(person).get(slug=slug)
    except Organisation.DoesNotExist:
        raise Http404 from None


def current_supervisor_of(
    supporter: Person, organisation: Organisation
) -> Person | None:
    """The supporter's supervisor now, if they still supervise there."""
    link = (
        Supervision.objects.filter(
            organisation=organisation, supporter=supporter, ended_at__isnull=True
        )
        .select_related("supervisor")
        .first()
    )
    if link is None or role_in(link.supervisor, organisation) not in SUPERVISING_ROLES:
        return None
    return link.supervisor


def supervisees_of(person: Person, organisation: Organisation) -> QuerySet[Person]:
    """The people the person supervises now in the organisation."""
    if role_in(person, organisation) not in SUPERVISING_ROLES:
        return Person.objects.none()
    return Person.objects.filter(
        supervised_by__organisation=organisation,
        supervised_by__supervisor=person,
        supervised_by__ended_at__isnull=True,
    )


# ---- Training --------------------------------------------------------------------


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
    return Person.objects.filter(Exists(current)).filter(
        Exists(current.filter(started_at__gt=cutoff)) | Exists(recent_session)
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
        .filter(pk__in=supervised_in_time(organisation).values("pk"))
    )


# ---- Supervision -----------------------------------------------------------------


def can_assign_supervisors(person: Person, organisation: Organisation) -> bool:
    """Admins choose who supervises whom."""
    return role_in(person, organisation) == Role.ADMIN


def check_assign_supervisors(person: Person, organisation: Organisation) -> None:
    """Raises Http404 unless can_assign_supervisors. No side effects."""
    if not can_assign_supervisors(person, organisation):
        raise Http404


def can_supervise(person: Person, organisation: Organisation) -> bool:
    """Who may be chosen as a supervisor: supervisors and admins."""
    return role_in(person, organisation) in SUPERVISING_ROLES


def can_set_registration(person: Person, organisation: Organisation) -> bool:
    """Supervisors (and admins, who may supervise) give their own registration."""
    return can_supervise(person, organisation)


def check_set_registration(person: Person, organisation: Organisation) -> None:
    """Raises Http404 unless can_set_registration. No side effects."""
    if not can_set_registration(person, organisation):
        raise Http404


def can_see_team(person: Person, organisation: Organisation) -> bool:
    """Supervisors and admins see the team page (training, who supervises whom,
    sessions by date and length only)."""
    return role_in(person, organisation) in SUPERVISING_ROLES


def check_see_team(person: Person, organisation: Organisation) -> None:
    """Raises Http404 unless can_see_team. No side effects."""
    if not can_see_team(person, organisation):
        raise Http404


def can_schedule_session(
    person: Person, organisation: Organisation, supervisee: Person
) -> bool:
    """A supervisor schedules sessions with the people they supervise now."""
    return current_supervisor_of(supervisee, organisation) == person


def check_schedule_session(
    person: Person, organisation: Organisation, supervisee: Person
) -> None:
    """Raises PermissionDenied unless can_schedule_session. No side effects."""
    if not can_schedule_session(person, organisation, supervisee):
        raise PermissionDenied


def sessions_visible_to(person: Person) -> QuerySet[SupervisionSession]:
    """Sessions the person was in, as supervisor or supervisee: the only people who
    read their notes."""
    if not person.is_authenticated:
        return SupervisionSession.objects.none()
    return SupervisionSession.objects.filter(
        Q(supervisor=person) | Q(supervisee=person)
    )


def get_session_for(person: Person, session_id: int) -> SupervisionSession:
    """The session, if the person was in it; 404 for everyone else (admins
    included), and when missing."""
    try:
        return (
            sessions_visible_to(person)
            .select_related("organisation")
            .get(pk=session_id)
        )
    except SupervisionSession.DoesNotExist:
        raise Http404 from None


def session_dates_visible_to(
    person: Person, organisation: Organisation
) -> QuerySet[SupervisionSession]:
    """Sessions an admin may count: callers read only the date, the length and the
    status, never the notes."""
    if role_in(person, organisation) != Role.ADMIN:
        return SupervisionSession.objects.none()
    return SupervisionSession.objects.filter(organisation=organisation).only(
        "pk", "scheduled_for", "minutes", "status", "kind", "supervisee_id"
    )


def can_write_notes(person: Person, session: SupervisionSession) -> bool:
    """The session's supervisor writes its notes and says whether it happened."""
    return session.supervisor_id == person.pk


def check_write_notes(person: Person, session: SupervisionSession) -> None:
    """Raises PermissionDenied unless can_write_notes. No side effects."""
    if not can_write_notes(person, session):
        raise PermissionDenied


def can_write_reflection(person: Person, session: SupervisionSession) -> bool:
    """The supervisee adds their own reflection."""
    return session.supervisee_id == person.pk


def check_write_reflection(person: Person, session: SupervisionSession) -> None:
    """Raises PermissionDenied unless can_write_reflection. No side effects."""
    if not can_write_reflection(person, session):
        raise PermissionDenied


# ---- Self-care and caseload ------------------------------------------------------


def check_ins_visible_to(
    person: Person, organisation: Organisation
) -> QuerySet[CheckIn]:
    """A supporter's own check-ins: nobody else sees their trend."""
    return CheckIn.objects.filter(organisation=organisation, person=person)


def shared_check_ins_for(
    person: Person, organisation: Organisation
) -> QuerySet[CheckIn]:
    """Check-ins the person's supervisees chose to share with them."""
    return CheckIn.objects.filter(
        organisation=organisation,
        person__in=supervisees_of(person, organisation),
        shared_at__isnull=False,
    )


def can_share_check_in(person: Person, check_in: CheckIn) -> bool:
    """Only its author shares a check-in, and only when they have a supervisor."""
    return (
        check_in.person_id == person.pk
        and current_supervisor_of(person, check_in.organisation) is not None
    )


def check_share_check_in(person: Person, check_in: CheckIn) -> None:
    """Raises PermissionDenied unless can_share_check_in. No side effects."""
    if not can_share_check_in(person, check_in):
        raise PermissionDenied


# ---- Rota --------------------------------------------------------------------------


def can_manage_rota(person: Person, organisation: Organisation) -> bool:
    """Admins keep the rota."""
    return role_in(person, organisation) == Role.ADMIN


def check_manage_rota(person: Person, organisation: Organisation) -> None:
    """Raises Http404 unless can_manage_rota. No side effects."""
    if not can_manage_rota(person, organisation):
        raise Http404


def shift_refusal(person: Person, organisation: Organisation, kind: str) -> str:
    """Why the person cannot take a shift of this kind, in plain words; empty when
    they can. Crisis cover is for staff (it receives alerts); every shift needs the
    training its kind asks for; nobody on a break is put on the rota."""
    role = role_in(person, organisation)
    if role not in SUPPORTER_ROLES:
        return "Only the organisation's supporters can be on the rota."
    if kind == ShiftKind.CRISIS and role not in STAFF_ROLES:
        return "Crisis cover is for facilitators, supervisors and admins."
    profile = SupporterProfile.objects.filter(
        organisation=organisation, person=person
    ).first()
    if profile is not None and profile.is_on_break:
        return "They are taking a break, so they are not put on the rota."
    missing = missing_training(person, organisation, SHIFT_GATES[ShiftKind(kind)])
    if missing:
        return training_reason(SHIFT_GATES[ShiftKind(kind)], missing)
    return ""


def can_take_shift(person: Person, organisation: Organisation, kind: str) -> bool:
    """Whether shift_refusal finds nothing in the way."""
    return not shift_refusal(person, organisation, kind)


def rostered_on_duty(
    organisation: Organisation, moment: datetime | None = None
) -> list[Person]:
    """People on a crisis-cover shift now who may still take it (still staff,
    trained, not on a break). The escalation chain reads them as on duty."""
    moment = moment or timezone.now()
    shifts = (
        Shift.objects.filter(
            organisation=organisation, kind=ShiftKind.CRISIS, person__isnull=False
        )
        .covering(moment)
        .select_related("person")
    )
    people = {shift.person for shift in shifts if shift.person is not None}
    return [
        someone
        for someone in people
        if can_take_shift(someone, organisation, ShiftKind.CRISIS)
    ]


def uncovered_shift_ids(organisation: Organisation, shifts: list[Shift]) -> set[int]:
    """Shifts whose person may no longer take them (no longer a supporter or staff,
    training run out, or on a break): the rota shows them as gaps, without saying
    why. Each person and kind is decided once."""
    decided: dict[tuple[int, str], bool] = {}
    uncovered = set()
    for shift in shifts:
        if shift.person is None:
            continue
        key = (shift.person.pk, shift.kind)
        if key not in decided:
            decided[key] = can_take_shift(shift.person, organisation, shift.kind)
        if not decided[key]:
            uncovered.add(shift.pk)
    return uncovered


def can_ask_for_swap(person: Person, shift: Shift) -> bool:
    """The person on a shift that has not ended may ask someone else to take it."""
    return shift.person_id == person.pk and shift.ends_at > timezone.now()


def check_ask_for_swap(person: Person, shift: Shift) -> None:
    """Raises PermissionDenied unless can_ask_for_swap. No side effects."""
    if not can_ask_for_swap(person, shift):
        raise PermissionDenied


def take_shift_refusal(person: Person, shift: Shift) -> str:
    """Why the person cannot take this shift, in plain words; empty when they can.
    Open to a gap (nobody on it, or someone who may no longer take it), or to a
    shift whose person asked for a swap, before it ends, for anyone its kind allows
    (shift_refusal) who is free then."""
    if shift.ends_at <= timezone.now():
        return "This shift has already ended."
    if shift.person_id == person.pk:
        return "This shift is already yours."
    if (
        shift.person is not None
        and shift.swap_asked_at is None
        and can_take_shift(shift.person, shift.organisation, shift.kind)
    ):
        return "Someone is already on this shift."
    refusal = shift_refusal(person, shift.organisation, shift.kind)
    if refusal:
        return refusal
    overlapping = (
        Shift.objects.filter(organisation=shift.organisation, person=person)
        .between(shift.starts_at, shift.ends_at)
        .exclude(pk=shift.pk)
    )
    if overlapping.exists():
        return "You already have a shift that overlaps this one."
    return ""


def can_take_this_shift(person: Person, shift: Shift) -> bool:
    """Whether take_shift_refusal finds nothing in the way."""
    return not take_shift_refusal(person, shift)


def get_shift_for(person: Person, shift_id: int) -> Shift:
    """A shift of an organisation where the person supports others; 404 otherwise."""
    found = (
        Shift.objects.filter(
            pk=shift_id, organisation__in=support_organisations_of(person)
        )
        .select_related("organisation", "person")
        .first()
    )
    if found is None:
        raise Http404
    return found


def can_see_rota(person: Person, organisation: Organisation) -> bool:
    """Every supporter sees the rota, so that they know who is on."""
    return is_supporter(person, organisation)


def check_see_rota(person: Person, organisation: Organisation) -> None:
    """Raises Http404 unless can_see_rota. No side effects."""
    if not can_see_rota(person, organisation):
        raise Http404


# ---- "I need help" -----------------------------------------------------------------


def can_ask_for_help(person: Person, organisation: Organisation) -> bool:
    """Any supporter may ask for help for themselves."""
    return is_supporter(person, organisation)


def check_ask_for_help(person: Person, organisation: Organisation) -> None:
    """Raises Http404 unless can_ask_for_help. No side effects."""
    if not can_ask_for_help(person, organisation):
        raise Http404


def help_requests_visible_to(person: Person) -> QuerySet[HelpRequest]:
    """Requests the person made, and those that reached them."""
    if not person.is_authenticated:
        return HelpRequest.objects.none()
    return HelpRequest.objects.filter(
        Q(person=person) | Q(pk__in=person.help_requests_received.values("pk"))
    )


def get_help_request_for(person: Person, help_request_id: int) -> HelpRequest:
    """The request, if the person made it or it reached them; 404 otherwise."""
    found = (
        help_requests_visible_to(person)
        .filter(pk=help_request_id)
        .select_related("organisation", "person")
        .first()
    )
    if found is None:
        raise Http404
    return found


def can_acknowledge_help(person: Person, help_request: HelpRequest) -> bool:
    """Someone it reached answers it; never the person who asked."""
    return (
        help_request.person_id != person.pk
        and help_request.alerted.filter(pk=person.pk).exists()
    )


def check_acknowledge_help(person: Person, help_request: HelpRequest) -> None:
    """Raises PermissionDenied unless can_acknowledge_help. No side effects."""
    if not can_acknowledge_help(person, help_request):
        raise PermissionDenied


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


SMALL_NUMBER = 3


def caseload_summary(
    person: Person, organisation: Organisation
) -> dict[str, str] | None:
    """For admins: how many supporters take new one-to-one matches and how their
    limits spread, as counts only. Counts under three are shown as "fewer than 3",
    so that nobody's break or pause can be worked out. None for anyone else."""
    if role_in(person, organisation) != Role.ADMIN:
        return None
    profiles = SupporterProfile.objects.filter(
        organisation=organisation,
        person__roles__organisation=organisation,
        person__roles__role__in=SUPPORTER_ROLES,
    )

    def shown(count: int) -> str:
        return f"fewer than {SMALL_NUMBER}" if 0 < count < SMALL_NUMBER else str(count)

    available = profiles.available().filter(max_matches__gt=0).count()
    summary = {
        "taking new matches": shown(available),
        "not taking new matches now": shown(profiles.count() - available),
    }
    for limit in sorted(set(profiles.values_list("max_matches", flat=True))):
        count = profiles.filter(max_matches=limit).count()
        summary[f"with a limit of {limit}"] = shown(count)
    return summary
