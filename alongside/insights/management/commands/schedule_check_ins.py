"""Start the daily task that tells people when a check-in opens, unless it is
already queued.

Run at start-up by scripts/serve.sh. Safe to run any number of times."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from alongside.insights.tasks import schedule_check_in_task


class Command(BaseCommand):
    help = "Queue the daily task that tells people a check-in is open (no duplicates)."

    def handle(self, *args: Any, **options: Any) -> None:
        if schedule_check_in_task(run_after=timezone.now()):
            self.stdout.write("The daily check-in task is queued.")
        else:
            self.stdout.write("The daily check-in task is already queued.")
