"""Background work for escalations: moving an unacknowledged alert up the chain, the
check every minute that catches any alert whose own move was missed, and the alert
email (which never carries the post's words).

Each alert queues its own move with `run_after`. If that task is lost (the worker was
down past the time, or the task failed), `check_due_escalations` still moves the alert
up within a minute. django-tasks has no cron: like the agreements' daily check, the
check queues its own next run when it finishes, and `schedule_escalation_checks`
(run by scripts/serve.sh at start-up) starts the chain unless a run is already waiting.
Moving up locks the escalation row and re-reads its time, so the two never alert twice.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from alongside.accounts.models import Person
from alongside.core import recurring

from .models import Escalation


@task()
def move_escalation_up(escalation_id: int) -> None:
    from .actions import move_escalation_up as move_up

    escalation = Escalation.objects.filter(pk=escalation_id).first()
    if escalation is not None:
        move_up(escalation=escalation, now=timezone.now())


CHECK_EVERY = timedelta(minutes=1)


@task()
def check_due_escalations() -> int:
    """Move up every alert whose time is up, then queue the next check."""
    from .actions import move_up_due_escalations

    try:
        return move_up_due_escalations(now=timezone.now())
    finally:
        # Even if this run fails, the next check is queued: the chain never breaks.
        schedule_escalation_check()


def pending_escalation_checks() -> int:
    """How many checks are waiting in the database queue."""
    return recurring.pending(check_due_escalations)


def schedule_escalation_check(*, run_after: datetime | None = None) -> bool:
    """Queue the next check unless one is already waiting. Returns whether it queued."""
    when = run_after or timezone.now() + CHECK_EVERY
    return recurring.queue_once(check_due_escalations, run_after=when)


@task()
def email_duty_alert(person_id: int, escalation_id: int) -> None:
    person = Person.objects.filter(pk=person_id).first()
    if person is None or not person.email:
        return
    path = reverse("safety:escalation-detail", kwargs={"escalation_id": escalation_id})
    # A link to open when the service's address is set; the path alone otherwise.
    where = f"{settings.ALONGSIDE_SITE_URL}{path}"
    send_mail(
        subject="Alongside: someone may need support now",
        message=(
            "Someone may need support now, and you are on the list to respond. "
            "Please sign in to Alongside to read the alert and acknowledge it.\n\n"
            f"The alert is at {where} once you are signed in."
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[person.email],
    )
