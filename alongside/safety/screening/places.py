"""Where something was written, and what its author is told when it is held there.

A post in a group waits for the group's facilitator, and its author can remove
personal details in one click. A private message is different: in a one-to-one pair
there is no group and no facilitator, and nobody from the team is in it until
screening asks them in (`privateconversations.actions`); in a conversation with the
team, the team members in it look. Neither offers one-click removal: the author can
send the message again in other words. The group's own wording stays in
`pipeline.py`; this module holds the wording for the private places.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Place(StrEnum):
    GROUP = "group"
    # A peer and their one-to-one supporter (`privateconversations`, purpose
    # "support").
    PAIR = "pair"
    # A person and the organisation's team (`privateconversations`, purpose "team").
    TEAM = "team"


@dataclass(frozen=True, slots=True)
class HeldWording:
    """What the author reads for each reason a post or message is held."""

    details_why: str
    link: str
    method: str
    abuse: str
    rule: str


_SEND_AGAIN = "You can send it again without the details now."
_TEAM_LOOKS = "Someone from the team will look at it before it is shared."

PRIVATE_WORDING = {
    Place.PAIR: HeldWording(
        details_why=(
            "Contact details stay out of one-to-one messages, to keep you both safe. "
            f"Someone from the team has been asked to look at it. {_SEND_AGAIN}"
        ),
        link=(
            "Links are switched off in this service. Someone from the team has been "
            "asked to look at it. You can send it again without the link now."
        ),
        method=(
            "Your message is waiting for someone from the team to read it, because "
            "it may include details of ways of hurting yourself. We keep those "
            "details out of messages so that no one reading is put at risk. You're "
            "welcome to talk about how you feel: you can send it again without the "
            "details now."
        ),
        abuse=(
            "Your message is waiting for someone from the team to read it, because "
            "part of it may come across as hurtful. You can send it again in other "
            "words now. If you're angry or hurting, you can still say so here."
        ),
        rule=(
            "Your message is waiting for someone from the team to read it, because "
            "it includes words the team checks first. You can send it again in "
            "other words now, or wait."
        ),
    ),
    Place.TEAM: HeldWording(
        details_why=(
            f"To keep everyone safe we don't share contact details here. {_TEAM_LOOKS} "
            f"{_SEND_AGAIN}"
        ),
        link=(
            f"Links are switched off in this service. {_TEAM_LOOKS} You can send it "
            "again without the link now."
        ),
        method=(
            f"{_TEAM_LOOKS} It may include details of ways of hurting yourself, and "
            "we keep those details out of messages so that no one reading is put at "
            "risk. You're welcome to talk about how you feel: you can send it again "
            "without the details now."
        ),
        abuse=(
            f"{_TEAM_LOOKS} Part of it may come across as hurtful. You can send it "
            "again in other words now. If you're angry or hurting, you can still say "
            "so here."
        ),
        rule=(
            f"{_TEAM_LOOKS} It includes words the team checks first. You can send it "
            "again in other words now, or wait."
        ),
    ),
}
