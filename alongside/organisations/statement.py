"""The confidentiality statement, generated from the organisation's settings.

Every sentence is a Claim with a key. The statement says what the code does, so
each key has a check in `tests/test_statement.py` that runs the permission
functions of the app that decides (and reads the policy table the canary crawl
checks) for every kind of service and every switch. A switch that changes what the
code does must change the statement too, or that test fails. Nothing here decides
anything: it only describes the rules that the apps' permissions.py apply.

The organisation's own words come after the statement (`confidentiality_statement`,
checked by contradictions.py) and never replace it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .models import GroupCreation, Setting

if TYPE_CHECKING:
    from .models import Organisation


@dataclass(frozen=True)
class Claim:
    """One sentence, and the key its check in the tests is found by."""

    key: str
    text: str


@dataclass(frozen=True)
class Section:
    heading: str
    claims: tuple[Claim, ...]


_STARTERS = {
    GroupCreation.ANYONE: "anyone in {name}",
    GroupCreation.STAFF: "the facilitators, supervisors and admins of {name}",
    GroupCreation.ADMINS: "the admins of {name} only",
}


def statement_for(organisation: Organisation) -> tuple[Section, ...]:
    """The statement for this organisation as it is set up now, in sections."""
    name = organisation.name
    sections = [
        _group_words(organisation),
        _exceptions(name),
        _private(organisation),
        _kept(organisation),
    ]
    if organisation.setting == Setting.WORKPLACE:
        sections.append(_employer(name))
    if organisation.setting == Setting.SECURE:
        sections.append(_secure(name))
    sections.append(_how_groups_work(organisation))
    return tuple(sections)


def statement_text(organisation: Organisation) -> str:
    """The whole statement as plain text (headings on their own lines)."""
    return "\n\n".join(
        section.heading + "\n" + " ".join(claim.text for claim in section.claims)
        for section in statement_for(organisation)
    )


def _group_words(organisation: Organisation) -> Section:
    name = organisation.name
    if organisation.requires_staff_facilitators:
        facilitators = Claim(
            "facilitators-are-staff",
            f"At {name}, only staff facilitate groups.",
        )
    else:
        facilitators = Claim(
            "facilitators-may-be-peers",
            f"At {name}, a group's facilitators may be peers as well as staff.",
        )
    return Section(
        "Who reads what you write in a group",
        (
            Claim(
                "members-read",
                "What you write in a group is read by the people in that group: its "
                "members, including anyone taking a break.",
            ),
            Claim(
                "facilitators-read",
                "Its facilitators read it too. They also read posts held for a "
                "quick check and the notes people add when they report a post.",
            ),
            facilitators,
            Claim(
                "joining-and-leaving",
                "Someone who joins later reads the group's conversations, but not "
                "live-session messages from before they joined. Once you leave, you "
                "no longer read its conversations.",
            ),
            Claim(
                "others-do-not-read",
                f"Nobody else reads it: not the admins or supervisors of {name}, "
                "and not the facilitators of other groups, except at the times "
                "below.",
            ),
        ),
    )


def _exceptions(name: str) -> Section:
    return Section(
        "The times someone else reads it",
        (
            Claim(
                "risk-to-life",
                "If a post suggests that someone's life may be at risk, the person "
                f"on duty at {name} is told and reads that one post. If nobody "
                "answers in time, the next person in the chain is told, and last "
                "the group's facilitators. The email they get never has the post's "
                "words in it.",
            ),
            Claim(
                "only-facilitator",
                "If a post by a group's only facilitator waits for a decision, an "
                f"admin of {name} reads that one post and decides, so that nobody "
                "decides about their own post.",
            ),
            Claim(
                "reads-are-recorded",
                "Each time someone reads your words for one of these reasons, or a "
                "facilitator reads a post of yours that waits for a decision, it is "
                "recorded. You can see who read it (their role, not their name), "
                'what and why, on your page "Who else has seen my words".',
            ),
            Claim(
                "plans-are-yours",
                "Your safety plan is yours alone: no member of staff can read it "
                "unless you share it.",
            ),
        ),
    )


def _private(organisation: Organisation) -> Section:
    if organisation.peers_can_message_team:
        start = Claim(
            "peers-may-message-team",
            "You can write privately to the team, and the team can write "
            "privately to you.",
        )
    else:
        start = Claim(
            "team-starts-private",
            "The team can write privately to you, and you can reply, but only "
            "the team can start a private conversation.",
        )
    return Section(
        "Private conversations with the team",
        (
            start,
            Claim(
                "private-readers",
                "Only you and the people from the team in that conversation read "
                "it. Someone from the team who joins it later reads what was said "
                "before only through a recorded read that you can see.",
            ),
        ),
    )


def _kept(organisation: Organisation) -> Section:
    threads = (
        f"Conversations (threads) are kept {organisation.thread_retention_phrase} "
        "after their last reply, then deleted with every reply."
        if organisation.thread_retention_days
        else "Conversations (threads) are kept until the group is closed."
    )
    return Section(
        "How long words are kept",
        (
            Claim(
                "live-kept",
                "Live-session messages are kept "
                f"{organisation.live_message_retention_phrase}, then deleted."
                if organisation.live_message_retention_days
                else "Live-session messages are kept until the group is closed.",
            ),
            Claim("threads-kept", threads),
            Claim(
                "safety-kept",
                "Anything that is part of an open safety concern (a report, a post "
                "waiting for a check, an alert or an incident) is kept until that "
                "is closed.",
            ),
        ),
    )


def _employer(name: str) -> Section:
    return Section(
        "What your employer can and cannot see",
        (
            Claim(
                "employer-cannot-see",
                f"The admins and supervisors of {name} work for your employer. "
                "They never read your safety plan. They read what you write in a "
                "group only at the times above, and see who is in a group only "
                "while they handle an alert about it. They never see who comes to "
                "a meeting.",
            ),
            Claim(
                "employer-can-see",
                "They do see the name you give when you ask to join a group that "
                "asks first (admins answer such requests), that a post in a group "
                "waits for a decision and why (never its words), and the incident "
                "records that staff write.",
            ),
        ),
    )


def _secure(name: str) -> Section:
    return Section(
        "What staff in a secure service can see",
        (
            Claim(
                "secure-staff",
                f"Staff of {name} who are not in your group do not read what you "
                "write in it, except at the times above, just as in any other "
                "service.",
            ),
            Claim(
                "secure-meetings",
                "Meetings show the ward or room only: no addresses, no online "
                "links and no calendars.",
            ),
            Claim(
                "secure-one-to-one",
                "One-to-one support meets in person only, with no messages between "
                "the two in Alongside. The team sees when each pair meets, who the "
                "supporter is and whether they checked in and out, never what is "
                "said.",
            ),
        ),
    )


def _how_groups_work(organisation: Organisation) -> Section:
    if organisation.allows_links:
        links = Claim(
            "links-on",
            "Links to other websites can be shared, and open when clicked.",
        )
    else:
        links = Claim(
            "links-off",
            "Links are switched off here: they show as plain text that cannot be "
            "clicked, and a post with a link waits for a quick check.",
        )
    creation = GroupCreation(organisation.group_creation)
    if creation == GroupCreation.ANYONE and organisation.requires_staff_facilitators:
        # Who starts a group facilitates it, so only staff may start one here.
        creation = GroupCreation.STAFF
    starters = _STARTERS[creation]
    return Section(
        "Links and new groups",
        (
            links,
            Claim(
                "who-starts-groups",
                "New groups can be started by "
                f"{starters.format(name=organisation.name)}.",
            ),
        ),
    )
