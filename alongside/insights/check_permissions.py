"""Who may check in, read the register of measures, enter a licensed measure's
wording and see the check-ins' figures. The only place that decides for them.

- Checking in: anyone with a role in the organisation, while a check-in is open
  for them (for 30 days from joining, and from three, six and twelve months
  after), once per check-in, and never after they asked never to be asked.
  Peers answer the felt-safety set; staff and peer supporters the team set.
- The register of measures: the organisation's staff and peer supporters read it.
- Entering a licensed measure's wording: the organisation's admins, once; after
  that nobody changes it.
- The check-ins' figures: the organisation's admins and supervisors (as the
  dashboard), never anyone's answer.
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import (
    STAFF_ROLES,
    Organisation,
    OrganisationRole,
    Role,
)
from alongside.organisations.permissions import role_in

from .check_models import OPEN_FOR, POINTS, Asking, CheckAnswered, CheckChoice
from .licences import CheckAudience, Measure, measure_by_code

NEVER_ASK = (
    "You asked never to be asked to check in. You can change that here at any time."
)
NOTHING_OPEN = (
    "There is no check-in open for you just now. One opens when you join, and "
    "then at three, six and twelve months if you choose."
)
ALREADY = "You have already checked in this time. Thank you."
LOCKED = (
    "This measure's wording has been entered and is locked. Licensed wording may "
    "not be changed, so it cannot be edited here or anywhere else."
)


def audience_for_role(role: str | None) -> CheckAudience:
    """Staff and peer supporters answer the team set; everyone else the peers'."""
    if role in STAFF_ROLES or role == Role.PEER_SUPPORTER:
        return CheckAudience.STAFF
    return CheckAudience.PEERS


def point_opens_on(joined_on: date, point: int) -> date:
    return joined_on + relativedelta(months=point)


def open_point(
    person: Person, organisation: Organisation, today: date | None = None
) -> int | None:
    """The check-in point (months after joining) open for the person today, or
    None. Reads only."""
    today = today or timezone.localdate()
    joined_at = (
        OrganisationRole.objects.filter(person=person, organisation=organisation)
        .values_list("created_at", flat=True)
        .first()
    )
    if joined_at is None:
        return None
    joined_on = timezone.localdate(joined_at)
    for point in POINTS:
        opens_on = point_opens_on(joined_on, point)
        if opens_on <= today < opens_on + OPEN_FOR:
            return point
    return None


def asking_of(person: Person, organisation: Organisation) -> str:
    choice = CheckChoice.objects.filter(
        person=person, organisation=organisation
    ).first()
    return choice.asking if choice is not None else Asking.UNDECIDED


def check_in_blocker(
    person: Person, organisation: Organisation, today: date | None = None
) -> str:
    """Why the person may not check in now, in plain words, or "" when they may.
    Reads only."""
    if role_in(person, organisation) is None:
        return NOTHING_OPEN
    if asking_of(person, organisation) == Asking.NEVER:
        return NEVER_ASK
    point = open_point(person, organisation, today)
    if point is None:
        return NOTHING_OPEN
    if CheckAnswered.objects.filter(
        person=person, organisation=organisation, point=point
    ).exists():
        return ALREADY
    return ""


def can_check_in(person: Person, organisation: Organisation) -> bool:
    """See check_in_blocker."""
    return not check_in_blocker(person, organisation)


def check_may_visit_check_in(person: Person, organisation: Organisation) -> None:
    """PermissionDenied unless the person has a role in the organisation (the
    page then says kindly why they may not answer, if so)."""
    if role_in(person, organisation) is None:
        raise PermissionDenied


# --- the register of measures -------------------------------------------------------


def can_see_register(person: Person, organisation: Organisation) -> bool:
    """Staff and peer supporters: those who answer the team set."""
    role = role_in(person, organisation)
    return role is not None and audience_for_role(role) == CheckAudience.STAFF


def check_see_register(person: Person, organisation: Organisation) -> None:
    """PermissionDenied unless can_see_register."""
    if not can_see_register(person, organisation):
        raise PermissionDenied


def can_enter_wording(person: Person, organisation: Organisation) -> bool:
    """The organisation's admins."""
    return role_in(person, organisation) == Role.ADMIN


def check_enter_wording(person: Person, organisation: Organisation) -> None:
    """PermissionDenied unless can_enter_wording."""
    if not can_enter_wording(person, organisation):
        raise PermissionDenied


def get_licensed_measure(code: str) -> Measure:
    """A licensed measure of the register by its code; 404 for our own measures
    (their wording is ours and fixed) and for unknown codes."""
    measure = measure_by_code(code)
    if measure is None or measure.is_our_own:
        raise Http404
    return measure
