"""Meetings benchmark: the time to render a group's meetings page, and to build one
person's private calendar feed when they are in 50 groups that each meet weekly for
a year (52 dates each, 2,600 events in the feed). Target: under 100 ms each.

Runs on a throwaway SQLite database in a temporary folder, in this one process, with
Django's test client (no server, no network). Prints the median and the slowest of
several runs.

    .venv/bin/python -m bench.meetings
    .venv/bin/python -m bench.meetings --groups 50 --weeks 52 --runs 15
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TARGET_MS = 100.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=50)
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--database-url",
        default="",
        help="a throwaway, empty PostgreSQL database (default: SQLite in a temp dir)",
    )
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="alongside-bench-meetings-"))
    os.environ["DATABASE_URL"] = (
        args.database_url or f"sqlite:///{workdir}/bench.sqlite3"
    )
    os.environ["ALONGSIDE_KEYS_DATABASE_URL"] = f"sqlite:///{workdir}/keys.sqlite3"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", database="keys", verbosity=0)
    call_command("migrate", verbosity=0)
    group_id, token, person = _fill(groups=args.groups, weeks=args.weeks)

    from django.test import Client
    from django.urls import reverse

    client = Client()
    client.force_login(person)
    page = reverse("meetings:meeting-list", args=[group_id])
    feed = reverse("meetings:calendar-feed", args=[token])
    start = time.perf_counter()
    events = client.get(feed).content.count(b"BEGIN:VEVENT")
    first_feed = (time.perf_counter() - start) * 1000

    results = {
        "group meetings page": _time(lambda: client.get(page), args.runs),
        f"calendar feed ({events} events, written before)": _time(
            lambda: client.get(feed), args.runs
        ),
    }
    print(
        f"meetings benchmark: {args.groups} groups x {args.weeks} weekly dates, "
        f"{args.runs} runs each, one process, "
        f"{'PostgreSQL' if args.database_url else 'SQLite'}"
    )
    print(f"  calendar feed, first build (every event written): {first_feed:.1f} ms")
    for name, times in results.items():
        median, worst = statistics.median(times), max(times)
        verdict = "within" if median < TARGET_MS else "OVER"
        print(
            f"  {name}: median {median:.1f} ms, slowest {worst:.1f} ms "
            f"({verdict} the {TARGET_MS:.0f} ms target)"
        )
    return 0


def _time(request: Callable[[], object], runs: int) -> list[float]:
    request()  # warm up: template loading, first queries
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        request()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _fill(*, groups: int, weeks: int) -> tuple[int, str, object]:
    from datetime import timedelta

    from django.utils import timezone

    from alongside.accounts.models import Person
    from alongside.meetings.models import CalendarFeed, Meeting, Occurrence
    from alongside.organisations.models import Organisation, OrganisationRole, Setting
    from alongside.peergroups.models import Membership, PeerGroup

    organisation = Organisation.objects.create(
        name="Benchmark service",
        slug="benchmark",
        setting=Setting.COMMUNITY,
        confidentiality_statement="A throwaway organisation for the benchmark.",
    )
    person = Person.objects.create(username="bench-member")
    OrganisationRole.objects.create(organisation=organisation, person=person)
    start = timezone.now().replace(second=0, microsecond=0) + timedelta(days=1)
    first_group = 0
    for number in range(groups):
        group = PeerGroup.objects.create(
            organisation=organisation,
            name=f"Group {number}",
            slug=f"group-{number}",
            shared_experience="A throwaway group for the benchmark.",
        )
        first_group = first_group or group.pk
        Membership.objects.create(
            group=group, person=person, display_name="Member", status="active"
        )
        meeting = Meeting.objects.create(
            group=group,
            format="online",
            online_place="live_room",
            starts_on=start.date(),
            local_start_time=start.time(),
            frequency="weekly",
            count=weeks,
        )
        Occurrence.objects.bulk_create(
            Occurrence(
                meeting=meeting,
                slot_at=start + timedelta(weeks=week),
                starts_at=start + timedelta(weeks=week),
                ends_at=start + timedelta(weeks=week, minutes=90),
            )
            for week in range(weeks)
        )
    token = CalendarFeed.objects.create(person=person).token
    return first_group, token, person


if __name__ == "__main__":
    sys.exit(main())
