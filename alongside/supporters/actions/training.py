"""Changes to a supporter's training path and training records, and the reminder
before training runs out."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.actions import notify
from alongside.organisations.models import UNDO_WINDOW, Organisation
from alongside.supporters.models import (
    REMIND_DAYS_BEFORE_EXPIRY,
    TrainingModule,
    TrainingRecord,
)
from alongside.supporters.permissions import (
    check_manage_training,
    check_record_training_for,
    current_supervisor_of,
)
from alongside.supporters.starter import STARTER_PATH

EARLIEST_TRAINING_DAY = date(1990, 1, 1)


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
def restore_training_module(*, person: Person, module: TrainingModule) -> bool:
    """Put a module back on the path, if it was taken off within UNDO_WINDOW.
    False when it is too late, so the page can say so."""
    check_manage_training(person, module.organisation)
    if module.removed_at is None:
        return True
    if module.removed_at < timezone.now() - UNDO_WINDOW:
        return False
    module.removed_at = None
    module.save(update_fields=["removed_at"])
    return True


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
