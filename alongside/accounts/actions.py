"""Changes to a person's own account."""

from .models import Person


def update_account_settings(
    *, person: Person, email: str, wants_email_notifications: bool
) -> Person:
    """Save the person's optional email address and their email choice.

    Email notifications are switched off when no address is given.
    """
    person.email = email.strip()
    person.wants_email_notifications = bool(person.email) and wants_email_notifications
    person.save(update_fields=["email", "wants_email_notifications"])
    return person
