#!/usr/bin/env bash
# Restore drill: back up a database, restore the backup into a scratch database,
# and check that every table has the same number of rows in both.
#
#   scripts/restore-drill.sh [URL ...]
#
# Each URL is drilled in turn. Without one, it drills $DATABASE_URL and then the data
# keys' database, $ALONGSIDE_KEYS_DATABASE_URL, when that is set: the two are backed
# up separately (docs/operations.md, "Backups and restore").
#
# SQLite (sqlite:///path): backed up with Python's sqlite3 backup API, which is safe
#   while the server runs, and restored into a temporary file.
# PostgreSQL (postgres://...): pg_dump -Fc, then pg_restore into a new database on the
#   same server (the URL's user must be allowed to create databases), dropped afterwards.
#
# Prints PASS or FAIL at the end; exits non-zero on any mismatch or error.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -eq 0 ] && [ -n "${DATABASE_URL:-}" ] && [ -n "${ALONGSIDE_KEYS_DATABASE_URL:-}" ]; then
  set -- "$DATABASE_URL" "$ALONGSIDE_KEYS_DATABASE_URL"
fi
if [ $# -gt 1 ]; then
  for each in "$@"; do
    echo "== $(printf '%s' "$each" | sed -E 's#//[^@/]*@#//***@#')"
    bash "$0" "$each"
  done
  exit 0
fi

url=${1:-${DATABASE_URL:-}}
if [ -z "$url" ]; then
  echo "Usage: scripts/restore-drill.sh DATABASE_URL (or set DATABASE_URL)." >&2
  exit 2
fi
PY=${PYTHON:-}
if [ -z "$PY" ]; then
  if [ -x .venv/bin/python ]; then PY=.venv/bin/python; else PY=python3; fi
fi

workdir=$(mktemp -d /tmp/alongside-restore-drill.XXXXXX)
scratch_db=""
pg_bin=""
cleanup() {
  if [ -n "$scratch_db" ]; then
    "$pg_bin/dropdb" --if-exists --maintenance-db="$url" "$scratch_db" >/dev/null 2>&1 ||
      echo "Could not drop the scratch database $scratch_db; drop it by hand." >&2
  fi
  rm -rf "$workdir"
}
trap cleanup EXIT

fail() {
  echo "FAIL: restore drill, $*"
  exit 1
}

case "$url" in
  sqlite://*)
    source_path=$("$PY" -c 'import sys, dj_database_url; print(dj_database_url.parse(sys.argv[1])["NAME"])' "$url")
    [ -f "$source_path" ] || fail "no SQLite database at $source_path"
    backup="$workdir/backup.sqlite3"
    restored="$workdir/restored.sqlite3"
    copy='import sqlite3, sys
source = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
target = sqlite3.connect(sys.argv[2])
with target:
    source.backup(target)
target.close()
source.close()'
    echo "Backing up $source_path"
    "$PY" -c "$copy" "$source_path" "$backup" || fail "the backup did not complete"
    echo "Restoring into $restored"
    "$PY" -c "$copy" "$backup" "$restored" || fail "the restore did not complete"
    restored_url="sqlite:///$restored"
    ;;
  postgres://* | postgresql://*)
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$pg_bin" ]; then
      pg_bin=$(dirname "$(command -v pg_dump || echo /missing/pg_dump)")
    fi
    [ -x "$pg_bin/pg_dump" ] && [ -x "$pg_bin/pg_restore" ] ||
      fail "pg_dump and pg_restore were not found"
    name="alongside_restore_drill_$(date +%s)_$$"
    restored_url=$("$PY" -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' "$url" "$name")
    echo "Backing up with pg_dump -Fc"
    "$pg_bin/pg_dump" -Fc --dbname="$url" --file="$workdir/backup.dump" ||
      fail "pg_dump did not complete"
    echo "Creating the scratch database $name"
    "$pg_bin/createdb" --maintenance-db="$url" "$name" ||
      fail "could not create a scratch database on the server"
    scratch_db=$name
    echo "Restoring with pg_restore"
    "$pg_bin/pg_restore" --no-owner --no-privileges --exit-on-error \
      --dbname="$restored_url" "$workdir/backup.dump" || fail "pg_restore did not complete"
    ;;
  *)
    echo "Only sqlite:/// and postgres:// URLs are supported." >&2
    exit 2
    ;;
esac

# Counting runs Django against each database; nothing here needs production secrets.
count() {
  env -u ALONGSIDE_PRODUCTION "$PY" scripts/row_counts.py count "$1"
}
echo "Counting rows"
count "$url" >"$workdir/source.json" || fail "could not count rows in the source"
count "$restored_url" >"$workdir/restored.json" || fail "could not count rows in the restore"
"$PY" scripts/row_counts.py compare "$workdir/source.json" "$workdir/restored.json"
