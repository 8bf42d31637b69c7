"""How one-to-one support works in an organisation: the organisation's own policy,
with the coordinators' settings (`OneToOneSettings`) on top.

- A secure service, where peers never start a private conversation
  (`Organisation.peers_can_message_team` is always off there), meets in person
  only: no messages between the two in Alongside, only meetings they schedule,
  whose times the team can see (staff oversight). Any other service may choose
  this too.
- A workplace scheme keeps teams apart by default: a peer is never matched with a
  supporter from their own team or department. It asks for the peer's role at work
  only there, and the supporter reads it only if the peer chose to share it.

Nothing here writes; `actions/pair_settings.py` saves the settings.
"""

from __future__ import annotations

from dataclasses import dataclass

from alongside.organisations.models import Organisation, Setting

from .models import Format, OneToOneSettings


@dataclass(frozen=True)
class PairPolicy:
    is_in_person_only: bool
    # Fixed by the kind of service (a secure service), not a setting.
    is_in_person_only_fixed: bool
    keeps_teams_apart: bool
    teams: tuple[str, ...]
    asks_work_role: bool

    @property
    def allows_messages(self) -> bool:
        """Whether the two write to each other in Alongside."""
        return not self.is_in_person_only

    @property
    def asks_team(self) -> bool:
        """Teams are kept apart and there is a list to choose from."""
        return self.keeps_teams_apart and bool(self.teams)

    @property
    def formats(self) -> list[tuple[str, str]]:
        """The ways to meet a request and a meeting may choose from."""
        if self.is_in_person_only:
            return [(Format.IN_PERSON.value, Format.IN_PERSON.label)]
        return list(Format.choices)


def _is_secure(organisation: Organisation) -> bool:
    return (
        organisation.setting == Setting.SECURE
        and not organisation.peers_can_message_team
    )


def default_keeps_teams_apart(organisation: Organisation) -> bool:
    """A workplace scheme keeps colleagues from one team apart unless its
    coordinators choose otherwise."""
    return organisation.setting == Setting.WORKPLACE


def policy_for(organisation: Organisation) -> PairPolicy:
    """The rules one-to-one support follows in this organisation now."""
    saved = OneToOneSettings.objects.filter(organisation=organisation).first()
    fixed = _is_secure(organisation)
    return PairPolicy(
        is_in_person_only=fixed or (saved is not None and saved.is_in_person_only),
        is_in_person_only_fixed=fixed,
        keeps_teams_apart=saved.keeps_teams_apart
        if saved is not None
        else default_keeps_teams_apart(organisation),
        teams=tuple(saved.teams) if saved is not None else (),
        asks_work_role=organisation.setting == Setting.WORKPLACE,
    )
