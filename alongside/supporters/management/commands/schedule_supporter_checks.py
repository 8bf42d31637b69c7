"""Start the daily supporters' check (training reminders), unless one is waiting."""

from typing import Any

from django.core.management.base import BaseCommand

from alongside.supporters.actions import schedule_daily_check


class Command(BaseCommand):
    help = "Queue the daily check of supporters' training, unless one is waiting."

    def handle(self, *args: Any, **options: Any) -> None:
        queued = schedule_daily_check()
        self.stdout.write("Queued." if queued else "Already waiting, or not needed.")
