"""Sealing moved to its own app, `alongside.sealing`; these names stay importable
from here for older imports and for the migrations that name the field by this path.
"""

from alongside.sealing.fields import SealedTextField, seal_plain_rows
from alongside.sealing.keys import (
    KEY_CACHE_SECONDS,
    REMOVED_PLACEHOLDER,
    UNREADABLE_PLACEHOLDER,
    data_key_by_id,
    data_key_for,
    delete_key_after_commit,
    forget_keys,
    open_envelope,
    open_stored,
)

__all__ = [
    "KEY_CACHE_SECONDS",
    "REMOVED_PLACEHOLDER",
    "UNREADABLE_PLACEHOLDER",
    "SealedTextField",
    "data_key_by_id",
    "data_key_for",
    "delete_key_after_commit",
    "forget_keys",
    "open_envelope",
    "open_stored",
    "seal_plain_rows",
]
