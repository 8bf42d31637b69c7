"""AES-GCM building blocks for sealing words at rest: the master keys from the
settings, wrapping a data key under a master key, and sealing text under a data key.

Nothing here knows about groups or models (see `alongside/sealing/`).
Errors never carry the words or the keys, only short key ids.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

KEY_BYTES = 32
NONCE_BYTES = 12
KEY_ID_BYTES = 16
ENVELOPE_PREFIX = "sealed1:"
_WRAP_CONTEXT = b"alongside data key:"


class MasterKeyMissing(ImproperlyConfigured):
    """A data key was wrapped by a master key that is not configured."""


class SealBroken(ValueError):
    """Stored words could not be opened: altered, or sealed under another key."""


@dataclass(frozen=True)
class MasterKey:
    key_id: str
    secret: bytes


def decode_master_key(encoded: str) -> bytes:
    """The 32 bytes of a base64-encoded master key; raises ImproperlyConfigured."""
    try:
        secret = base64.b64decode(encoded.strip(), validate=True)
    except (binascii.Error, ValueError):
        secret = b""
    if len(secret) != KEY_BYTES:
        raise ImproperlyConfigured(
            "A master key must be the base64 encoding of exactly 32 random bytes."
        )
    return secret


def master_key_id(secret: bytes) -> str:
    """A short, public name for a master key: a prefix of a hash of it."""
    return hashlib.sha256(b"alongside master key id:" + secret).hexdigest()[:16]


def current_master_key() -> MasterKey:
    secret = decode_master_key(settings.ALONGSIDE_MASTER_KEY)
    return MasterKey(master_key_id(secret), secret)


def known_master_keys() -> dict[str, MasterKey]:
    """The current master key and the older ones kept for reading during rotation."""
    keys = [current_master_key()]
    for encoded in settings.ALONGSIDE_OLD_MASTER_KEYS:
        secret = decode_master_key(encoded)
        keys.append(MasterKey(master_key_id(secret), secret))
    return {key.key_id: key for key in reversed(keys)}


def new_data_key() -> tuple[bytes, bytes]:
    """A fresh AES-256 data key and a random id for it."""
    return os.urandom(KEY_ID_BYTES), AESGCM.generate_key(bit_length=256)


def wrap_data_key(key_id: bytes, data_key: bytes) -> tuple[str, str]:
    """The data key encrypted under the current master key, and that key's id."""
    master = current_master_key()
    nonce = os.urandom(NONCE_BYTES)
    wrapped = AESGCM(master.secret).encrypt(nonce, data_key, _WRAP_CONTEXT + key_id)
    return base64.b64encode(nonce + wrapped).decode("ascii"), master.key_id


def unwrap_data_key(key_id: bytes, wrapped: str, wrapped_by: str) -> bytes:
    master = known_master_keys().get(wrapped_by)
    if master is None:
        raise MasterKeyMissing(
            f"The master key {wrapped_by} is not configured: set it as "
            "ALONGSIDE_MASTER_KEY or add it to ALONGSIDE_OLD_MASTER_KEYS."
        )
    raw = base64.b64decode(wrapped)
    try:
        return AESGCM(master.secret).decrypt(
            raw[:NONCE_BYTES], raw[NONCE_BYTES:], _WRAP_CONTEXT + key_id
        )
    except InvalidTag:
        raise SealBroken("A data key could not be unwrapped.") from None


def seal(key_id: bytes, data_key: bytes, text: str, context: str) -> str:
    """The envelope stored in place of the text: the data key's id, a nonce and the
    ciphertext, bound to `context` (which model and field it belongs to)."""
    nonce = os.urandom(NONCE_BYTES)
    ciphertext = AESGCM(data_key).encrypt(
        nonce, text.encode("utf-8"), context.encode("utf-8")
    )
    return ENVELOPE_PREFIX + base64.b64encode(key_id + nonce + ciphertext).decode(
        "ascii"
    )


def is_sealed(value: str) -> bool:
    return value.startswith(ENVELOPE_PREFIX)


def envelope_key_id(envelope: str) -> bytes:
    return _unpack(envelope)[0]


def open_sealed(envelope: str, data_key: bytes, context: str) -> str:
    _, nonce, ciphertext = _unpack(envelope)
    try:
        plain = AESGCM(data_key).decrypt(nonce, ciphertext, context.encode("utf-8"))
    except InvalidTag:
        raise SealBroken("Stored words could not be opened.") from None
    return plain.decode("utf-8")


def _unpack(envelope: str) -> tuple[bytes, bytes, bytes]:
    try:
        raw = base64.b64decode(envelope[len(ENVELOPE_PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        raise SealBroken("Stored words are not a valid envelope.") from None
    if len(raw) < KEY_ID_BYTES + NONCE_BYTES + 16:
        raise SealBroken("Stored words are not a valid envelope.")
    return (
        raw[:KEY_ID_BYTES],
        raw[KEY_ID_BYTES : KEY_ID_BYTES + NONCE_BYTES],
        raw[KEY_ID_BYTES + NONCE_BYTES :],
    )
