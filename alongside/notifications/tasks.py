"""Background work for notifications: the optional email copy."""

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

from alongside.accounts.models import Person


@task()
def email_notification(person_id: int, message: str, link: str) -> None:
    """Send a short email. The message is system-written; the person may have changed
    their mind since, so the choice is checked again here."""
    person = Person.objects.filter(pk=person_id).first()
    if person is None or not person.can_receive_email:
        return
    send_mail(
        subject="Something new for you on Alongside",
        message=(
            f"{message}\n\n"
            "Sign in to see it. You can stop these emails at any time in your "
            "account settings."
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[person.email],
    )
