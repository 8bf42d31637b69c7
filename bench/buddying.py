"""One-to-one matching benchmark: the time to build one request's shortlist when the
organisation has 2,000 supporters and 10,000 open requests (some offered, some
matched), and how many queries it takes. Target: under 50 ms, with the same number
of queries at every size.

Runs on a throwaway SQLite database in a temporary folder (or an empty PostgreSQL
database), in this one process (one core). Prints the median and the slowest of
several runs, the query count at a tenth of the size beside the full size, and with
--explain the database's plan for each query.

    .venv/bin/python -m bench.buddying
    .venv/bin/python -m bench.buddying --supporters 2000 --requests 10000 --runs 15
    .venv/bin/python -m bench.buddying --database-url postgres://... --explain
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

TARGET_MS = 50.0
EXPERIENCES = [f"experience {n}" for n in range(40)]
LANGUAGES = ["English", "Welsh", "Polish", "Urdu", "Somali"]
WINDOWS = ["weekday_mornings", "weekday_afternoons", "weekday_evenings", "weekends"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--supporters", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--database-url",
        default="",
        help="a throwaway, empty PostgreSQL database (default: SQLite in a temp dir)",
    )
    parser.add_argument(
        "--explain", action="store_true", help="print the plan of every query"
    )
    parser.add_argument(
        "--profile", action="store_true", help="print where the time goes (cProfile)"
    )
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="alongside-bench-buddying-"))
    os.environ["DATABASE_URL"] = (
        args.database_url or f"sqlite:///{workdir}/bench.sqlite3"
    )
    os.environ["ALONGSIDE_KEYS_DATABASE_URL"] = f"sqlite:///{workdir}/keys.sqlite3"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from alongside.buddying.matching import shortlist

    call_command("migrate", database="keys", verbosity=0)
    call_command("migrate", verbosity=0)
    random.seed(16)
    small = _fill(
        "small", supporters=args.supporters // 10, requests=args.requests // 10
    )
    large = _fill("large", supporters=args.supporters, requests=args.requests)
    if connection.vendor == "postgresql":
        # As autovacuum would soon after a real organisation's rows arrived: the
        # planner needs the tables' statistics to choose its indexes.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    counts = {}
    slowest: list[tuple[float, str]] = []
    for name, request in (("small", small), ("large", large)):
        with CaptureQueriesContext(connection) as queries:
            shortlist(request)
        counts[name] = len(queries)
        slowest = sorted(
            ((float(q["time"]) * 1000, q["sql"][:90]) for q in queries), reverse=True
        )[:3]
    if args.explain:
        _explain(connection, [q["sql"] for q in queries])
    if args.profile:
        _profile(lambda: shortlist(large))
    times, cpu = [], []
    suggestions = shortlist(large)
    for _ in range(args.runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        shortlist(large)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    median, worst = statistics.median(times), max(times)
    verdict = "within" if median < TARGET_MS else "OVER"
    print(
        f"one-to-one matching benchmark: {args.supporters} supporters, "
        f"{args.requests} open requests, {args.runs} runs, one process, "
        f"{'PostgreSQL' if args.database_url else 'SQLite'}"
    )
    print(
        f"  shortlist: median {median:.1f} ms, slowest {worst:.1f} ms "
        f"({verdict} the {TARGET_MS:.0f} ms target); {len(suggestions)} suggested"
    )
    # On a busy machine the wall clock counts time spent waiting for a core; the
    # time this process ran is steadier (on SQLite it includes the database).
    print(f"  shortlist: median {statistics.median(cpu):.1f} ms of this process's time")
    print(
        f"  queries: {counts['large']} at full size, {counts['small']} at a tenth "
        f"({'constant' if counts['large'] == counts['small'] else 'NOT constant'})"
    )
    for ms, sql in slowest:
        print(f"    slowest query: {ms:.1f} ms  {sql}")
    return 0


def _explain(connection, statements: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Print the database's plan for each statement run (they are read-only)."""
    prefix = (
        "EXPLAIN ANALYZE "
        if connection.vendor == "postgresql"
        else "EXPLAIN QUERY PLAN "
    )
    with connection.cursor() as cursor:
        for statement in statements:
            print("\n" + statement)
            cursor.execute(prefix + statement)
            for row in cursor.fetchall():
                print("    " + " ".join(str(part) for part in row))


def _profile(call) -> None:  # type: ignore[no-untyped-def]
    """Print the functions where one more shortlist spends its time."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(call)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def _fill(label: str, *, supporters: int, requests: int):  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from django.utils import timezone

    from alongside.accounts.models import Person
    from alongside.buddying.models import (
        Match,
        Offer,
        SupportProfile,
        SupportRequest,
    )
    from alongside.organisations.models import Organisation, OrganisationRole, Setting
    from alongside.supporters.models import Supervision, SupporterProfile

    organisation = Organisation.objects.create(
        name=f"Benchmark service {label}",
        slug=f"benchmark-{label}",
        setting=Setting.COMMUNITY,
        confidentiality_statement="A throwaway organisation for the benchmark.",
    )
    supervisor = Person.objects.create(username=f"{label}-supervisor")
    people = Person.objects.bulk_create(
        Person(username=f"{label}-supporter-{n}") for n in range(supporters)
    )
    peers = Person.objects.bulk_create(
        Person(username=f"{label}-peer-{n}") for n in range(requests)
    )
    OrganisationRole.objects.bulk_create(
        [
            *(
                OrganisationRole(
                    organisation=organisation, person=p, role="peer_supporter"
                )
                for p in people
            ),
            *(OrganisationRole(organisation=organisation, person=p) for p in peers),
        ]
    )
    SupporterProfile.objects.bulk_create(
        SupporterProfile(
            organisation=organisation,
            person=p,
            max_matches=random.choice([1, 2, 3]),
            matching_paused=random.random() < 0.1,
        )
        for p in people
    )
    Supervision.objects.bulk_create(
        Supervision(organisation=organisation, supporter=p, supervisor=supervisor)
        for p in people
    )
    SupportProfile.objects.bulk_create(
        SupportProfile(
            organisation=organisation,
            person=p,
            experiences=random.sample(EXPERIENCES, 3),
            languages=["English", *random.sample(LANGUAGES[1:], 1)],
            windows=random.sample(WINDOWS, 2),
        )
        for p in people
    )
    made = SupportRequest.objects.bulk_create(
        SupportRequest(
            organisation=organisation,
            peer=p,
            words="A throwaway sentence for the benchmark.",
            experiences=random.sample(EXPERIENCES, 2),
            language=random.choice(LANGUAGES),
            windows=random.sample(WINDOWS, 2),
        )
        for p in peers
    )
    expires = timezone.now() + timedelta(hours=72)
    # A tenth offered and a tenth matched, to supporters chosen at random.
    Offer.objects.bulk_create(
        Offer(request=r, supporter=random.choice(people), expires_at=expires)
        for r in made[: requests // 10]
    )
    Match.objects.bulk_create(
        Match(
            organisation=organisation,
            request=r,
            peer=r.peer,
            supporter=random.choice(people),
        )
        for r in made[requests // 10 : requests // 5]
    )
    return made[-1]


if __name__ == "__main__":
    raise SystemExit(main())
