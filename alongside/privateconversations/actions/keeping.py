"""How long conversations are kept, and deleting those past it with the key to
their words."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q

from alongside.privateconversations.models import (
    Conversation,
)

# Ended conversations are kept this long after ending; open ones this long after
# their last message. Then they go, with the key to their words.
KEEP_ENDED_FOR = timedelta(days=90)


KEEP_QUIET_FOR = timedelta(days=365)


def delete_expired_conversations(*, now: datetime) -> int:
    """A system action for the nightly retention run: conversations ended more than
    KEEP_ENDED_FOR ago, and open ones quiet for KEEP_QUIET_FOR, are deleted, with the
    key to their words. Returns how many."""
    expired = Conversation.objects.filter(
        Q(ended_at__lt=now - KEEP_ENDED_FOR)
        | Q(ended_at__isnull=True, last_message_at__lt=now - KEEP_QUIET_FOR)
    )
    deleted = 0
    for conversation in expired.iterator():
        with transaction.atomic():
            conversation.delete()
        deleted += 1
    return deleted
