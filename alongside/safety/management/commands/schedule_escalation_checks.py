"""Start the check every minute for alerts due to move up the chain, unless it is
already queued.

Run at start-up by scripts/serve.sh. Safe to run any number of times."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from alongside.safety.actions import schedule_escalation_check


class Command(BaseCommand):
    help = "Queue the every-minute check for escalations (no duplicates)."

    def handle(self, *args: Any, **options: Any) -> None:
        if schedule_escalation_check(run_after=timezone.now()):
            self.stdout.write("The check for escalations is queued.")
        else:
            self.stdout.write("The check for escalations is already queued.")
