"""Saving how one-to-one support works in an organisation (`OneToOneSettings`).
The single writer of that model: checks permission, keeps the invariants, writes.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation

from ..models import OneToOneSettings
from ..permissions import check_change_pair_settings

MOST_TEAMS = 200
TEAM_LENGTH = 80


def tidy_teams(teams: list[str]) -> list[str]:
    """Names trimmed, inner spaces made single, each once (whatever its case),
    in the order given. Longer lists or names are the form's to refuse."""
    found: list[str] = []
    seen: set[str] = set()
    for team in teams:
        name = " ".join(team.split())
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            found.append(name)
    return found


@transaction.atomic
def save_pair_settings(
    *,
    person: Person,
    organisation: Organisation,
    is_in_person_only: bool,
    keeps_teams_apart: bool,
    teams: list[str],
) -> OneToOneSettings:
    """A coordinator sets how one-to-one support works in the organisation. New
    matches follow it; pairs already working together keep their conversation.
    A secure service meets in person only whatever is saved here (`pair_policy`).
    """
    check_change_pair_settings(person, organisation)
    tidied = tidy_teams(teams)
    if len(tidied) > MOST_TEAMS or any(len(team) > TEAM_LENGTH for team in tidied):
        raise ValueError("Too many teams, or a name too long.")
    saved, _ = OneToOneSettings.objects.update_or_create(
        organisation=organisation,
        defaults={
            "is_in_person_only": is_in_person_only,
            "keeps_teams_apart": keeps_teams_apart,
            "teams": tidied,
            "updated_at": timezone.now(),
        },
    )
    return saved
