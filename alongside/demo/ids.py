"""Stable ids for demo records, so that seeding twice adds nothing."""

from __future__ import annotations

import uuid


def demo_id(label: str) -> uuid.UUID:
    """The same client id on every run, so seeding twice adds nothing."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"alongside-demo:{label}")
