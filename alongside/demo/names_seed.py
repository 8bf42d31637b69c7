"""The names the demo's people are known by outside their groups, so that the
team's pages and one-to-one support read naturally. Each differs from the sign-in
name, as everyone's should; in groups each person keeps the name they have there."""

from __future__ import annotations

from alongside.accounts.actions import choose_known_as
from alongside.accounts.models import Person

KNOWN_AS = {
    "sam": "Sam R",
    "alex": "Alex T",
    "jo": "Jo (peer supporter)",
    "fran": "Fran (facilitator)",
    "sky": "Sky (supervisor)",
    "ade": "Ade (admin)",
}


def seed_names(people: dict[str, Person]) -> None:
    """Give each demo person their name, unless they have chosen another since."""
    for sign_in_name, known_as in KNOWN_AS.items():
        person = people[sign_in_name]
        if not person.known_as:
            choose_known_as(person=person, known_as=known_as)
