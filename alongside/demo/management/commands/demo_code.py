"""Print the current second-step code for a demo account, so that a newcomer can try
staff pages without an authenticator app. Refuses to run in production.

It works both once the second step is on and while the setup page is open: the key
the setup page shows is kept in that browser's session until the step is turned on.
"""

import time
from typing import Any

from allauth.mfa import app_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    format_hotp_value,
    hotp_value,
)
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from alongside.accounts.models import Person


def pending_setup_secret(person: Person) -> str | None:
    """The key a setup page shows this person now, if one of their sessions has it."""
    sessions = Session.objects.filter(expire_date__gt=timezone.now()).order_by(
        "-expire_date"
    )
    for session in sessions.iterator():
        data = session.get_decoded()
        if str(data.get(SESSION_KEY)) == str(person.pk) and data.get(
            SECRET_SESSION_KEY
        ):
            return str(data[SECRET_SESSION_KEY])
    return None


class Command(BaseCommand):
    help = "Print the current two-step sign-in code of a demo account (demo only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.IS_PRODUCTION:
            raise CommandError("This helper is for the demo only.")
        person = Person.objects.filter(username=options["username"]).first()
        if person is None:
            raise CommandError("No account with that sign-in name.")
        authenticator = Authenticator.objects.filter(
            user=person, type=Authenticator.Type.TOTP
        ).first()
        if authenticator is not None:
            secret = decrypt(authenticator.data["secret"])
        else:
            pending = pending_setup_secret(person)
            if pending is None:
                raise CommandError(
                    "That account has not set up a second step yet. Sign in as them "
                    "and open a staff page; then run this again while the setup page "
                    "is showing, and type the code it prints there."
                )
            secret = pending
        counter = int(time.time()) // app_settings.TOTP_PERIOD
        self.stdout.write(format_hotp_value(hotp_value(secret, counter)))
