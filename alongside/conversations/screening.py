"""The screening step every post passes before anyone else sees it.

This module defines the interface; the safety app fills it in. The screener in use is
named by the ALONGSIDE_SCREENER setting (a dotted path to a callable with the
`Screener` signature). The default allows everything.

Outcomes:
- "allow": share the post.
- "allow_with_warning_suggestion": share it, and privately suggest to the author that
  they add the content warning in `suggested_warning` (a `Topic` value).
- "hold": keep the post, show it only to its author as "waiting for a quick check",
  and let a human decide. A held post is never dropped.

A screener may also offer `rules_for(group)`, what it reads about a group before
each screening; a live socket keeps that between messages and passes it back as
`rules=`, so that it is read once rather than for every message.

Optional fields carry what the author is told (`reasons_for_author`, the system's own
sentences, never the post's words), whether the author sees the crisis card
(`shows_crisis_support`), whether the person on duty must be alerted
(`needs_on_duty_alert`), how urgent a review is (`urgency`, 0 none to 3 risk to life)
and what could be removed in one click (`redactions`, offsets into the text).

After a post is stored, the callable named by ALONGSIDE_AFTER_SCREENING (if any) is
called once the transaction commits, with the post's id and the result: the safety app
uses it to alert the person on duty. Conversations never import the safety app.

A screener must not log or store the text it is given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Literal, Protocol

from django.conf import settings
from django.utils.module_loading import import_string

if TYPE_CHECKING:
    from alongside.accounts.models import Person
    from alongside.organisations.models import Organisation
    from alongside.peergroups.models import PeerGroup

Outcome = Literal["allow", "hold", "allow_with_warning_suggestion"]


@dataclass(frozen=True)
class ScreeningResult:
    outcome: Outcome
    # Short machine-readable reasons, e.g. "personal_details"; never the text itself.
    reasons: list[str] = field(default_factory=list)
    suggested_warning: str | None = None
    reasons_for_author: tuple[str, ...] = ()
    shows_crisis_support: bool = False
    needs_on_duty_alert: bool = False
    urgency: int = 0
    # (start, end, replacement) offsets into the screened text.
    redactions: tuple[tuple[int, int, str], ...] = ()

    @property
    def is_held(self) -> bool:
        return self.outcome == "hold"


class Screener(Protocol):
    def __call__(
        self, text: str, *, group: PeerGroup, author: Person, **held: object
    ) -> ScreeningResult: ...


def allow_everything(
    text: str, *, group: PeerGroup, author: Person, **held: object
) -> ScreeningResult:
    """The default screener until the safety app provides one."""
    return ScreeningResult(outcome="allow")


@cache
def _screener(path: str) -> Screener:
    screener: Screener = import_string(path)
    return screener


def rules_for(group: PeerGroup) -> object | None:
    """What the screener in use reads about a group before each screening (the
    safety app's phrase rules), read once for a caller that keeps it between posts
    (a live socket) and passes it back to `screen`. None when the screener reads
    nothing ahead (it has no `rules_for` of its own)."""
    reader = getattr(_screener(settings.ALONGSIDE_SCREENER), "rules_for", None)
    return None if reader is None else reader(group)


def screen(
    text: str, *, group: PeerGroup, author: Person, rules: object | None = None
) -> ScreeningResult:
    """Screen what someone is about to share in a group, with `rules` from
    `rules_for` when the caller keeps them."""
    screener = _screener(settings.ALONGSIDE_SCREENER)
    if rules is None:
        return screener(text, group=group, author=author)
    return screener(text, group=group, author=author, rules=rules)


class AfterScreening(Protocol):
    def __call__(self, post_id: int, result: ScreeningResult) -> None: ...


@cache
def _after(path: str) -> AfterScreening:
    follow_up: AfterScreening = import_string(path)
    return follow_up


def after_screening(post_id: int, result: ScreeningResult) -> None:
    """Run the follow-up (if one is set) for a stored post. Call after commit."""
    path = getattr(settings, "ALONGSIDE_AFTER_SCREENING", "")
    if path:
        _after(path)(post_id, result)


# Where a private message is written: a one-to-one pair, or a conversation with
# the team. The screener uses it only for what the author is told.
PrivatePlace = Literal["pair", "team"]


class PrivateScreener(Protocol):
    def __call__(
        self,
        text: str,
        *,
        organisation: Organisation,
        author: Person,
        place: PrivatePlace = "team",
    ) -> ScreeningResult: ...


@cache
def _private_screener(path: str) -> PrivateScreener:
    screener: PrivateScreener = import_string(path)
    return screener


def screen_private(
    text: str,
    *,
    organisation: Organisation,
    author: Person,
    place: PrivatePlace = "team",
) -> ScreeningResult:
    """Screen a message in a private conversation (alongside.privateconversations),
    with the organisation's own rules: the same outcomes as a post in a group, told
    to its author in words that fit ``place``. The screener is named by
    ALONGSIDE_PRIVATE_SCREENER."""
    path = getattr(
        settings,
        "ALONGSIDE_PRIVATE_SCREENER",
        "alongside.safety.screener.screen_private_message",
    )
    return _private_screener(path)(
        text, organisation=organisation, author=author, place=place
    )
