"""Every change for the periodic check-ins and the register of measures: choosing
whether to be asked, checking in, telling people when a check-in opens (the daily
task), entering a licensed measure's wording once, and tidying old records.

As with anonymous feedback, the record that someone checked in and their answer
are written in two separate transactions, the record first, so that no single
transaction holds both.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.actions import notify
from alongside.organisations.models import Organisation, OrganisationRole

from .check_models import (
    OPEN_FOR,
    Asking,
    CheckAnswer,
    CheckAnswered,
    CheckChoice,
    LicensedWording,
)
from .check_permissions import (
    ALREADY,
    LOCKED,
    audience_for_role,
    check_enter_wording,
    check_in_blocker,
    check_may_visit_check_in,
    open_point,
    point_opens_on,
)
from .licences import Measure, wording_for

ANSWERS_KEPT = timedelta(days=3 * 365)
MOST_ITEMS = 20
LONGEST_ITEM = 300
INVITATION = (
    "A short check-in is open for you: a few questions on how safe things feel. "
    "It is optional and kept without your name."
)


def choose_asking(*, person: Person, organisation: Organisation, asking: str) -> None:
    """Whether the person wants to be told when a check-in opens: yes, never, or
    not chosen yet. Preconditions: a role in the organisation (PermissionDenied);
    a known choice (ValidationError). No side effects."""
    check_may_visit_check_in(person, organisation)
    if asking not in Asking.values:
        raise ValidationError("Please choose one of the options.")
    CheckChoice.objects.update_or_create(
        person=person, organisation=organisation, defaults={"asking": asking}
    )


def check_in(
    *,
    person: Person,
    organisation: Organisation,
    scores: Sequence[int],
    today: date | None = None,
) -> None:
    """Keep the person's check-in without any link to them.

    Preconditions: a role in the organisation (PermissionDenied); a check-in open
    and not answered, and not "never ask" (ValidationError with its words); one
    score for every item, each on the measure's scale (ValidationError). Side
    effects: none; nobody is told.
    """
    check_may_visit_check_in(person, organisation)
    today = today or timezone.localdate()
    blocker = check_in_blocker(person, organisation, today)
    if blocker:
        raise ValidationError(blocker)
    point = open_point(person, organisation, today)
    assert point is not None  # the blocker says so otherwise
    audience = audience_for_role(
        OrganisationRole.objects.get(person=person, organisation=organisation).role
    )
    wording = wording_for(audience, organisation.pk)
    scores = list(scores)
    if len(scores) != len(wording.items) or not all(
        isinstance(score, int) and 1 <= score <= wording.points for score in scores
    ):
        raise ValidationError(
            f"Please choose a number from 1 to {wording.points} for each statement."
        )
    try:
        with transaction.atomic():
            CheckAnswered.objects.create(
                person=person, organisation=organisation, point=point
            )
    except IntegrityError:
        raise ValidationError(ALREADY) from None
    with transaction.atomic():
        CheckAnswer.objects.create(
            organisation=organisation,
            measure=wording.measure.code,
            answered_on=today,
            scores=scores,
        )


def tell_about_open_check_ins(*, today: date | None = None) -> int:
    """The daily task's part: tell each person once when a check-in opens for
    them. The one at joining is told to everyone who has not said "never"; later
    ones only to those who asked for them. Never a reminder. Returns how many
    were told. No permission check: the scheduled task only."""
    today = today or timezone.localdate()
    earliest = timezone.now() - timedelta(days=366) - OPEN_FOR
    told = 0
    roles = OrganisationRole.objects.filter(created_at__gte=earliest).select_related(
        "person", "organisation"
    )
    choices = {
        (choice.person_id, choice.organisation_id): choice
        for choice in CheckChoice.objects.filter(
            person__in=roles.values("person")
        ).only("person_id", "organisation_id", "asking", "told_about_point")
    }
    for role in roles:
        person, organisation = role.person, role.organisation
        choice = choices.get((person.pk, organisation.pk))
        asking = choice.asking if choice is not None else Asking.UNDECIDED
        point = open_point(person, organisation, today)
        if point is None or asking == Asking.NEVER:
            continue
        if point > 0 and asking != Asking.YES:
            continue
        told_before = choice.told_about_point if choice is not None else None
        if told_before is not None and told_before >= point:
            continue
        if CheckAnswered.objects.filter(
            person=person, organisation=organisation, point=point
        ).exists():
            continue
        tell_about_check_in(person=person, organisation=organisation, point=point)
        told += 1
    return told


def tell_about_check_in(
    *, person: Person, organisation: Organisation, point: int
) -> None:
    """Tell the person, once, that the check-in at `point` is open, and note it so
    that they are never told again about it. No permission check: the daily task
    (and the demo) only. Side effects: one note in their inbox after the commit."""
    with transaction.atomic():
        CheckChoice.objects.update_or_create(
            person=person,
            organisation=organisation,
            defaults={"told_about_point": point},
        )
        notify(
            people=[person],
            message=INVITATION,
            link=reverse("insights:check-in", kwargs={"slug": organisation.slug}),
        )


def _items_from(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def enter_licensed_wording(
    *,
    person: Person,
    organisation: Organisation,
    measure: Measure,
    items_text: str,
    points: int,
    licence_held: str,
) -> LicensedWording:
    """Record the wording of a licensed measure the organisation holds a licence
    for, one item a line. Locked from then on: entering it again is refused.

    Preconditions: an admin (PermissionDenied); a licensed measure (ValueError
    otherwise, as pages offer only those); not entered before, exactly the
    measure's number of items, each short, a scale of 2 to 11 points, and the
    licence named (ValidationError, kind words). No side effects.
    """
    check_enter_wording(person, organisation)
    if measure.is_our_own:
        raise ValueError("Our own measures' wording is fixed in the code.")
    if LicensedWording.objects.filter(
        organisation=organisation, measure=measure.code
    ).exists():
        raise ValidationError(LOCKED)
    items = _items_from(items_text)
    if len(items) != measure.item_count:
        raise ValidationError(
            f"This measure has {measure.item_count} statements; you entered "
            f"{len(items)}. Please put each statement on a line of its own, "
            "exactly as your licence gives it."
        )
    if any(len(item) > LONGEST_ITEM for item in items):
        raise ValidationError(
            f"Each statement can be up to {LONGEST_ITEM} characters long."
        )
    if not 2 <= points <= 11:
        raise ValidationError("The answer scale must have from 2 to 11 points.")
    licence_held = licence_held.strip()
    if not licence_held:
        raise ValidationError(
            "Please say which licence or permission lets your organisation use it."
        )
    try:
        with transaction.atomic():
            return LicensedWording.objects.create(
                organisation=organisation,
                measure=measure.code,
                items=items,
                points=points,
                licence_held=licence_held,
                entered_by=person,
            )
    except IntegrityError:
        raise ValidationError(LOCKED) from None


def forget_old_check_records(*, now: datetime | None = None) -> int:
    """The nightly tidy-up, run by the retention task: a "checked in" record goes
    once its check-in has closed (it can no longer stop a double answer), and
    anonymous check-ins go after three years. Returns how many rows went. No
    permission check: the scheduled task only."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    joined = {
        (person_id, organisation_id): timezone.localdate(created_at)
        for person_id, organisation_id, created_at in OrganisationRole.objects.filter(
            person__in=CheckAnswered.objects.values("person")
        ).values_list("person_id", "organisation_id", "created_at")
    }
    closed = [
        row.pk
        for row in CheckAnswered.objects.all()
        if (row.person_id, row.organisation_id) not in joined
        or point_opens_on(joined[row.person_id, row.organisation_id], row.point)
        + OPEN_FOR
        <= today
    ]
    records, _ = CheckAnswered.objects.filter(pk__in=closed).delete()
    answers, _ = CheckAnswer.objects.filter(
        answered_on__lt=today - ANSWERS_KEPT
    ).delete()
    return records + answers
