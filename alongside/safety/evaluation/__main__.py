"""``python -m alongside.safety.evaluation``: the screener's figures, never texts."""

from __future__ import annotations

import argparse
import os
import sys


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()

    from alongside.safety.evaluation.datasets import data_dir
    from alongside.safety.evaluation.report import format_report
    from alongside.safety.evaluation.runner import run_evaluation

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--limit", type=int, default=None, help="only the first N rows of each file"
    )
    parser.add_argument(
        "--tuning-only",
        action="store_true",
        help="screen only the tuning half of each file (while changing rules)",
    )
    arguments = parser.parse_args(argv)
    directory = data_dir()
    if not directory.is_dir():
        print(
            f"The evaluation data is not here: {directory}\n"
            "Put the shared data folder beside the repository (../shared/data/safety) "
            "to measure against the public data sets. Only the UK challenge set is "
            "measured now."
        )
    report = run_evaluation(
        directory, limit=arguments.limit, tuning_only=arguments.tuning_only
    )
    print(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
