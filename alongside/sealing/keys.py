"""The groups' data keys: made on first use, unwrapped and kept in memory for a short
while, and destroyed once their group's (or organisation's) deletion is committed.

Each group's words are sealed under its own data key (`GroupKey`), wrapped by a
master key from the environment (`alongside/core/crypto.py`). The keys live in a
database of their own ("keys", `routers.py`), apart from the words. An envelope names
its key, so reading needs no join; unwrapped keys are kept in process memory for
`KEY_CACHE_SECONDS` and dropped at once in the process that deletes a key. Once a
group's deletion is committed, its key is deleted from the keys database, so its words
cannot be read again, even from an old backup of the main database: they read as
`REMOVED_PLACEHOLDER`. Stored words that cannot be opened at all (altered, or plain
text that looks like an envelope) read as `UNREADABLE_PLACEHOLDER`, and a log line
names the field and key id, never the words.

Groups and organisations are named here only by their model labels, so that this
app sits below every app whose words it seals.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.db import models, transaction
from django.db.models.signals import post_delete

from alongside.core import crypto

from .models import GroupKey

logger = logging.getLogger(__name__)

REMOVED_PLACEHOLDER = "This was removed."
UNREADABLE_PLACEHOLDER = "This cannot be shown."
# How long another process may go on reading a deleted group's words.
KEY_CACHE_SECONDS = 30

# A private conversation (an app far above) seals its words under a key of its own.
CONVERSATION_OWNER = "privateconversations.Conversation"
# Which models own a data key, and the GroupKey column naming them.
_KEY_OWNERS = {
    "peergroups.PeerGroup": "group_id",
    "organisations.Organisation": "organisation_id",
    CONVERSATION_OWNER: "conversation_id",
}

# data key id -> (data key, when it was unwrapped)
_unwrapped: dict[bytes, tuple[bytes, float]] = {}
# (owner's model label, owner's id) -> (its data key id, when its row was read)
_key_ids: dict[tuple[str, int], tuple[bytes, float]] = {}


def forget_keys() -> None:
    """Drop every unwrapped key, and which owner each belongs to, from this
    process's memory."""
    _unwrapped.clear()
    _key_ids.clear()


def _forget_deleted_key(sender: type[Any], instance: GroupKey, **kwargs: Any) -> None:
    _unwrapped.pop(bytes.fromhex(instance.key_id), None)
    for label, column in _KEY_OWNERS.items():
        owner_id = getattr(instance, column)
        if owner_id is not None:
            _key_ids.pop((label, owner_id), None)


def _is_fresh(since: float) -> bool:
    return time.monotonic() - since < KEY_CACHE_SECONDS


post_delete.connect(
    _forget_deleted_key, sender="sealing.GroupKey", dispatch_uid="forget-group-key"
)


def _delete_key_of(lookup: dict[str, int]) -> None:
    GroupKey.objects.filter(**lookup).delete()


def _delete_group_key(sender: type[Any], instance: models.Model, **kwargs: Any) -> None:
    # Only once the deletion is committed: a rolled-back deletion keeps its words.
    using = kwargs.get("using") or "default"
    lookup = {"group_id": instance.pk}
    transaction.on_commit(lambda: _delete_key_of(lookup), using=using)


def _delete_organisation_key(
    sender: type[Any], instance: models.Model, **kwargs: Any
) -> None:
    using = kwargs.get("using") or "default"
    lookup = {"organisation_id": instance.pk}
    transaction.on_commit(lambda: _delete_key_of(lookup), using=using)


def delete_key_after_commit(owner: models.Model, using: str = "default") -> None:
    """Once the deletion of `owner` (a model that owns a data key of its own, such
    as a private conversation) is committed, delete its key: its words can never be
    read again."""
    lookup = {_KEY_OWNERS[owner._meta.label]: owner.pk}
    transaction.on_commit(lambda: _delete_key_of(lookup), using=using)


post_delete.connect(
    _delete_group_key, sender="peergroups.PeerGroup", dispatch_uid="delete-group-key"
)
post_delete.connect(
    _delete_organisation_key,
    sender="organisations.Organisation",
    dispatch_uid="delete-organisation-key",
)


def _remember(key_id: bytes, data_key: bytes) -> bytes:
    _unwrapped[key_id] = (data_key, time.monotonic())
    return data_key


def _unwrap(key: GroupKey) -> bytes:
    key_id = bytes.fromhex(key.key_id)
    return _remember(
        key_id, crypto.unwrap_data_key(key_id, key.wrapped_key, key.wrapped_by)
    )


def data_key_for(owner: models.Model) -> tuple[bytes, bytes]:
    """The id and data key that seal words belonging to `owner`: a peer group, an
    organisation for its own records, or a private conversation. Made on first
    use."""
    label = owner._meta.label
    if label not in _KEY_OWNERS:
        raise TypeError(f"{label} cannot own a data key.")
    # The key row is read once while its unwrapped key is kept, not for every seal.
    known = _key_ids.get((label, owner.pk))
    if known is not None and _is_fresh(known[1]):
        cached = _unwrapped.get(known[0])
        if cached is not None and _is_fresh(cached[1]):
            return known[0], cached[0]
    lookup = {_KEY_OWNERS[label]: owner.pk}
    key = GroupKey.objects.filter(**lookup).first()
    if key is None:
        key_id, data_key = crypto.new_data_key()
        wrapped, wrapped_by = crypto.wrap_data_key(key_id, data_key)
        key, created = GroupKey.objects.get_or_create(
            **lookup,
            defaults={
                "key_id": key_id.hex(),
                "wrapped_key": wrapped,
                "wrapped_by": wrapped_by,
            },
        )
        if created:
            _key_ids[(label, owner.pk)] = (key_id, time.monotonic())
            return key_id, _remember(key_id, data_key)
    key_id = bytes.fromhex(key.key_id)
    _key_ids[(label, owner.pk)] = (key_id, time.monotonic())
    cached = _unwrapped.get(key_id)
    if cached is not None and _is_fresh(cached[1]):
        return key_id, cached[0]
    return key_id, _unwrap(key)


def data_key_by_id(key_id: bytes) -> bytes | None:
    """The data key with this id, or None when it has been destroyed."""
    cached = _unwrapped.get(key_id)
    if cached is not None and _is_fresh(cached[1]):
        return cached[0]
    key = GroupKey.objects.filter(key_id=key_id.hex()).first()
    if key is None:
        _unwrapped.pop(key_id, None)
        return None
    return _unwrap(key)


def open_stored(envelope: str, context: str) -> str:
    """Like `open_envelope`, but words that cannot be opened read as a placeholder
    (and are logged by field and key id only) rather than failing the page."""
    try:
        return open_envelope(envelope, context)
    except ValueError:
        try:
            key = crypto.envelope_key_id(envelope).hex()[:8]
        except ValueError:
            key = "none"
        logger.warning(
            "Sealed words in %s could not be opened (data key %s).", context, key
        )
        return UNREADABLE_PLACEHOLDER


def open_envelope(envelope: str, context: str) -> str:
    """The words in a stored envelope, or the placeholder once their key is gone."""
    data_key = data_key_by_id(crypto.envelope_key_id(envelope))
    if data_key is None:
        return REMOVED_PLACEHOLDER
    return crypto.open_sealed(envelope, data_key, context)
