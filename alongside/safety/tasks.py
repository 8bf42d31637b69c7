"""Background work for escalations: moving an unacknowledged alert up the chain, and
the alert email (which never carries the post's words)."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from alongside.accounts.models import Person

from .models import Escalation


@task()
def move_escalation_up(escalation_id: int) -> None:
    from .actions import move_escalation_up as move_up

    escalation = Escalation.objects.filter(pk=escalation_id).first()
    if escalation is not None:
        move_up(escalation=escalation, now=timezone.now())


@task()
def email_duty_alert(person_id: int, escalation_id: int) -> None:
    person = Person.objects.filter(pk=person_id).first()
    if person is None or not person.email:
        return
    path = reverse("safety:escalation-detail", kwargs={"escalation_id": escalation_id})
    send_mail(
        subject="Alongside: someone may need support now",
        message=(
            "Someone may need support now, and you are on the list to respond. "
            "Please sign in to Alongside to read the alert and acknowledge it.\n\n"
            f"The alert is at {path} once you are signed in."
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[person.email],
    )
