"""Riverside's phrase rules for the demo, so the phrase rules page has something to
show: ade's rule for every group, changed once (two versions), and fran's rule for
Living with loss, switched off (also two versions). Rules act on new posts only, so
the demo's posts are as they were. Written here, in our own words."""

from __future__ import annotations

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation
from alongside.peergroups.models import PeerGroup
from alongside.safety import actions
from alongside.safety.models import PhraseRule


def seed_phrase_rules(
    people: dict[str, Person], *, riverside: Organisation, loss: PeerGroup
) -> None:
    if PhraseRule.objects.filter(organisation=riverside).exists():
        return
    ade, fran = people["ade"], people["fran"]
    relapse = actions.create_phrase_rule(
        by=ade,
        organisation=riverside,
        pattern="relapse",
        action="suggest_warning",
        topic="substances",
        note="Asked for by the carers' group, so readers can choose when to read.",
    )
    actions.update_phrase_rule(
        by=ade,
        rule=relapse,
        pattern="relaps*",
        action="suggest_warning",
        topic="substances",
    )
    ashes = actions.create_phrase_rule(
        by=fran,
        organisation=riverside,
        group=loss,
        pattern="scattering the ashes",
        action="suggest_warning",
        topic="bereavement",
        note="Tried for a month; the group felt it was not needed.",
    )
    actions.switch_phrase_rule(by=fran, rule=ashes, is_active=False)
