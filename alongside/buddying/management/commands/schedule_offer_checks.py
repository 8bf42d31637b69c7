"""Start the regular check for one-to-one offers left unanswered, unless it is
already queued.

Run at start-up by scripts/serve.sh. Safe to run any number of times."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from alongside.buddying.tasks import schedule_offer_check


class Command(BaseCommand):
    help = "Queue the check for unanswered one-to-one offers (no duplicates)."

    def handle(self, *args: Any, **options: Any) -> None:
        if schedule_offer_check(run_after=timezone.now()):
            self.stdout.write("The check for unanswered offers is queued.")
        else:
            self.stdout.write("The check for unanswered offers is already queued.")
