"""Seed the demo organisation, groups and people, and print how to sign in."""

from typing import Any

from django.core.management.base import BaseCommand

from alongside.demo.seed import seed


class Command(BaseCommand):
    help = "Create the demo data (safe to run again) and print the demo logins."

    def handle(self, *args: Any, **options: Any) -> None:
        result = seed()
        write = self.stdout.write
        write("")
        write("The demo data is ready. The site prints its address once it is serving.")
        write(f"Every demo account's password is: {result['password']}")
        for person in result["people"]:  # type: ignore[attr-defined]
            write(f"  {person.username:<6} {person.about}")
        write(
            "Or sign up as someone new. Invitation codes for the invite-only services:"
        )
        for invitation in result["codes"]:  # type: ignore[attr-defined]
            write(f"  {invitation.code}  {invitation.organisation.name}")
        write("Staff accounts set up a second sign-in step the first time they open a")
        write(
            "staff page: use any authenticator app, or see README.md for a demo helper."
        )
        write("")
