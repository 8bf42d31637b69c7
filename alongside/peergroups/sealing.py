"""Peers' words sealed at rest under their group's own data key.

`SealedTextField` is a TextField whose Python value is the plain text and whose
stored value is an AES-GCM envelope (`alongside/core/crypto.py`) under the data key of
the group the row belongs to (`GroupKey`). The keys live in a database of their own
("keys", `routers.py`), apart from the words. The envelope names the key, so reading
needs no join; unwrapped keys are kept in process memory for `KEY_CACHE_SECONDS` and
dropped at once in the process that deletes a key. Once a group's deletion is
committed, its key is deleted from the keys database, so its words cannot be read
again, even from an old backup of the main database: they read as
`REMOVED_PLACEHOLDER`. Stored words that cannot be opened at all (altered, or plain
text that looks like an envelope) read as `UNREADABLE_PLACEHOLDER`, and a log line
names the field and key id, never the words.

Sealed values cannot be searched or ordered in the database (lookups other than
equality with the empty string are refused). They are written only
through `save()` (and `bulk_create`), which knows the row and so the group;
`QuerySet.update()` and `bulk_update()` may only set them to the empty string.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any, TypeAlias

from django.db import connections, models, transaction
from django.db.models.expressions import Combinable
from django.db.models.functions import Left
from django.db.models.signals import post_delete

from alongside.core import crypto

if TYPE_CHECKING:
    from .models import GroupKey

logger = logging.getLogger(__name__)

REMOVED_PLACEHOLDER = "This was removed."
UNREADABLE_PLACEHOLDER = "This cannot be shown."
# How long another process may go on reading a deleted group's words.
KEY_CACHE_SECONDS = 30

# A private conversation (a layer above) seals its words under a key of its own.
_CONVERSATION_OWNER = "privateconversations.Conversation"
# Which models own a data key, and the GroupKey column naming them.
_KEY_OWNERS = {
    "peergroups.PeerGroup": "group_id",
    "organisations.Organisation": "organisation_id",
    _CONVERSATION_OWNER: "conversation_id",
}

# data key id -> (data key, when it was unwrapped)
_unwrapped: dict[bytes, tuple[bytes, float]] = {}


def forget_keys() -> None:
    """Drop every unwrapped key from this process's memory."""
    _unwrapped.clear()


def _forget_deleted_key(sender: type[Any], instance: GroupKey, **kwargs: Any) -> None:
    _unwrapped.pop(bytes.fromhex(instance.key_id), None)


post_delete.connect(
    _forget_deleted_key, sender="peergroups.GroupKey", dispatch_uid="forget-group-key"
)


def _delete_key_of(lookup: dict[str, int]) -> None:
    from .models import GroupKey

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


def delete_orphan_keys() -> int:
    """Delete keys whose group, organisation or conversation no longer exists (left
    behind if the keys database could not be reached when the deletion was
    committed)."""
    from django.apps import apps

    from alongside.organisations.models import Organisation

    from .models import GroupKey, PeerGroup

    conversation_keys = list(
        GroupKey.objects.filter(conversation_id__isnull=False).values_list(
            "pk", "conversation_id"
        )
    )
    if conversation_keys:
        conversation_model = apps.get_model(_CONVERSATION_OWNER)
        kept = set(
            conversation_model._default_manager.filter(
                pk__in=[owner for _, owner in conversation_keys]
            ).values_list("pk", flat=True)
        )
        gone = [pk for pk, owner in conversation_keys if owner not in kept]
        GroupKey.objects.filter(pk__in=gone).delete()
    else:
        gone = []

    # The two databases cannot be joined: read the ids on each side once.
    keys = list(
        GroupKey.objects.filter(conversation_id__isnull=True).values_list(
            "pk", "group_id", "organisation_id"
        )
    )
    groups = set(
        PeerGroup.objects.filter(
            pk__in=[group_id for _, group_id, _ in keys if group_id is not None]
        ).values_list("pk", flat=True)
    )
    organisations = set(
        Organisation.objects.filter(
            pk__in=[org_id for _, _, org_id in keys if org_id is not None]
        ).values_list("pk", flat=True)
    )
    orphans = [
        pk
        for pk, group_id, org_id in keys
        if (group_id is not None and group_id not in groups)
        or (org_id is not None and org_id not in organisations)
    ]
    GroupKey.objects.filter(pk__in=orphans).delete()
    return len(orphans) + len(gone)


def _remember(key_id: bytes, data_key: bytes) -> bytes:
    _unwrapped[key_id] = (data_key, time.monotonic())
    return data_key


def _unwrap(key: GroupKey) -> bytes:
    key_id = bytes.fromhex(key.key_id)
    return _remember(
        key_id, crypto.unwrap_data_key(key_id, key.wrapped_key, key.wrapped_by)
    )


def data_key_for(owner: models.Model) -> tuple[bytes, bytes]:
    """The id and data key that seal words belonging to `owner`: a peer group, or an
    organisation for its own records. Made on first use."""
    from .models import GroupKey

    if owner._meta.label not in _KEY_OWNERS:
        raise TypeError(f"{owner._meta.label} cannot own a data key.")
    lookup = {_KEY_OWNERS[owner._meta.label]: owner.pk}
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
            return key_id, _remember(key_id, data_key)
    key_id = bytes.fromhex(key.key_id)
    cached = _unwrapped.get(key_id)
    if cached is not None and time.monotonic() - cached[1] < KEY_CACHE_SECONDS:
        return key_id, cached[0]
    return key_id, _unwrap(key)


def data_key_by_id(key_id: bytes) -> bytes | None:
    """The data key with this id, or None when it has been destroyed."""
    from .models import GroupKey

    cached = _unwrapped.get(key_id)
    if cached is not None and time.monotonic() - cached[1] < KEY_CACHE_SECONDS:
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


if TYPE_CHECKING:
    _TextField: TypeAlias = models.TextField[str | Combinable, str]
else:
    _TextField = models.TextField


class SealedTextField(_TextField):
    """Text sealed under the data key of the group (or organisation) reached by
    `group_path`: dotted attributes from the row, such as "version.agreement.group".
    """

    description = "Text sealed at rest under its group's key"

    def __init__(
        self,
        *args: Any,
        group_path: str = "group",
        **kwargs: Any,
    ) -> None:
        self.group_path = group_path
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs["group_path"] = self.group_path
        return name, path, args, kwargs

    @property
    def seal_context(self) -> str:
        return f"{self.model._meta.label}.{self.name}"

    def owner_of(self, instance: models.Model) -> models.Model:
        owner: Any = instance
        for attribute in self.group_path.split("."):
            owner = getattr(owner, attribute)
            if owner is None:
                raise ValueError(
                    f"{self.seal_context} has no group or organisation to seal "
                    "it under."
                )
        return owner  # type: ignore[no-any-return]

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = getattr(model_instance, self.attname)
        if value is None or value == "":
            return value
        key_id, data_key = data_key_for(self.owner_of(model_instance))
        return crypto.seal(key_id, data_key, str(value), self.seal_context)

    def get_lookup(self, lookup_name: str) -> Any:
        # Searching ciphertext would quietly find nothing: only equality with the
        # empty string (and isnull) mean anything, so other lookups are refused.
        if lookup_name not in {"exact", "isnull", "in"}:
            return None
        return super().get_lookup(lookup_name)

    def get_transform(self, lookup_name: str) -> Any:
        return None

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "" or crypto.is_sealed(value):
            return value
        # Only save() knows the group; anything else would store the words in plain.
        raise ValueError(
            f"{self.seal_context} is sealed: it can be written only by saving the "
            "row, and cannot be searched or compared in the database."
        )

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if not isinstance(value, str) or not crypto.is_sealed(value):
            # Empty, or a row written before sealing (the data migration seals them).
            return value
        return open_stored(value, self.seal_context)


def seal_plain_rows(model: type[models.Model], field_names: list[str]) -> int:
    """Seal the words in rows written before sealing; for data migrations, which pass
    their historical model. Rows already sealed are left alone, so it can run twice.
    """
    sealed = 0
    prefix = crypto.ENVELOPE_PREFIX
    keys_ready = False
    for name in field_names:
        plain = (
            model._default_manager.exclude(**{name: ""})
            .annotate(
                stored_prefix=Left(name, len(prefix), output_field=models.TextField())
            )
            .exclude(stored_prefix=prefix)
            .order_by("pk")
        )
        for row in plain.iterator():
            if not keys_ready:
                _check_keys_database_migrated()
                keys_ready = True
            row.save(update_fields=[name])
            sealed += 1
    return sealed


def _check_keys_database_migrated() -> None:
    from .models import GroupKey

    keys = connections[GroupKey.objects.db]
    with keys.cursor() as cursor:
        tables = keys.introspection.table_names(cursor)
    if GroupKey._meta.db_table not in tables:
        raise RuntimeError(
            "Words need sealing but the keys database has no key table yet: run "
            "`python manage.py migrate --database keys` first, then migrate again."
        )
