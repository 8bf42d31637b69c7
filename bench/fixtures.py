"""Fill a throwaway database with groups, members and signed-in sessions.

Run in its own process against the databases named by DATABASE_URL and
ALONGSIDE_KEYS_DATABASE_URL, which it creates (PostgreSQL keys database) and migrates
first. Prints one JSON document: the group ids and, for each person, their group and
session cookie. Used by the benchmark and by the scale-out test, whose servers are
separate processes and so cannot see a test database.

    DATABASE_URL=sqlite:////tmp/b.sqlite3 python -m bench.fixtures --people 200

Everyone is made with the ORM directly: the benchmark measures the live room, not
sign-up. Nobody here has a usable password.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any


def build(*, people: int, groups: int) -> dict[str, Any]:
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from alongside.accounts.models import Person
    from alongside.organisations.models import Organisation, OrganisationRole, Setting
    from alongside.peergroups.models import GroupRole, Membership, PeerGroup, Status

    organisation = Organisation.objects.create(
        name="Benchmark service",
        slug="benchmark",
        setting=Setting.COMMUNITY,
        confidentiality_statement="A throwaway organisation for the benchmark.",
    )
    PeerGroup.objects.bulk_create(
        PeerGroup(
            organisation=organisation,
            name=f"Room {number}",
            slug=f"room-{number}",
            shared_experience="A throwaway group for the benchmark.",
        )
        for number in range(groups)
    )
    rooms = list(PeerGroup.objects.filter(organisation=organisation).order_by("pk"))
    for number in range(people):
        person = Person(username=f"bench{number:05d}")
        person.set_unusable_password()
        person.save()
    persons = list(Person.objects.filter(username__startswith="bench").order_by("pk"))
    OrganisationRole.objects.bulk_create(
        OrganisationRole(organisation=organisation, person=person) for person in persons
    )
    # People go round the rooms in turn, so every room has people // groups of them.
    # The first person in each room facilitates it, as a real room would have.
    memberships = [
        Membership(
            group=rooms[number % groups],
            person=person,
            display_name=f"Member {number:05d}",
            status=Status.ACTIVE,
            role=GroupRole.FACILITATOR if number < groups else GroupRole.MEMBER,
        )
        for number, person in enumerate(persons)
    ]
    Membership.objects.bulk_create(memberships)
    open_live_rooms(rooms)

    clients = []
    for number, person in enumerate(persons):
        session = SessionStore()
        session[SESSION_KEY] = str(person.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = person.get_session_auth_hash()
        session.create()
        clients.append(
            {"group_id": rooms[number % groups].pk, "sessionid": session.session_key}
        )
    return {"group_ids": [room.pk for room in rooms], "clients": clients}


def open_live_rooms(rooms: list[Any]) -> None:
    """Keep every group's live room open, as a group that chooses "always open" does."""
    from django.utils import timezone

    from alongside.conversations.models import LiveRoom

    LiveRoom.objects.bulk_create(
        LiveRoom(
            group=room, is_always_open=True, is_open=True, opened_at=timezone.now()
        )
        for room in rooms
    )


def create_keys_database() -> None:
    """On PostgreSQL, create the keys database on the main database's server if it
    is not there yet (SQLite creates its file by itself)."""
    from django.db import connections

    keys = connections["keys"]
    if keys.vendor != "postgresql":
        return
    name = keys.settings_dict["NAME"]
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f"CREATE DATABASE {keys.ops.quote_name(name)}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--groups", type=int, default=20)
    args = parser.parse_args(argv)
    if args.people < args.groups:
        parser.error("--people must be at least --groups")

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django
    from django.core.management import call_command

    django.setup()
    create_keys_database()
    call_command("migrate", database="keys", verbosity=0, interactive=False)
    call_command("migrate", verbosity=0, interactive=False)
    json.dump(build(people=args.people, groups=args.groups), sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
