"""Start the daily check for plan review reminders, unless it is already queued.

Run at start-up by scripts/serve.sh. Safe to run any number of times."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from alongside.safetyplans.tasks import schedule_plan_review_check


class Command(BaseCommand):
    help = "Queue the daily check for plan review reminders (no duplicates)."

    def handle(self, *args: Any, **options: Any) -> None:
        if schedule_plan_review_check(run_after=timezone.now()):
            self.stdout.write("The daily check for plan reminders is queued.")
        else:
            self.stdout.write("The daily check for plan reminders is already queued.")
