"""The groups' data keys (`GroupKey`) live in their own database, "keys"; everything
else lives in "default". Keeping them apart is what lets a deleted group's words
become unrecoverable: backups of the main database hold the sealed words but never
the keys (docs/operations.md, "Encryption keys").
"""

from __future__ import annotations

from typing import Any

from django.db import models

KEYS_DATABASE = "keys"
# The key table was first made while the model lived in peergroups; its old
# migration must still run on the keys database.
KEY_MODELS = {
    ("sealing", "groupkey"),
    ("peergroups", "groupkey"),
    ("safetyplans", "personkey"),
}


def _is_key_model(app_label: str, model_name: str | None) -> bool:
    return (app_label, (model_name or "").lower()) in KEY_MODELS


class KeysRouter:
    def db_for_read(self, model: type[models.Model], **hints: Any) -> str | None:
        if _is_key_model(model._meta.app_label, model._meta.model_name):
            return KEYS_DATABASE
        return None

    db_for_write = db_for_read

    def allow_relation(
        self, obj1: models.Model, obj2: models.Model, **hints: Any
    ) -> bool | None:
        # Instances may be lazy (request.user): read their _meta, not their type's.
        first = _is_key_model(obj1._meta.app_label, obj1._meta.model_name)
        second = _is_key_model(obj2._meta.app_label, obj2._meta.model_name)
        return False if first != second else None

    def allow_migrate(
        self, db: str, app_label: str, model_name: str | None = None, **hints: Any
    ) -> bool:
        # Operations without a model (data migrations) run on the main database only.
        return (db == KEYS_DATABASE) == _is_key_model(app_label, model_name)
