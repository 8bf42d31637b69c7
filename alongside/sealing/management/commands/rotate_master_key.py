"""Rewrap every data key under the current master key (ALONGSIDE_MASTER_KEY).

Run after setting a new master key, with the old one in ALONGSIDE_OLD_MASTER_KEYS;
once it reports nothing left under an old key, the old key can be removed. The words
themselves are not touched: only the small wrapped keys change. Safe to run again.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import router, transaction

from alongside.core import crypto
from alongside.sealing.models import GroupKey


class Command(BaseCommand):
    help = "Rewrap every group's data key under the current master key."

    def handle(self, *args: Any, **options: Any) -> None:
        current = crypto.current_master_key().key_id
        rewrapped = 0
        already = 0
        keys_database = router.db_for_write(GroupKey)
        for pk in GroupKey.objects.order_by("pk").values_list("pk", flat=True):
            with transaction.atomic(using=keys_database):
                key = GroupKey.objects.select_for_update().filter(pk=pk).first()
                if key is None:
                    continue  # its group was deleted meanwhile
                if key.wrapped_by == current:
                    already += 1
                    continue
                key_id = bytes.fromhex(key.key_id)
                try:
                    data_key = crypto.unwrap_data_key(
                        key_id, key.wrapped_key, key.wrapped_by
                    )
                except crypto.MasterKeyMissing as error:
                    raise CommandError(
                        f"{error} Rewrapped {rewrapped} keys before stopping."
                    ) from None
                key.wrapped_key, key.wrapped_by = crypto.wrap_data_key(key_id, data_key)
                key.save(update_fields=["wrapped_key", "wrapped_by"])
                rewrapped += 1
        self.stdout.write(
            f"Rewrapped {rewrapped} keys; {already} were already under the current "
            f"master key ({current})."
        )
