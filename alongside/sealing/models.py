"""The data keys that seal peers' words at rest, one per group (or organisation)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class GroupKey(models.Model):
    """The data key that seals a group's words at rest, wrapped by the master key.

    One per group. It lives in a database of its own ("keys", see `routers.py`), so
    that backups of the main database never hold it; it refers to its group by id
    only, and is deleted once the group's deletion is committed (`keys.py`). With
    it goes any way to read the group's words, even from an old backup of the main
    database. The organisation's own records that need not belong to a group (the
    incident log) have a key of the same kind, owned by the organisation, and so does
    each private conversation (`alongside.privateconversations`), whose words go
    with it.
    """

    # Ids in the main database; no foreign keys, which cannot cross databases.
    group_id = models.PositiveBigIntegerField(null=True, blank=True, unique=True)
    organisation_id = models.PositiveBigIntegerField(null=True, blank=True, unique=True)
    conversation_id = models.PositiveBigIntegerField(null=True, blank=True, unique=True)
    # Random, and named in every envelope sealed under this key.
    key_id = models.CharField(max_length=32, unique=True)
    # base64 of the AES-GCM nonce and the encrypted data key.
    wrapped_key = models.CharField(max_length=200)
    # A short id of the master key that wrapped it (a hash prefix, never the key).
    wrapped_by = models.CharField(max_length=16)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        # The table keeps the name it had when the model lived in peergroups.
        db_table = "peergroups_groupkey"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    group_id__isnull=False,
                    organisation_id__isnull=True,
                    conversation_id__isnull=True,
                )
                | models.Q(
                    group_id__isnull=True,
                    organisation_id__isnull=False,
                    conversation_id__isnull=True,
                )
                | models.Q(
                    group_id__isnull=True,
                    organisation_id__isnull=True,
                    conversation_id__isnull=False,
                ),
                name="data_key_has_one_owner",
            )
        ]

    def __str__(self) -> str:
        return f"Key {self.key_id[:8]}"
