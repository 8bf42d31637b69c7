"""Commissioner's report benchmark: the time the worker takes to build the report
(figures, CSV and PDF) for an organisation that held 10,000 meetings over the last
four quarters, with 100,000 anonymous answers and 2,000 incidents. Target: under
60 s on one core.

Uses the same made-up organisation as `bench.insights`, on a throwaway SQLite
database in a temporary folder (or an empty PostgreSQL database), in this one
process, calling the worker's own function. Prints the median and slowest of
several builds, each part's share, the sizes, and the query count of one build.

    .venv/bin/python -m bench.insights_report
    .venv/bin/python -m bench.insights_report --meetings 10000 --answers 100000 --runs 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

TARGET_S = 60.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--incidents", type=int, default=2_000)
    parser.add_argument("--groups", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--database-url",
        default="",
        help="a throwaway, empty PostgreSQL database (default: SQLite in a temp dir)",
    )
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="alongside-bench-report-"))
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

    from alongside.accounts.models import Person
    from alongside.insights.actions import build_report
    from alongside.insights.models import Report, ReportStatus
    from alongside.insights.report import build_csv, gather
    from alongside.insights.report_pdf import render_report_pdf
    from alongside.organisations.models import Organisation

    from .insights import _fill

    call_command("migrate", database="keys", verbosity=0)
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    _, slug = _fill(args)
    filled = time.perf_counter() - started
    organisation = Organisation.objects.get(slug=slug)
    report = Report.objects.create(
        organisation=organisation,
        requested_by=Person.objects.get(username="bench-admin"),
    )

    def again() -> None:
        Report.objects.filter(pk=report.pk).update(
            status=ReportStatus.WAITING, progress=0, csv="", pdf=b""
        )

    times = []
    for _ in range(args.runs):
        again()
        start = time.perf_counter()
        assert build_report(report_id=report.pk) == ReportStatus.READY
        times.append(time.perf_counter() - start)
    again()
    with CaptureQueriesContext(connection) as queries:
        build_report(report_id=report.pk)
    built = Report.objects.get(pk=report.pk)

    start = time.perf_counter()
    figures = gather(organisation, 4)
    gathering = time.perf_counter() - start
    start = time.perf_counter()
    build_csv(figures)
    writing_csv = time.perf_counter() - start
    start = time.perf_counter()
    render_report_pdf(figures)
    writing_pdf = time.perf_counter() - start

    median, worst = statistics.median(times), max(times)
    verdict = "within" if median < TARGET_S else "OVER"
    print(
        f"report benchmark: {args.meetings} meetings held, {args.answers} answers, "
        f"{args.incidents} incidents in {args.groups} groups over four quarters; "
        f"{'PostgreSQL' if args.database_url else 'SQLite'}, one process "
        f"(data made in {filled:.0f} s)"
    )
    print(
        f"  report (figures, CSV and PDF): median {median * 1000:.0f} ms, slowest "
        f"{worst * 1000:.0f} ms over {args.runs} builds, {len(queries)} queries "
        f"({verdict} the {TARGET_S:.0f} s target)"
    )
    print(
        f"  parts: figures {gathering * 1000:.0f} ms, CSV {writing_csv * 1000:.0f} "
        f"ms, PDF {writing_pdf * 1000:.0f} ms; CSV {len(built.csv)} characters, "
        f"PDF {len(bytes(built.pdf))} bytes"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
