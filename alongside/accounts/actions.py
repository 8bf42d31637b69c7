"""Changes to a person's own account."""

from django.contrib.auth import update_session_auth_hash
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest

from alongside.core.live import close_live_sockets

from .models import Person
from .shown_names import clean_known_as


def update_account_settings(
    *,
    person: Person,
    email: str,
    wants_email_notifications: bool,
    quick_exit_signs_out: str | None = None,
    known_as: str | None = None,
) -> Person:
    """Save the person's optional email address, their email choice and, when given,
    whether leaving quickly also signs them out and the name others see ("" for
    none, so that others see a neutral label).

    Raises ValidationError for a chosen name that would reveal how the person signs
    in (`shown_names.clean_known_as`); nothing is saved then.

    Email notifications are switched off when no address is given.
    """
    person.email = email.strip()
    person.wants_email_notifications = bool(person.email) and wants_email_notifications
    fields = ["email", "wants_email_notifications"]
    if quick_exit_signs_out is not None:
        person.quick_exit_signs_out = quick_exit_signs_out
        fields.append("quick_exit_signs_out")
    if known_as is not None:
        person.known_as = clean_known_as(known_as, sign_in_name=person.username)
        fields.append("known_as")
    person.save(update_fields=fields)
    return person


def choose_known_as(*, person: Person, known_as: str) -> Person:
    """Save the name others see ("" for none, so that others see a neutral label),
    as at sign-up. Raises ValidationError, saving nothing, for a name that would
    reveal how the person signs in (`shown_names.clean_known_as`)."""
    person.known_as = clean_known_as(known_as, sign_in_name=person.username)
    person.save(update_fields=["known_as"])
    return person


def end_other_sessions(*, person: Person, request: HttpRequest) -> None:
    """End every signed-in session of the person except this request's, and close
    the live-room and staff alert sockets of those sessions once this commits.

    Precondition: the request is signed in as the person. Other sessions end because
    their stored hash no longer matches (`Person.get_session_auth_hash`), whatever
    the session engine; this session is given the new hash (and a new key).
    """
    this_session = request.session.session_key
    Person.objects.filter(pk=person.pk).update(
        sign_in_generation=F("sign_in_generation") + 1
    )
    person.refresh_from_db(fields=["sign_in_generation"])
    update_session_auth_hash(request, person)
    person_id = person.pk
    transaction.on_commit(
        lambda: close_live_sockets(
            person_id=person_id, except_session_key=this_session or ""
        )
    )
