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
    from alongside.peergroups.models import PeerGroup

Outcome = Literal["allow", "hold", "allow_with_warning_suggestion"]


@dataclass(frozen=True)
class ScreeningResult:
    outcome: Outcome
    # Short machine-readable reasons, e.g. "personal_details"; never the text itself.
    reasons: list[str] = field(default_factory=list)
    suggested_warning: str | None = None

    @property
    def is_held(self) -> bool:
        return self.outcome == "hold"


class Screener(Protocol):
    def __call__(
        self, text: str, *, group: PeerGroup, author: Person
    ) -> ScreeningResult: ...


def allow_everything(text: str, *, group: PeerGroup, author: Person) -> ScreeningResult:
    """The default screener until the safety app provides one."""
    return ScreeningResult(outcome="allow")


@cache
def _screener(path: str) -> Screener:
    screener: Screener = import_string(path)
    return screener


def screen(text: str, *, group: PeerGroup, author: Person) -> ScreeningResult:
    """Screen what someone is about to share in a group."""
    return _screener(settings.ALONGSIDE_SCREENER)(text, group=group, author=author)
