"""Print the current second-step code for a demo account, so that a newcomer can try
staff pages without an authenticator app. Refuses to run in production."""

import time
from typing import Any

from allauth.mfa import app_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from alongside.accounts.models import Person


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
        if authenticator is None:
            raise CommandError(
                "That account has not set up a second step yet. Sign in as them and "
                "open a staff page; the setup page shows the key to use."
            )
        secret = decrypt(authenticator.data["secret"])
        counter = int(time.time()) // app_settings.TOTP_PERIOD
        self.stdout.write(format_hotp_value(hotp_value(secret, counter)))
