"""Changes to a person's own account."""

from .models import Person


def update_account_settings(
    *,
    person: Person,
    email: str,
    wants_email_notifications: bool,
    quick_exit_signs_out: str | None = None,
) -> Person:
    """Save the person's optional email address, their email choice and, when given,
    whether leaving quickly also signs them out.

    Email notifications are switched off when no address is given.
    """
    person.email = email.strip()
    person.wants_email_notifications = bool(person.email) and wants_email_notifications
    fields = ["email", "wants_email_notifications"]
    if quick_exit_signs_out is not None:
        person.quick_exit_signs_out = quick_exit_signs_out
        fields.append("quick_exit_signs_out")
    person.save(update_fields=fields)
    return person
