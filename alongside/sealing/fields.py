"""`SealedTextField`: a TextField whose Python value is the plain text and whose
stored value is an AES-GCM envelope (`alongside/core/crypto.py`) under the data key of
the group the row belongs to (`keys.py`).

Sealed values cannot be searched or ordered in the database (lookups other than
equality with the empty string are refused). They are written only through `save()`
(and `bulk_create`), which knows the row and so the group; `QuerySet.update()` and
`bulk_update()` may only set them to the empty string.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeAlias

from django.db import connections, models
from django.db.models.expressions import Combinable
from django.db.models.functions import Left

from alongside.core import crypto

from .keys import data_key_for, open_stored
from .models import GroupKey

# Migrations written while the field lived in peergroups name it by that path, which
# stays importable; reporting the same path keeps every app's migrations unchanged.
MIGRATION_PATH = "alongside.peergroups.sealing.SealedTextField"


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
        name, _, args, kwargs = super().deconstruct()
        kwargs["group_path"] = self.group_path
        return name, MIGRATION_PATH, args, kwargs

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
    keys = connections[GroupKey.objects.db]
    with keys.cursor() as cursor:
        tables = keys.introspection.table_names(cursor)
    if GroupKey._meta.db_table not in tables:
        raise RuntimeError(
            "Words need sealing but the keys database has no key table yet: run "
            "`python manage.py migrate --database keys` first, then migrate again."
        )
