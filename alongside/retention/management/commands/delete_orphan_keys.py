"""Delete data keys whose group or organisation no longer exists.

A group's key is deleted as soon as the group's deletion is committed; if the keys
database could not be reached just then, the key is left behind, and this removes
it. Prints a count only. Safe to run at any time, and again.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from alongside.retention.actions import delete_orphan_keys


class Command(BaseCommand):
    help = "Delete data keys whose group or organisation no longer exists."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Deleted {delete_orphan_keys()} orphaned keys.")
