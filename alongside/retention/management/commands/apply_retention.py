"""Apply every organisation's retention limits now, and print what was deleted.

The scheduled task does this each night; this is for operators (after changing a
limit, or to check a deployment). It prints counts only, never anyone's words."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from alongside.retention.actions import enforce_retention
from alongside.supporters.retention import clear_old_supporter_records


class Command(BaseCommand):
    help = "Delete live messages and threads older than each organisation's limits."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = enforce_retention(now=timezone.now())
        self.stdout.write(
            f"Organisations with limits: {counts.organisations}. "
            f"Deleted {counts.live_messages} live messages and {counts.threads} "
            f"threads ({counts.thread_posts} posts in them, {counts.responses} "
            f"responses). Kept {counts.kept_for_safety} for open safety concerns."
        )
        supporters = clear_old_supporter_records(now=timezone.now())
        self.stdout.write(
            f"Supporters: cleared the words of "
            f"{supporters['supervision_sessions_cleared']} supervision sessions; "
            f"deleted {supporters['debriefs']} debriefs, {supporters['check_ins']} "
            f"check-ins and {supporters['follow_ups']} follow-ups."
        )
