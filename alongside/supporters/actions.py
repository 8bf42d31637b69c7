"""Every change for supporters: the training path and completions, who supervises
whom, supervision sessions and their notes, self-care check-ins, caseloads and
breaks, the rota, and "I need help".

Each action checks permission, keeps its invariants, writes, and only after the
transaction commits tells anyone (notifications, live alerts, tasks). Messages are
the system's own words; nothing here logs or sends a supervision note or a
reflection.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from alongside.accounts.models import Person
from alongside.core import recurring
from alongside.notifications.actions import notify
from alongside.organisations.models import Organisation, OrganisationRole, Role

from .followups import send_due_follow_ups
from .models import (
    DEFAULT_MAX_MATCHES,
    REMIND_DAYS_BEFORE_EXPIRY,
    CheckIn,
    EmploymentKind,
    HelpRequest,
    Register,
    SessionStatus,
    Shift,
    Supervision,
    SupervisionSession,
    SupporterProfile,
    TrainingModule,
    TrainingRecord,
    Urgency,
)
from .permissions import (
    can_supervise,
    check_acknowledge_help,
    check_ask_for_help,
    check_ask_for_swap,
    check_assign_supervisors,
    check_manage_rota,
    check_manage_training,
    check_record_training_for,
    check_schedule_session,
    check_set_registration,
    check_share_check_in,
    check_supporter,
    check_write_notes,
    check_write_reflection,
    current_supervisor_of,
    is_supervision_overdue,
    is_supporter,
    shift_refusal,
    take_shift_refusal,
)
from .starter import STARTER_PATH

EARLIEST_TRAINING_DAY = date(1990, 1, 1)
LONGEST_SHIFT = timedelta(hours=24)


# ---- The training path -------------------------------------------------------------


@transaction.atomic
def copy_starter_path(*, person: Person, organisation: Organisation) -> int:
    """Add the starter path's modules the organisation does not have yet (by name),
    so pressing twice adds nothing more. Returns how many were added."""
    check_manage_training(person, organisation)
    have = {
        name.casefold()
        for name in TrainingModule.objects.filter(organisation=organisation)
        .current()
        .values_list("name", flat=True)
    }
    added = 0
    for position, starter in enumerate(STARTER_PATH, start=1):
        if starter.name.casefold() in have:
            continue
        TrainingModule.objects.create(
            organisation=organisation,
            name=starter.name,
            about=starter.about,
            hours=starter.hours,
            refresh_months=starter.refresh_months,
            needed_for_duty=starter.for_duty,
            needed_for_facilitating=starter.for_facilitating,
            needed_for_one_to_one=starter.for_one_to_one,
            position=position * 10,
        )
        added += 1
    return added


@transaction.atomic
def add_training_module(
    *,
    person: Person,
    organisation: Organisation,
    name: str,
    about: str = "",
    provider: str = "",
    hours: Decimal = Decimal("2"),
    evidence: str = "attended",
    refresh_months: int = 0,
    needed_for_duty: bool = False,
    needed_for_facilitating: bool = False,
    needed_for_one_to_one: bool = False,
) -> TrainingModule:
    """Add a module to the path. A module of the same name already on the path is
    given back as it is (a double click adds one)."""
    check_manage_training(person, organisation)
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Please give the module a name."})
    existing = (
        TrainingModule.objects.filter(organisation=organisation, name__iexact=name)
        .current()
        .first()
    )
    if existing is not None:
        return existing
    last = (
        TrainingModule.objects.filter(organisation=organisation)
        .order_by("-position")
        .values_list("position", flat=True)
        .first()
    )
    return TrainingModule.objects.create(
        organisation=organisation,
        name=name,
        about=about.strip(),
        provider=provider.strip(),
        hours=hours,
        evidence=evidence,
        refresh_months=refresh_months,
        needed_for_duty=needed_for_duty,
        needed_for_facilitating=needed_for_facilitating,
        needed_for_one_to_one=needed_for_one_to_one,
        position=(last or 0) + 10,
    )


@transaction.atomic
def remove_training_module(*, person: Person, module: TrainingModule) -> None:
    """Take a module off the path. People's records of it are kept (they did the
    training), but no gate needs it any more."""
    check_manage_training(person, module.organisation)
    if module.removed_at is None:
        module.removed_at = timezone.now()
        module.save(update_fields=["removed_at"])


@transaction.atomic
def record_training(
    *,
    person: Person,
    supporter: Person,
    module: TrainingModule,
    completed_on: date,
    is_practice: bool = False,
) -> TrainingRecord:
    """A trainer or supervisor records that the supporter completed (or practised)
    a module on a day. The same record sent twice gives back the first. The
    supporter is told in their inbox."""
    organisation = module.organisation
    check_record_training_for(person, organisation, supporter)
    if module.removed_at is not None:
        raise ValidationError({"module": "That module is no longer on the path."})
    today = timezone.localdate()
    if completed_on > today:
        raise ValidationError(
            {"completed_on": "Please choose a day that has already happened."}
        )
    if completed_on < EARLIEST_TRAINING_DAY:
        raise ValidationError({"completed_on": "Please check the year."})
    existing = TrainingRecord.objects.filter(
        module=module,
        person=supporter,
        completed_on=completed_on,
        is_practice=is_practice,
    ).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            record = TrainingRecord.objects.create(
                module=module,
                person=supporter,
                completed_on=completed_on,
                expires_on=None if is_practice else module.expires_on(completed_on),
                is_practice=is_practice,
                recorded_by=person,
            )
    except IntegrityError:
        # Two presses at once: the other one is kept.
        return TrainingRecord.objects.get(
            module=module,
            person=supporter,
            completed_on=completed_on,
            is_practice=is_practice,
        )
    what = "A practice session" if is_practice else "Your training"
    notify(
        people=[supporter],
        message=f"{what} in “{module.name}” has been recorded.",
        link=reverse("supporters:mine", kwargs={"slug": organisation.slug}),
    )
    return record


def remind_expiring_training(*, today: date | None = None) -> int:
    """Tell each supporter, and their supervisor, once, when a module they need to
    keep up runs out within 30 days and has not been done again since. A system
    action for the daily check; returns how many reminders were sent."""
    today = today or timezone.localdate()
    soon = today + timedelta(days=REMIND_DAYS_BEFORE_EXPIRY)
    due = (
        TrainingRecord.objects.completed()
        .filter(
            reminded_at__isnull=True,
            expires_on__isnull=False,
            expires_on__lte=soon,
            expires_on__gt=today,
            module__removed_at__isnull=True,
        )
        .select_related("module__organisation", "person")
    )
    sent = 0
    for record in due:
        renewed = TrainingRecord.objects.completed().filter(
            module=record.module,
            person=record.person,
            completed_on__gt=record.completed_on,
        )
        with transaction.atomic():
            TrainingRecord.objects.filter(pk=record.pk).update(
                reminded_at=timezone.now()
            )
            if renewed.exists():
                continue
            organisation = record.module.organisation
            when = f"{record.expires_on:%d %B %Y}".lstrip("0")
            notify(
                people=[record.person],
                message=f"Your training in “{record.module.name}” needs "
                f"refreshing by {when}.",
                link=reverse("supporters:mine", kwargs={"slug": organisation.slug}),
            )
            supervisor = current_supervisor_of(record.person, organisation)
            if supervisor is not None:
                notify(
                    people=[supervisor],
                    message=f"Training in “{record.module.name}” of someone you "
                    f"supervise needs refreshing by {when}.",
                    link=reverse("supporters:team", kwargs={"slug": organisation.slug}),
                )
            sent += 1
    return sent


# ---- Supervision -------------------------------------------------------------------


@transaction.atomic
def assign_supervisor(
    *,
    person: Person,
    organisation: Organisation,
    supporter: Person,
    supervisor: Person,
) -> Supervision:
    """Choose who supervises a supporter; any earlier supervision ends now. Both
    are told."""
    check_assign_supervisors(person, organisation)
    if not is_supporter(supporter, organisation):
        raise ValidationError({"supporter": "Choose one of the supporters here."})
    if not can_supervise(supervisor, organisation) or supervisor.pk == supporter.pk:
        raise ValidationError(
            {"supervisor": "Choose a supervisor or an admin, other than them."}
        )
    current = Supervision.objects.filter(
        organisation=organisation, supporter=supporter, ended_at__isnull=True
    ).first()
    if current is not None and current.supervisor_id == supervisor.pk:
        return current
    if current is not None:
        current.ended_at = timezone.now()
        current.save(update_fields=["ended_at"])
    link = Supervision.objects.create(
        organisation=organisation, supporter=supporter, supervisor=supervisor
    )
    mine = reverse("supporters:mine", kwargs={"slug": organisation.slug})
    notify(people=[supporter], message="You have a new supervisor.", link=mine)
    notify(
        people=[supervisor],
        message="Someone new is in your supervision.",
        link=reverse("supporters:team", kwargs={"slug": organisation.slug}),
    )
    return link


@transaction.atomic
def schedule_session(
    *,
    person: Person,
    organisation: Organisation,
    supervisee: Person,
    kind: str,
    scheduled_for: datetime,
    minutes: int,
) -> SupervisionSession:
    """A supervisor plans a session with someone they supervise. The same time
    sent twice gives back the first."""
    check_schedule_session(person, organisation, supervisee)
    if not 15 <= minutes <= 240:
        raise ValidationError({"minutes": "Please choose between 15 and 240 minutes."})
    existing = SupervisionSession.objects.filter(
        organisation=organisation,
        supervisor=person,
        supervisee=supervisee,
        scheduled_for=scheduled_for,
    ).first()
    if existing is not None:
        return existing
    session = SupervisionSession.objects.create(
        organisation=organisation,
        supervisor=person,
        supervisee=supervisee,
        kind=kind,
        scheduled_for=scheduled_for,
        minutes=minutes,
    )
    notify(
        people=[supervisee],
        message="A supervision session has been planned with you.",
        link=reverse("supporters:session-detail", kwargs={"session_id": session.pk}),
    )
    return session


@transaction.atomic
def write_session_notes(
    *, person: Person, session: SupervisionSession, notes: str, status: str
) -> SupervisionSession:
    """The supervisor writes the notes (sealed) and says whether it happened."""
    check_write_notes(person, session)
    if status not in SessionStatus.values:
        raise ValidationError({"status": "Please choose whether it happened."})
    session.notes = notes.strip()
    session.status = status
    session.save(update_fields=["notes", "status"])
    if status == SessionStatus.HAPPENED:
        # A new overdue stretch, if one comes, is told afresh.
        Supervision.objects.filter(
            organisation=session.organisation,
            supporter=session.supervisee,
            ended_at__isnull=True,
        ).update(overdue_told_at=None)
    return session


def tell_supervisors_of_overdue_supervision(*, now: datetime | None = None) -> int:
    """Tell each supervisor, once per overdue stretch, when no session has happened
    with someone they supervise for six weeks (new one-to-one matches for that
    person pause meanwhile). Only the supervisor is told, never the organisation.
    A system action for the daily check; returns how many were told."""
    now = now or timezone.now()
    told = 0
    for link in Supervision.objects.filter(
        ended_at__isnull=True, overdue_told_at__isnull=True
    ).select_related("organisation", "supporter", "supervisor"):
        if not is_supervision_overdue(link.supporter, link.organisation, now):
            continue
        with transaction.atomic():
            Supervision.objects.filter(pk=link.pk).update(overdue_told_at=now)
            notify(
                people=[link.supervisor],
                message="Supervision with someone you supervise is overdue. New "
                "one-to-one matches for them are paused until you meet.",
                link=reverse(
                    "supporters:session-create",
                    kwargs={"slug": link.organisation.slug},
                ),
            )
        told += 1
    return told


@transaction.atomic
def write_reflection(
    *, person: Person, session: SupervisionSession, reflection: str
) -> SupervisionSession:
    """The supervisee adds their own reflection (sealed)."""
    check_write_reflection(person, session)
    session.reflection = reflection.strip()
    session.save(update_fields=["reflection"])
    return session


# ---- Self-care and caseload --------------------------------------------------------


@transaction.atomic
def record_check_in(
    *,
    person: Person,
    organisation: Organisation,
    feeling: int,
    load: str,
    would_like_to_talk: bool,
) -> CheckIn:
    """A private check-in. Nobody is told; wanting to talk offers the person the
    ways to ask for help, and sends nothing by itself."""
    check_supporter(person, organisation)
    return CheckIn.objects.create(
        organisation=organisation,
        person=person,
        feeling=feeling,
        load=load,
        would_like_to_talk=would_like_to_talk,
    )


@transaction.atomic
def share_check_in(*, person: Person, check_in: CheckIn) -> CheckIn:
    """Share one check-in with the person's supervisor, who is told."""
    check_share_check_in(person, check_in)
    if check_in.shared_at is None:
        check_in.shared_at = timezone.now()
        check_in.save(update_fields=["shared_at"])
        supervisor = current_supervisor_of(person, check_in.organisation)
        if supervisor is not None:
            notify(
                people=[supervisor],
                message="Someone you supervise shared a check-in with you.",
                link=reverse(
                    "supporters:team", kwargs={"slug": check_in.organisation.slug}
                ),
            )
    return check_in


def profile_for(person: Person, organisation: Organisation) -> SupporterProfile:
    """The supporter's profile, made with the organisation's default on first use.
    Employed peer support workers (facilitators, supervisors and admins) start at
    the higher default."""
    employed = OrganisationRole.objects.filter(
        organisation=organisation,
        person=person,
        role__in=[Role.FACILITATOR, Role.SUPERVISOR, Role.ADMIN],
    ).exists()
    kind = EmploymentKind.EMPLOYED if employed else EmploymentKind.VOLUNTEER
    profile, _ = SupporterProfile.objects.get_or_create(
        organisation=organisation,
        person=person,
        defaults={"employment": kind, "max_matches": DEFAULT_MAX_MATCHES[kind]},
    )
    return profile


@transaction.atomic
def set_caseload(
    *,
    person: Person,
    organisation: Organisation,
    max_matches: int,
    matching_paused: bool,
) -> SupporterProfile:
    """A supporter sets their own limit of one-to-one matches, and can pause new
    ones. The limit is at most the organisation's default for their kind of role."""
    check_supporter(person, organisation)
    profile = profile_for(person, organisation)
    ceiling = DEFAULT_MAX_MATCHES[EmploymentKind(profile.employment)]
    if not 0 <= max_matches <= ceiling:
        raise ValidationError(
            {"max_matches": f"Please choose a number from 0 to {ceiling}."}
        )
    profile.max_matches = max_matches
    profile.matching_paused = matching_paused
    profile.save(update_fields=["max_matches", "matching_paused"])
    return profile


@transaction.atomic
def set_registration(
    *,
    person: Person,
    organisation: Organisation,
    profession: str,
    register: str,
    register_number: str,
) -> SupporterProfile:
    """A supervisor gives their profession and professional registration, which the
    people they supervise and the organisation's admins see."""
    check_set_registration(person, organisation)
    if register and register not in Register.values:
        raise ValidationError({"register": "Please choose one of the registers."})
    profile = profile_for(person, organisation)
    profile.profession = profession.strip()
    profile.register = register
    profile.register_number = register_number.strip()
    profile.save(update_fields=["profession", "register", "register_number"])
    return profile


@transaction.atomic
def take_break(*, person: Person, organisation: Organisation) -> SupporterProfile:
    """One step: new matches pause and the person's coming shifts are left open for
    someone else. Nobody is told why; the rota shows a gap."""
    check_supporter(person, organisation)
    profile = profile_for(person, organisation)
    if profile.on_break_since is None:
        profile.on_break_since = timezone.now()
        profile.save(update_fields=["on_break_since"])
    Shift.objects.filter(
        organisation=organisation, person=person, ends_at__gt=timezone.now()
    ).update(person=None)
    return profile


@transaction.atomic
def end_break(*, person: Person, organisation: Organisation) -> SupporterProfile:
    """Back from a break. Matching stays as they set it; shifts are not given back
    (the rota may have been filled)."""
    check_supporter(person, organisation)
    profile = profile_for(person, organisation)
    profile.on_break_since = None
    profile.save(update_fields=["on_break_since"])
    return profile


# ---- The rota ----------------------------------------------------------------------


@transaction.atomic
def add_shift(
    *,
    person: Person,
    organisation: Organisation,
    kind: str,
    starts_at: datetime,
    ends_at: datetime,
    assignee: Person | None,
) -> Shift:
    """An admin adds a shift to the rota, with someone on it or as a gap to fill.
    Whoever is put on it must be allowed (see shift_refusal) and free then."""
    check_manage_rota(person, organisation)
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": "Please end the shift after it starts."})
    if ends_at - starts_at > LONGEST_SHIFT:
        raise ValidationError({"ends_at": "Please keep a shift to 24 hours or less."})
    # The same shift sent again (a double click) is the one already there.
    existing = Shift.objects.filter(
        organisation=organisation,
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        person=assignee,
    ).first()
    if existing is not None:
        return existing
    if assignee is not None:
        refusal = shift_refusal(assignee, organisation, kind)
        if refusal:
            raise ValidationError({"assignee": refusal})
        if (
            Shift.objects.filter(organisation=organisation, person=assignee)
            .between(starts_at, ends_at)
            .exists()
        ):
            raise ValidationError(
                {"assignee": "They already have a shift that overlaps this one."}
            )
    return Shift.objects.create(
        organisation=organisation,
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        person=assignee,
    )


# ---- "I need help": soon -----------------------------------------------------------
#
# "Now" is a call through the escalation chain (alongside.safety.help_actions), so
# that it moves on through the duty rota and the chain's own task, like every alert.


def _people_to_ask(help_request: HelpRequest) -> list[Person]:
    """The asker's own supervisor; without one, the organisation's supervisors;
    without any, its admins. Never the asker."""
    organisation = help_request.organisation
    supervisor = current_supervisor_of(help_request.person, organisation)
    candidates = [[supervisor] if supervisor is not None else []] + [
        [
            row.person
            for row in OrganisationRole.objects.filter(
                organisation=organisation, role=role
            ).select_related("person")
        ]
        for role in (Role.SUPERVISOR, Role.ADMIN)
    ]
    for people in candidates:
        people = [p for p in people if p.pk != help_request.person_id]
        if people:
            return people
    return []


@transaction.atomic
def ask_for_help(
    *,
    person: Person,
    organisation: Organisation,
    urgency: str = Urgency.SOON,
    now: datetime | None = None,
) -> HelpRequest:
    """A supporter asks to talk with a supervisor in the next two working days. It
    reaches their supervisor (see _people_to_ask), in their inbox. An open request
    is given back rather than sent twice."""
    check_ask_for_help(person, organisation)
    if urgency not in Urgency.values:
        raise ValidationError({"urgency": "Please choose now or soon."})
    existing = (
        HelpRequest.objects.open()
        .filter(organisation=organisation, person=person, urgency=urgency)
        .first()
    )
    if existing is not None:
        return existing
    help_request = HelpRequest.objects.create(
        organisation=organisation,
        person=person,
        urgency=urgency,
        created_at=now or timezone.now(),
    )
    people = _people_to_ask(help_request)
    if people:
        help_request.alerted.add(*people)
        notify(
            people=people,
            message="A supporter would like to talk with a supervisor in the next two "
            "working days. Please open it and get in touch.",
            link=reverse(
                "supporters:help-detail", kwargs={"help_request_id": help_request.pk}
            ),
        )
    return help_request


@transaction.atomic
def acknowledge_help(*, person: Person, help_request: HelpRequest) -> HelpRequest:
    """Someone it reached answers it, and the supporter is told someone will be in
    touch. If someone answered first, theirs is kept."""
    help_request = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
    if not help_request.is_open:
        return help_request
    check_acknowledge_help(person, help_request)
    help_request.acknowledged_by = person
    help_request.acknowledged_at = timezone.now()
    help_request.save(update_fields=["acknowledged_by", "acknowledged_at"])
    notify(
        people=[help_request.person],
        message="A supervisor has seen that you asked to talk and will be in touch "
        "with you.",
        link=reverse(
            "supporters:help-detail", kwargs={"help_request_id": help_request.pk}
        ),
    )
    return help_request


@transaction.atomic
def ask_for_swap(*, person: Person, shift: Shift) -> Shift:
    """The person on a shift asks for someone else to take it. It stays theirs
    until someone does; the rota shows it to the others who could take it."""
    check_ask_for_swap(person, shift)
    if shift.swap_asked_at is None:
        shift.swap_asked_at = timezone.now()
        shift.save(update_fields=["swap_asked_at"])
    return shift


@transaction.atomic
def take_shift(*, person: Person, shift: Shift) -> Shift:
    """Take a gap, or a shift whose person asked for a swap. The person who asked
    is told it is taken. Two people pressing at once: the first keeps it."""
    shift = (
        Shift.objects.select_for_update()
        .select_related("organisation")
        .get(pk=shift.pk)
    )
    refusal = take_shift_refusal(person, shift)
    if refusal:
        raise ValidationError(refusal)
    previous = shift.person
    shift.person = person
    shift.swap_asked_at = None
    shift.save(update_fields=["person", "swap_asked_at"])
    if previous is not None:
        notify(
            people=[previous],
            message="Someone has taken the shift you asked to swap.",
            link=reverse("supporters:rota", kwargs={"slug": shift.organisation.slug}),
        )
    return shift


# ---- Background work ----------------------------------------------------------------
#
# The tasks sit beside the actions they run, so that neither module imports the other.
# Like the escalation checks, the daily check queues its own next run when it
# finishes; `manage.py schedule_supporter_checks` starts it unless a run is waiting.

DAILY_AT = time(7, 0)


@task()
def check_supporters_daily() -> int:
    """Send follow-ups due after a crisis and training reminders, and tell
    supervisors of overdue supervision, then queue tomorrow's check."""
    try:
        send_due_follow_ups()
        tell_supervisors_of_overdue_supervision()
        return remind_expiring_training()
    finally:
        schedule_daily_check()


def schedule_daily_check(*, run_after: datetime | None = None) -> bool:
    """Queue the next daily check unless one is waiting. Returns whether it queued."""
    when = run_after or recurring.tomorrow_at(timezone.now(), DAILY_AT)
    return recurring.queue_once(check_supporters_daily, run_after=when)
