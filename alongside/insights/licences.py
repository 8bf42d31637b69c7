"""The register of measures the check-ins use: where each comes from, its licence,
its credit line, and whether its wording may be changed (never, for any measure
here). Reads only.

We ship only wording we have the right to ship: our own items, written for
Alongside. A published measure whose wording is under someone else's copyright is
recorded here with its source and terms but without its words; an organisation
that holds a licence enters the wording itself, and it is locked from then on
(`check_actions.enter_licensed_wording`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models

from .check_models import LicensedWording


class CheckAudience(models.TextChoices):
    PEERS = "peers", "Peers"
    STAFF = "staff", "Staff and supporters"


@dataclass(frozen=True)
class Measure:
    code: str
    name: str
    audience: CheckAudience
    source: str
    licence: str
    credit: str
    is_our_own: bool
    # Our own items; empty for a licensed measure, whose words we do not ship.
    items: tuple[str, ...] = ()
    points: int = 5
    # For a licensed measure: how many items its published form has.
    item_count: int = 0


AGREE_SCALE = "1 means strongly disagree and 5 strongly agree"

FELT_SAFETY = Measure(
    code="alongside-felt-safety",
    name="Feeling safe here (Alongside's own check-in)",
    audience=CheckAudience.PEERS,
    source="Written for Alongside by its contributors.",
    licence=(
        "Free to use under the same licence as Alongside itself. The wording is "
        "locked so that answers stay comparable over time."
    ),
    credit="Alongside felt-safety check-in.",
    is_our_own=True,
    items=(
        "I feel safe taking part here.",
        "I can say how I really feel without being judged.",
        "I trust that what I share stays where I shared it.",
        "If something went wrong, I know who I could tell.",
        "People here treat me with respect.",
    ),
)

TEAM_SAFETY = Measure(
    code="alongside-team-safety",
    name="Our team (Alongside's own team-safety set)",
    audience=CheckAudience.STAFF,
    source="Written for Alongside by its contributors.",
    licence=(
        "Free to use under the same licence as Alongside itself. The wording is "
        "locked so that answers stay comparable over time."
    ),
    credit="Alongside team-safety check-in.",
    is_our_own=True,
    items=(
        "In my team I can raise a problem without fear of blame.",
        "I can ask colleagues for help when I need it.",
        "When I get something wrong, we talk about what we can learn.",
        "People in my team notice the work I do.",
        "I can disagree with a decision and be listened to.",
    ),
)

TEAM_PSYCHOLOGICAL_SAFETY = Measure(
    code="edmondson-team-psychological-safety",
    name="Team Psychological Safety scale (seven items)",
    audience=CheckAudience.STAFF,
    source=(
        "Edmondson, A. (1999). Psychological safety and learning behavior in work "
        "teams. Administrative Science Quarterly, 44(2), 350-383."
    ),
    licence=(
        "The wording is published under the journal's copyright and is not "
        "shipped with Alongside. An organisation may enter it only if it holds "
        "permission to use it. The wording may not be changed."
    ),
    credit=(
        "Team Psychological Safety scale, Amy C. Edmondson (1999), used with "
        "permission."
    ),
    is_our_own=False,
    points=7,
    item_count=7,
)

MEASURES: tuple[Measure, ...] = (FELT_SAFETY, TEAM_SAFETY, TEAM_PSYCHOLOGICAL_SAFETY)
OWN_MEASURE_FOR = {CheckAudience.PEERS: FELT_SAFETY, CheckAudience.STAFF: TEAM_SAFETY}


def measure_by_code(code: str) -> Measure | None:
    return next((measure for measure in MEASURES if measure.code == code), None)


@dataclass(frozen=True)
class Wording:
    """The words a check-in asks, with the measure they belong to."""

    measure: Measure
    items: tuple[str, ...]
    points: int


def wording_of(measure: Measure, organisation_id: int) -> Wording | None:
    """Our own items, or the organisation's locked, licensed entry; None when a
    licensed measure's wording has not been entered."""
    if measure.is_our_own:
        return Wording(measure=measure, items=measure.items, points=measure.points)
    entered = LicensedWording.objects.filter(
        organisation_id=organisation_id, measure=measure.code
    ).first()
    if entered is None:
        return None
    return Wording(measure=measure, items=tuple(entered.items), points=entered.points)


def wording_for(audience: CheckAudience, organisation_id: int) -> Wording:
    """What a check-in asks: for staff, the licensed team set once the
    organisation has entered it, or our own; for peers, our own."""
    if audience == CheckAudience.STAFF:
        licensed = wording_of(TEAM_PSYCHOLOGICAL_SAFETY, organisation_id)
        if licensed is not None:
            return licensed
    own = OWN_MEASURE_FOR[audience]
    return Wording(measure=own, items=own.items, points=own.points)
