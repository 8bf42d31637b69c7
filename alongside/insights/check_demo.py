"""Riverside's check-ins for the demo: sam is told a check-in is waiting (they
joined today), and the last two whole quarters hold anonymous check-ins, enough
from peers for the figures to show, too few from staff, so the team set reads
"not enough answers yet". Written here, in our own words.

Past check-ins cannot go through the action (it checks in today), so the demo
writes them as the action would: no person, only the day.
"""

from __future__ import annotations

import random
from datetime import timedelta

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation

from . import check_actions
from .check_models import CheckAnswer
from .check_permissions import open_point
from .licences import FELT_SAFETY, TEAM_SAFETY
from .rates import last_quarters


def seed_check_ins(people: dict[str, Person], *, riverside: Organisation) -> None:
    if CheckAnswer.objects.filter(organisation=riverside).exists():
        return
    chance = random.Random(24)
    for quarter, peers in zip(last_quarters(2), (14, 23), strict=True):
        for number in range(peers):
            lean = chance.choices([2, 3, 4, 5], weights=[1, 2, 5, 3])[0]
            CheckAnswer.objects.create(
                organisation=riverside,
                measure=FELT_SAFETY.code,
                answered_on=quarter.start + timedelta(days=number * 3 % 88),
                scores=[
                    max(1, min(5, lean + chance.choice([-1, 0, 0, 1])))
                    for _ in FELT_SAFETY.items
                ],
            )
        for number in range(3):
            CheckAnswer.objects.create(
                organisation=riverside,
                measure=TEAM_SAFETY.code,
                answered_on=quarter.start + timedelta(days=20 + number * 9),
                scores=[chance.choice([3, 4, 5]) for _ in TEAM_SAFETY.items],
            )
    sam = people["sam"]
    point = open_point(sam, riverside)
    if point is not None:
        check_actions.tell_about_check_in(
            person=sam, organisation=riverside, point=point
        )
