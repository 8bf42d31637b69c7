"""Kinds of service: a community service, a workplace scheme or a secure service.

Each kind sets honest defaults for every policy switch, which an admin may still
change one by one, and has one plain paragraph saying what it means for the person.
Rules that a kind fixes whatever the switches say (a secure service's meetings show
the room only, and only its team starts a private conversation) live with the
permission that applies them; the statement (statement.py) says them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .models import GroupCreation, Retention, Setting

if TYPE_CHECKING:
    from .models import Organisation

# Every policy switch a kind sets, in the order the settings page shows them.
POLICY_SWITCHES = (
    "requires_staff_facilitators",
    "group_creation",
    "allows_links",
    "peers_may_message_team",
    "live_message_retention_days",
    "thread_retention_days",
)

KIND_DEFAULTS: dict[str, dict[str, object]] = {
    # Peer-led: peers facilitate, anyone may write to the team, words kept a while.
    Setting.COMMUNITY: {
        "requires_staff_facilitators": False,
        "group_creation": GroupCreation.STAFF,
        "allows_links": True,
        "peers_may_message_team": True,
        "live_message_retention_days": Retention.DAYS_90,
        "thread_retention_days": Retention.YEAR_1,
    },
    # Colleagues: peer-led too, and less kept about staff for less long.
    Setting.WORKPLACE: {
        "requires_staff_facilitators": False,
        "group_creation": GroupCreation.ANYONE,
        "allows_links": True,
        "peers_may_message_team": True,
        "live_message_retention_days": Retention.DAYS_30,
        "thread_retention_days": Retention.DAYS_90,
    },
    # A ward: staff hold the groups, no links, only the team starts a private
    # conversation, and words are kept for a short time.
    Setting.SECURE: {
        "requires_staff_facilitators": True,
        "group_creation": GroupCreation.ADMINS,
        "allows_links": False,
        "peers_may_message_team": False,
        "live_message_retention_days": Retention.DAYS_30,
        "thread_retention_days": Retention.DAYS_90,
    },
}

_MEANINGS = {
    Setting.COMMUNITY: (
        "{name} is a community service: peer support between people with an "
        "experience in common, outside any workplace or hospital. You choose how "
        "much to take part. You can join a group, take a break or leave whenever "
        "you like, and nobody is told."
    ),
    Setting.WORKPLACE: (
        "{name} is a workplace scheme: peer support between colleagues, run by "
        "your employer. What you write in a group is for the people in that group. "
        "The scheme's admins, who work for your employer, read it only at the "
        "times the statement below names, and it says plainly what else they can "
        "and cannot see."
    ),
    Setting.SECURE: (
        "{name} is a secure service: peer support where you are staying, on a ward "
        "or unit. Some things work differently here to keep everyone safe: meetings "
        "show the room only, and only the team starts a private conversation. Staff "
        "who are not in your group do not read what you write in it, except at the "
        "times the statement below names."
    ),
}


def defaults_for(kind: str) -> dict[str, object]:
    """The switches' values for a new organisation of this kind."""
    return dict(KIND_DEFAULTS[Setting(kind)])


def kind_meaning(organisation: Organisation) -> str:
    """One plain paragraph: what kind of service this is and what that means for
    the person."""
    return _MEANINGS[Setting(organisation.setting)].format(name=organisation.name)


def changed_from_defaults(organisation: Organisation) -> list[str]:
    """The switches the admin has set away from their kind's defaults."""
    defaults = KIND_DEFAULTS[Setting(organisation.setting)]
    return [
        name
        for name in POLICY_SWITCHES
        if getattr(organisation, name) != defaults[name]
    ]
