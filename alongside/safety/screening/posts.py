"""Screening a post in a group, with its organisation's and its own rules applied,
and weighed with the author's own recent posts in the same group."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from alongside.safety.screening.context import Context
from alongside.safety.screening.normalise import normalise
from alongside.safety.screening.pipeline import ScreeningResult, screen
from alongside.safety.screening.risk import weak_signs_in

if TYPE_CHECKING:
    from alongside.accounts.models import Person
    from alongside.peergroups.models import PeerGroup
    from alongside.safety.models import PhraseRule

# How far back, and how many of the author's own posts, count towards build-up.
BUILD_UP_DAYS = 7
BUILD_UP_POSTS = 10


def rules_for_group(group: PeerGroup) -> list[PhraseRule]:
    """The rules that apply in a group: its organisation's and its own, active ones
    only. A live socket keeps them until a change to a rule tells it to read them
    again (`alongside.safety.actions`)."""
    from alongside.safety.models import PhraseRule

    return list(PhraseRule.objects.active().for_group(group))


def screen_post(
    text: str,
    *,
    group: PeerGroup,
    author: Person,
    rules: list[PhraseRule] | None = None,
) -> ScreeningResult:
    """Screen ``text`` as a post by ``author`` in ``group``.

    Applies the organisation's rules and the group's own rules (active ones only), and
    the organisation's policy on links. When the post holds a weak warning sign and
    raises no alert on its own, the author's own posts in this group from the last
    seven days are read again for theirs (``earlier_signs``): two weak signs across
    two posts then count as two in one. Nothing new is stored. ``rules`` are the
    group's rules as `rules_for_group` read them, when the caller keeps them.
    """
    if rules is None:
        rules = rules_for_group(group)
    allows_links = group.organisation.allows_links
    result = screen(text, rules=rules, allows_links=allows_links)
    if result.needs_on_duty_alert or not result.weak_signs:
        return result
    signs = earlier_signs(group=group, author=author)
    if not signs:
        return result
    return screen(text, rules=rules, allows_links=allows_links, earlier_signs=signs)


def earlier_signs(*, group: PeerGroup, author: Person) -> frozenset[str]:
    """The kinds of weak warning sign in the author's own recent posts in the group,
    read through the conversations policy as the author would see them."""
    from alongside.conversations.permissions import posts_visible_to

    since = timezone.now() - timedelta(days=BUILD_UP_DAYS)
    posts = (
        posts_visible_to(author, group)
        .filter(author=author, created_at__gte=since, deleted_at__isnull=True)
        .order_by("-created_at")[:BUILD_UP_POSTS]
    )
    signs: set[str] = set()
    for post in posts:
        signs |= weak_signs_in(Context.of(normalise(post.body).words.text))
    return frozenset(signs)
