"""What safety's actions share: asking the organisation's open Today pages to look
again."""

from __future__ import annotations

from functools import partial

from django.db import transaction

from alongside.core.live import tell_staff_pages


def tell_staff(organisation_id: int) -> None:
    """After commit, ask the organisation's open Today pages to look again."""
    transaction.on_commit(partial(tell_staff_pages, organisation_id=organisation_id))
