"""Background work for notifications: the optional email copy."""

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

from alongside.accounts.models import Person

# An inbox may be shared or read over someone's shoulder, so the email says only that
# there is something new: never a group's name, nor any notification's words. The
# detail waits in Alongside's own inbox, behind sign-in.
EMAIL_SUBJECT = "Something new for you on Alongside"
EMAIL_BODY = (
    "You have a new note on Alongside. Sign in to read it.\n\n"
    "To stop these emails, sign in, open your account settings and untick "
    '"Email me a short note when there is something new for me".'
)


@task()
def email_notification(person_id: int) -> None:
    """Send the same short, generic email to one person. The person may have changed
    their mind since the note was left, so the choice is checked again here."""
    person = Person.objects.filter(pk=person_id).first()
    if person is None or not person.can_receive_email:
        return
    send_mail(
        subject=EMAIL_SUBJECT,
        message=EMAIL_BODY,
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[person.email],
    )
