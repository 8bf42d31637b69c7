"""Page timings: `make bench args="--pages"`.

Builds a throwaway data set at two sizes and prints, for each, how long the pages
people feel most take to make (median of several requests, in this process, through
the whole Django stack with production settings), how many queries they run and how
many bytes they send: the conversation list, the first screen of a long
conversation, the live room, the moderation queue and a data download. Figures only:
nothing here passes or fails.

    .venv/bin/python -m bench.pages                  # both sizes
    .venv/bin/python -m bench.pages --repeat 9       # more requests per page
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.processes import ROOT, server_env


@dataclass(frozen=True)
class Size:
    name: str
    threads: int
    replies: int  # in the one long conversation
    group_posts: int  # replies in the group, the long conversation's among them
    live: int
    waiting: int
    written: int  # posts by the person who downloads their data


SIZES = {
    "small": Size("small", 20, 100, 1_000, 100, 30, 200),
    "large": Size("large", 200, 1_000, 10_000, 1_000, 300, 2_000),
}


def _build(size: Size) -> dict[str, Any]:
    """The data set: one organisation and group, a reader, a facilitator with a
    second factor, and a writer whose words fill the conversations."""
    from django.utils import timezone

    from alongside.accounts.models import Person
    from alongside.accounts.tests.factories import give_second_factor
    from alongside.conversations.models import LiveRoom, Post, PostStatus, Thread
    from alongside.organisations.models import (
        Organisation,
        OrganisationRole,
        Role,
        Setting,
    )
    from alongside.peergroups.models import GroupRole, Membership, PeerGroup, Status

    organisation = Organisation.objects.create(
        name="Page benchmark",
        slug="page-bench",
        setting=Setting.COMMUNITY,
        confidentiality_statement="A throwaway organisation for the benchmark.",
        allows_links=True,
    )
    group = PeerGroup.objects.create(
        organisation=organisation,
        name="Benchmark group",
        slug="bench-group",
        shared_experience="A throwaway group for the benchmark.",
    )
    people = {}
    for name, role, group_role in [
        ("reader", Role.PEER, GroupRole.MEMBER),
        ("writer", Role.PEER, GroupRole.MEMBER),
        ("neighbour", Role.PEER, GroupRole.MEMBER),
        ("facilitator", Role.FACILITATOR, GroupRole.FACILITATOR),
    ]:
        person = Person(username=f"bench-{name}")
        person.set_unusable_password()
        person.save()
        OrganisationRole.objects.create(
            organisation=organisation, person=person, role=role
        )
        Membership.objects.create(
            group=group,
            person=person,
            display_name=f"Bench {name}",
            status=Status.ACTIVE,
            role=group_role,
        )
        people[name] = person
    give_second_factor(people["facilitator"])
    writer = people["writer"]
    room = LiveRoom.objects.create(
        group=group, is_always_open=True, is_open=True, opened_at=timezone.now()
    )
    threads = Thread.objects.bulk_create(
        Thread(group=group, author=writer, title=f"Conversation {number}")
        for number in range(size.threads)
    )
    words = (
        "Thank you for sharing this. I had a week like that too, and what helped "
        "was writing it down, a little each evening, before bed."
    )
    link = " There is more at www.example.org if it is useful."

    def post(number: int, **fields: Any) -> Post:
        # One post in ten holds a link, which the group's organisation allows.
        # The writer wrote the first of them, their neighbour the rest.
        return Post(
            group=group,
            author=writer if number < size.written else people["neighbour"],
            body=f"{words}{link if number % 10 == 0 else ''} ({number})",
            client_id=uuid.uuid4(),
            **fields,
        )

    after_all = size.group_posts + size.live + size.waiting
    openings = [
        post(after_all + number, thread=thread) for number, thread in enumerate(threads)
    ]
    long_thread = threads[0]
    replies = [post(number, thread=long_thread) for number in range(size.replies)]
    others = threads[1:]
    filler = [
        post(number, thread=others[number % len(others)])
        for number in range(size.replies, size.group_posts)
    ]
    last = size.group_posts
    live = [post(last + number, room=room) for number in range(size.live)]
    last += size.live
    waiting = [
        post(
            last + number,
            thread=others[number % len(others)],
            status=PostStatus.HELD,
        )
        for number in range(size.waiting)
    ]
    Post.objects.bulk_create(
        [*openings, *replies, *filler, *live, *waiting], batch_size=500
    )
    return {
        "group": group.pk,
        "thread": long_thread.pk,
        "people": {name: person.pk for name, person in people.items()},
        "written": Post.objects.filter(author=writer).count(),
    }


def _measure(
    client: Any, url: str, repeat: int, connections: Any
) -> dict[str, float | int]:
    from django.test.utils import CaptureQueriesContext

    def fetch() -> bytes:
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        return bytes(response.getvalue())

    fetch()  # warm: templates compiled, keys unwrapped, as on a running server
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        body = fetch()
        timings.append((time.perf_counter() - started) * 1000)
    with (
        CaptureQueriesContext(connections["default"]) as default,
        CaptureQueriesContext(connections["keys"]) as keys,
    ):
        fetch()
    return {
        "ms": statistics.median(timings),
        "queries": len(default) + len(keys),
        "kb": len(body) / 1024,
    }


def run_one(size: Size, repeat: int) -> dict[str, Any]:
    """In a process of its own, with its database settings in the environment."""
    import django

    django.setup()
    from django.conf import settings

    # Production settings, but static files named as they are, without the
    # manifest that `collectstatic` would write.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    from django.core.management import call_command
    from django.db import connections
    from django.test import Client
    from django.urls import reverse

    from alongside.accounts.models import Person
    from bench.fixtures import create_keys_database

    create_keys_database()
    call_command("migrate", database="keys", verbosity=0, interactive=False)
    call_command("migrate", verbosity=0, interactive=False)
    made = _build(size)
    group, thread = made["group"], made["thread"]

    def signed_in(name: str) -> Any:
        client = Client(SERVER_NAME="127.0.0.1")
        client.force_login(Person.objects.get(pk=made["people"][name]))
        return client

    pages = [
        (
            f"conversation list ({size.threads} conversations)",
            "reader",
            reverse("conversations:thread-list", args=[group]),
        ),
        (
            f"conversation, first screen ({size.replies:,} replies)",
            "reader",
            reverse("conversations:thread-detail", args=[group, thread]),
        ),
        (
            f"live room ({size.live:,} messages)",
            "reader",
            reverse("conversations:live-room", args=[group]),
        ),
        (
            f"moderation queue ({size.waiting} waiting)",
            "facilitator",
            reverse("safety:queue", args=[group]),
        ),
        (
            f"data download, JSON ({made['written']:,} posts)",
            "writer",
            reverse("privacy:data-json"),
        ),
    ]
    return {
        label: _measure(signed_in(who), url, repeat, connections)
        for label, who, url in pages
    }


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", choices=list(SIZES), default=list(SIZES))
    parser.add_argument("--repeat", type=int, default=5, help="requests per page")
    parser.add_argument("--one", choices=list(SIZES), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    if args.one:
        result = run_one(SIZES[args.one], args.repeat)
        json.dump(result, sys.stdout)
        return 0
    print("Page timings (median of", args.repeat, "requests; production settings)")
    for name in args.sizes:
        with tempfile.TemporaryDirectory(prefix="alongside-pages-") as folder:
            database_url = f"sqlite:///{Path(folder) / 'pages.sqlite3'}"
            env = {**os.environ, **server_env(database_url=database_url)}
            env["ALLOWED_HOSTS"] += ",127.0.0.1"
            done = subprocess.run(  # noqa: S603 - our own fixed command
                [
                    sys.executable,
                    "-m",
                    "bench.pages",
                    "--one",
                    name,
                    "--repeat",
                    str(args.repeat),
                ],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
        if done.returncode != 0:
            print(done.stderr[-3000:], file=sys.stderr)
            return 1
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"\n{name}:")
        print(f"  {'page':<46} {'ms':>8} {'queries':>8} {'KB':>9}")
        for label, row in figures.items():
            print(
                f"  {label:<46} {row['ms']:8.1f} {row['queries']:8d} {row['kb']:9.1f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
