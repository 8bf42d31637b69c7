"""Riverside's peer supporters for the demo: roles, training, supervision and
caseloads."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation


def seed_supporters(people: dict[str, Person], *, riverside: Organisation) -> None:
    """Riverside's training path from the starter; jo trained (one module running
    out within the month, and a practice session), supervised by sky with a session
    whose notes only they two read, and a check-in; fran trained for duty and
    facilitating; a rota for the next three days with one gap."""
    from datetime import datetime, time

    from alongside.supporters import actions as supporter_actions
    from alongside.supporters.models import (
        Feeling,
        Load,
        ShiftKind,
        SupervisionSession,
        TrainingModule,
        TrainingRecord,
    )

    jo, sky, ade, fran = people["jo"], people["sky"], people["ade"], people["fran"]
    supporter_actions.copy_starter_path(person=ade, organisation=riverside)
    today = timezone.localdate()
    modules = TrainingModule.objects.filter(organisation=riverside).current()
    for module in modules:
        if TrainingRecord.objects.filter(person=jo, module=module).exists():
            continue
        # Done eleven months ago, so a yearly refresh is due within the month.
        done = today - timedelta(days=340 if module.refresh_months == 12 else 150)
        if module.name == "Calming a tense moment":
            done = today - timedelta(days=60)
        supporter_actions.record_training(
            person=sky, supporter=jo, module=module, completed_on=done
        )
    calming = modules.filter(name="Calming a tense moment").first()
    if calming is not None:
        supporter_actions.record_training(
            person=sky,
            supporter=jo,
            module=calming,
            completed_on=today - timedelta(days=67),
            is_practice=True,
        )
    for module in modules.filter(needed_for_duty=True) | modules.filter(
        needed_for_facilitating=True
    ):
        if not TrainingRecord.objects.filter(person=fran, module=module).exists():
            supporter_actions.record_training(
                person=sky,
                supporter=fran,
                module=module,
                completed_on=today - timedelta(days=90),
            )
    supporter_actions.set_registration(
        person=sky,
        organisation=riverside,
        profession="Counsellor",
        register="bacp",
        register_number="000000 (made up for the demo)",
    )
    for supporter in (jo, fran):
        supporter_actions.assign_supervisor(
            person=ade, organisation=riverside, supporter=supporter, supervisor=sky
        )
    if not SupervisionSession.objects.filter(supervisee=jo).exists():
        session = supporter_actions.schedule_session(
            person=sky,
            organisation=riverside,
            supervisee=jo,
            kind="one_to_one",
            scheduled_for=timezone.make_aware(
                datetime.combine(today - timedelta(days=12), time(10, 0))
            ),
            minutes=60,
        )
        supporter_actions.write_session_notes(
            person=sky,
            session=session,
            status="happened",
            notes="We talked about holding the evening circle when it is busy, "
            "and about taking a proper break after a hard session.",
        )
        supporter_actions.write_reflection(
            person=jo,
            session=session,
            reflection="It helped to hear that stepping back is part of the work.",
        )
        supporter_actions.record_check_in(
            person=jo,
            organisation=riverside,
            feeling=Feeling.GOOD,
            load=Load.MANAGEABLE,
            would_like_to_talk=False,
        )
    supporter_actions.profile_for(jo, riverside)
    for offset, kind, who in [
        (0, ShiftKind.CRISIS, fran),
        (0, ShiftKind.LIVE_ROOMS, jo),
        (1, ShiftKind.CRISIS, fran),
        (1, ShiftKind.LIVE_ROOMS, None),
        (2, ShiftKind.LIVE_ROOMS, jo),
    ]:
        day = today + timedelta(days=offset)
        start = time(9, 0) if kind == ShiftKind.CRISIS else time(18, 0)
        end = time(17, 0) if kind == ShiftKind.CRISIS else time(21, 0)
        supporter_actions.add_shift(
            person=ade,
            organisation=riverside,
            kind=kind,
            starts_at=timezone.make_aware(datetime.combine(day, start)),
            ends_at=timezone.make_aware(datetime.combine(day, end)),
            assignee=who,
        )
