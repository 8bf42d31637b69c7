"""Screening a post in a group, with its organisation's and its own rules applied."""

from __future__ import annotations

from typing import TYPE_CHECKING

from alongside.safety.screening.pipeline import ScreeningResult, screen

if TYPE_CHECKING:
    from alongside.accounts.models import Person
    from alongside.peergroups.models import PeerGroup


def screen_post(text: str, *, group: PeerGroup, author: Person) -> ScreeningResult:
    """Screen ``text`` as a post by ``author`` in ``group``.

    Applies the organisation's rules and the group's own rules (active ones only), and
    the organisation's policy on links. ``author`` is accepted so that later rules can
    depend on the author's role; screening does not yet treat anyone differently.
    """
    from alongside.safety.models import PhraseRule

    rules = list(PhraseRule.objects.active().for_group(group))
    return screen(text, rules=rules, allows_links=group.organisation.allows_links)
