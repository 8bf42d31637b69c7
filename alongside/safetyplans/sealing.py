"""A plan's words sealed at rest under a data key of the person's own.

The same AES-GCM envelopes as the groups' words (`alongside/core/crypto.py`), under a
`PersonKey` per person instead of a `GroupKey`: nobody's plan shares a key with a
group, an organisation or another person. The keys live in the keys database
(`alongside/sealing/routers.py`); once a person's erasure is committed their key
is deleted, so their plan cannot be read again, even from an old backup of the main
database. Unwrapped keys are kept in process memory for `KEY_CACHE_SECONDS`, as for
groups. Log lines name the field and a key id prefix, never the words.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.apps import apps
from django.db import models, transaction
from django.db.models.signals import post_delete

from alongside.core import crypto
from alongside.peergroups.sealing import (
    KEY_CACHE_SECONDS,
    REMOVED_PLACEHOLDER,
    UNREADABLE_PLACEHOLDER,
    SealedTextField,
)

logger = logging.getLogger(__name__)


def _person_keys() -> Any:
    """The PersonKey model, looked up by name: the models module imports this one
    for its sealed field, so this one must not import the models back."""
    return apps.get_model("safetyplans", "PersonKey")


# data key id -> (data key, when it was unwrapped)
_unwrapped: dict[bytes, tuple[bytes, float]] = {}


def forget_keys() -> None:
    """Drop every unwrapped person key from this process's memory."""
    _unwrapped.clear()


def _forget_deleted_key(sender: type[Any], instance: Any, **kwargs: Any) -> None:
    _unwrapped.pop(bytes.fromhex(instance.key_id), None)


def delete_key_of(person_id: int) -> None:
    """Destroy the person's key (their plan can never be read again)."""
    PersonKey = _person_keys()
    PersonKey.objects.filter(person_id=person_id).delete()


def _delete_person_key(
    sender: type[Any], instance: models.Model, **kwargs: Any
) -> None:
    # Only once the erasure is committed: a rolled-back erasure keeps the plan.
    using = kwargs.get("using") or "default"
    person_id = instance.pk
    transaction.on_commit(lambda: delete_key_of(person_id), using=using)


post_delete.connect(
    _forget_deleted_key,
    sender="safetyplans.PersonKey",
    dispatch_uid="forget-person-key",
)
post_delete.connect(
    _delete_person_key, sender="accounts.Person", dispatch_uid="delete-person-key"
)


def _remember(key_id: bytes, data_key: bytes) -> bytes:
    _unwrapped[key_id] = (data_key, time.monotonic())
    return data_key


def _cached(key_id: bytes) -> bytes | None:
    cached = _unwrapped.get(key_id)
    if cached is not None and time.monotonic() - cached[1] < KEY_CACHE_SECONDS:
        return cached[0]
    return None


def _unwrap(key: Any) -> bytes:
    key_id = bytes.fromhex(key.key_id)
    return _remember(
        key_id, crypto.unwrap_data_key(key_id, key.wrapped_key, key.wrapped_by)
    )


def data_key_for_person(person_id: int) -> tuple[bytes, bytes]:
    """The id and data key that seal this person's plan. Made on first use."""
    PersonKey = _person_keys()
    key = PersonKey.objects.filter(person_id=person_id).first()
    if key is None:
        key_id, data_key = crypto.new_data_key()
        wrapped, wrapped_by = crypto.wrap_data_key(key_id, data_key)
        key, created = PersonKey.objects.get_or_create(
            person_id=person_id,
            defaults={
                "key_id": key_id.hex(),
                "wrapped_key": wrapped,
                "wrapped_by": wrapped_by,
            },
        )
        if created:
            return key_id, _remember(key_id, data_key)
    key_id = bytes.fromhex(key.key_id)
    return key_id, _cached(key_id) or _unwrap(key)


def data_key_by_id(key_id: bytes) -> bytes | None:
    """The person key with this id, or None once it has been destroyed."""
    PersonKey = _person_keys()
    cached = _cached(key_id)
    if cached is not None:
        return cached
    key = PersonKey.objects.filter(key_id=key_id.hex()).first()
    if key is None:
        _unwrapped.pop(key_id, None)
        return None
    return _unwrap(key)


def open_stored(envelope: str, context: str) -> str:
    """The words, a placeholder once the key is gone, or another when they cannot
    be opened (logged by field and key id only)."""
    try:
        data_key = data_key_by_id(crypto.envelope_key_id(envelope))
        if data_key is None:
            return REMOVED_PLACEHOLDER
        return crypto.open_sealed(envelope, data_key, context)
    except ValueError:
        try:
            key = crypto.envelope_key_id(envelope).hex()[:8]
        except ValueError:
            key = "none"
        logger.warning(
            "Sealed words in %s could not be opened (person key %s).", context, key
        )
        return UNREADABLE_PLACEHOLDER


class PersonSealedTextField(SealedTextField):
    """Text sealed under the key of the person reached by `person_path`: dotted
    attributes from the row, such as "plan.owner"."""

    description = "Text sealed at rest under its owner's own key"

    def __init__(self, *args: Any, person_path: str = "owner", **kwargs: Any) -> None:
        kwargs.pop("group_path", None)
        super().__init__(*args, group_path=person_path, **kwargs)
        self.person_path = person_path

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("group_path", None)
        kwargs["person_path"] = self.person_path
        return name, path, args, kwargs

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = getattr(model_instance, self.attname)
        if value is None or value == "":
            return value
        owner = self.owner_of(model_instance)
        key_id, data_key = data_key_for_person(owner.pk)
        return crypto.seal(key_id, data_key, str(value), self.seal_context)

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if not isinstance(value, str) or not crypto.is_sealed(value):
            return value
        return open_stored(value, self.seal_context)
