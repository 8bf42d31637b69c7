"""A private conversation between a member and the team, for the demo."""

from __future__ import annotations

from alongside.accounts.models import Person
from alongside.demo.ids import demo_id
from alongside.organisations.models import Organisation
from alongside.peergroups.models import PeerGroup

DEMO_PRIVATE = [
    (
        "fran",
        "Hi Sam, it's Fran from the Living with loss group. You mentioned Sunday "
        "would have been your mum's birthday. How did the day go?",
    ),
    (
        "sam",
        "Thanks for asking. I did the river walk in the end. It was sad but it "
        "felt right.",
    ),
    (
        "fran",
        "That sounds like a lovely way to remember her. I'm around on Tuesday "
        "evening if you'd like to talk before the group.",
    ),
]


def seed_private_conversation(
    people: dict[str, Person], *, riverside: Organisation, loss: PeerGroup
) -> None:
    """Fran and Sam, in a private conversation with the Riverside team."""
    from alongside.privateconversations import actions as private_actions
    from alongside.privateconversations.models import Message

    if Message.objects.filter(client_id=demo_id("private:0")).exists():
        return
    conversation = private_actions.open_conversation(
        person=people["fran"],
        with_person=people["sam"],
        organisation=riverside,
        group=loss,
    )
    for number, (author, body) in enumerate(DEMO_PRIVATE):
        private_actions.send_message(
            person=people[author],
            conversation=conversation,
            body=body,
            client_id=demo_id(f"private:{number}"),
        )
