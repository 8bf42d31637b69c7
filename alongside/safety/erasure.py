"""Safety's part of erasing an account: the words of the person's posts (through
conversations' own system action) and the notes safety keeps beside them, their
notes asking for another look and their replies to decisions. Used by
alongside.privacy.registry."""

from __future__ import annotations

from alongside.accounts.models import Person
from alongside.conversations.actions import erase_posts_of

from .models import HoldAppeal, ModerationDecision


def erase_posts_and_notes(*, person: Person, keep_posts: bool) -> None:
    """System action for erasing an account. The post words go as
    `erase_posts_of` says; the person's own notes asking for another look and
    replies to decisions go either way.

    Precondition: the caller (alongside.privacy) has checked that the account may be
    erased, inside its transaction. Side effects: as `erase_posts_of`.
    """
    erase_posts_of(person=person, keep_posts=keep_posts)
    HoldAppeal.objects.filter(post__author=person).delete()
    ModerationDecision.objects.filter(post__author=person).update(author_reply="")
