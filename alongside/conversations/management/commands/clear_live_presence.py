"""Forget who is here in every live room, as a server starts.

A server that was stopped abruptly leaves rows for sockets that no longer exist, and
people would be shown as here. `scripts/serve.sh` runs this before starting the
server; sockets still open on other processes put their rows back within
twenty seconds. Prints a count only. Safe to run at any time, and again.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from alongside.conversations.presence import clear_presence


class Command(BaseCommand):
    help = "Forget who is here in every live room (run as a server starts)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Cleared {clear_presence()} live-room connections.")
