"""What a live-room socket keeps between messages instead of reading it for each one:
the room, the facts the rule for writing reads (`permissions.PostingFacts`) and what
the screener reads about the group (its phrase rules).

They are read together, in the database call that sends a message, and kept until an
event says one may have changed; the socket then reads them again before its next
message (`consumers.LiveRoomConsumer`). The rule itself is still
`permissions.why_cannot_post`, which decides on the facts kept. Every action that can
take the right to write away, or change what is screened, sends its event after it
commits:

- the room opening or closing: `live.room_changed` (conversations.actions);
- a posting pause (safety.actions.decide_on_post) and a new name in the group
  (peergroups.actions.rename_self): `alongside.core.live.posting_facts_changed`;
- a break or leaving the group, signing out, erasure: the socket is closed
  (`alongside.core.live.close_live_sockets`);
- a phrase rule added or changed (safety.actions): `live.screening_changed`.

Changes that only give the right to write (confirming the agreement, a pause ending,
coming back) need no event: a message the kept facts refuse is tried once more on
facts read afresh, so nobody is refused on facts that are out of date.
"""

from __future__ import annotations

from dataclasses import dataclass

from alongside.accounts.models import Person
from alongside.peergroups.models import PeerGroup

from .models import LiveRoom
from .permissions import PostingFacts, posting_facts_of, room_of
from .screening import rules_for


@dataclass(frozen=True)
class LiveFacts:
    room: LiveRoom | None
    posting: PostingFacts
    # As conversations.screening.rules_for read them (None: nothing to keep).
    screening_rules: object | None


def live_facts_of(person: Person, group: PeerGroup) -> LiveFacts:
    """Read everything a live message needs to know about the person and the room
    before it is checked and screened. Reads only."""
    return LiveFacts(
        room=room_of(group),
        posting=posting_facts_of(person, group),
        screening_rules=rules_for(group),
    )
