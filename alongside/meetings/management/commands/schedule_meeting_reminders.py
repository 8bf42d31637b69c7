"""Start the chain of reminder checks, unless one is already waiting."""

from typing import Any

from django.core.management.base import BaseCommand

from alongside.meetings.actions import schedule_reminder_check


class Command(BaseCommand):
    help = "Queue the meetings reminder check (every five minutes) if none is waiting."

    def handle(self, *args: Any, **options: Any) -> None:
        queued = schedule_reminder_check()
        self.stdout.write(
            "Queued the reminder check." if queued else "A reminder check is waiting."
        )
