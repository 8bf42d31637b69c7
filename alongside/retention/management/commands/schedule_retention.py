"""Start the nightly retention run, unless it is already queued.

Run at start-up by scripts/serve.sh. Safe to run any number of times."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from alongside.retention.tasks import schedule_retention_run


class Command(BaseCommand):
    help = "Queue the nightly retention run (no duplicates)."

    def handle(self, *args: Any, **options: Any) -> None:
        if schedule_retention_run(run_after=timezone.now()):
            self.stdout.write("The nightly retention run is queued.")
        else:
            self.stdout.write("The nightly retention run is already queued.")
