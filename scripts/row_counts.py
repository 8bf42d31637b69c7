"""Row counts for the restore drill (scripts/restore-drill.sh).

    python scripts/row_counts.py count DATABASE_URL      prints {"table": rows, ...}
    python scripts/row_counts.py compare SOURCE RESTORED  compares two such JSON files

`count` lists every table in the database itself (not only Alongside's models), so a
table the restore lost or added shows up too. `compare` prints one line per table and
a PASS or FAIL summary, and exits 1 on any difference.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def count(url: str) -> dict[str, int]:
    os.environ["DATABASE_URL"] = url
    # Counting uses one database only; the keys database (or any other) is drilled by
    # passing its own URL here, so the settings' second database is left unused.
    os.environ["ALONGSIDE_KEYS_DATABASE_URL"] = "sqlite://:memory:"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = int(cursor.fetchone()[0])
    return counts


def compare(source: dict[str, int], restored: dict[str, int]) -> bool:
    differences = 0
    for table in sorted(set(source) | set(restored)):
        before = source.get(table)
        after = restored.get(table)
        if before == after:
            print(f"  ok        {table}: {before}")
        else:
            differences += 1
            shown_before = "missing" if before is None else before
            shown_after = "missing" if after is None else after
            print(f"  MISMATCH  {table}: source {shown_before}, restored {shown_after}")
    rows = sum(source.values())
    if differences or not source:
        reason = "no tables in the source" if not source else f"{differences} differ"
        print(f"FAIL: restore drill, {len(source)} tables, {reason}")
        return False
    print(f"PASS: restore drill, {len(source)} tables and {rows} rows match")
    return True


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "count":
        print(json.dumps(count(argv[1]), sort_keys=True))
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        source = json.loads(Path(argv[1]).read_text())
        restored = json.loads(Path(argv[2]).read_text())
        return 0 if compare(source, restored) else 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
