"""The agreements' part of erasing an account: system actions that the privacy
registry runs before the account row goes."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from alongside.accounts.models import Person

from ..models import Comment, Proposal, ProposalChange, ProposalStatus


def erase_agreement_words(*, person: Person, keep_posts: bool) -> None:
    """System action for erasing an account. Suggestions stay with the group's
    agreement history; the person's reasons go when they chose to remove their
    words, and their open suggestions are withdrawn.

    Precondition: the caller (alongside.privacy) has checked that the account may be
    erased, inside its transaction. No one is told.
    """
    if keep_posts:
        return
    proposals = Proposal.objects.filter(proposed_by=person)
    proposals.filter(status=ProposalStatus.OPEN).update(
        status=ProposalStatus.WITHDRAWN, closed_at=timezone.now()
    )
    proposals.update(reason="")
    ProposalChange.objects.filter(Q(proposal__proposed_by=person), ~Q(why="")).update(
        why=""
    )


def erase_comments(*, person: Person, keep_posts: bool) -> None:
    """System action for erasing an account: the person's comments on suggestions
    go when they chose to remove their words; otherwise they stay as "former member".

    Precondition: as `erase_agreement_words`.
    """
    if not keep_posts:
        Comment.objects.filter(person=person).delete()
