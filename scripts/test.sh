#!/usr/bin/env bash
# Every check CI runs, in order, with a pass/fail summary at the end.
# Lint, types and migrations; the suite on PostgreSQL and on SQLite; browser journeys.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export DJANGO_SETTINGS_MODULE=config.settings
export PYTHONDONTWRITEBYTECODE=1

results=()
failed=0
started=$(date +%s)

step() {
  local name=$1
  shift
  echo
  echo "==> $name"
  local t0
  t0=$(date +%s)
  if "$@"; then
    results+=("PASS  $name ($(( $(date +%s) - t0 ))s)")
  else
    results+=("FAIL  $name ($(( $(date +%s) - t0 ))s)")
    failed=$((failed + 1))
  fi
}

bash scripts/system-deps.sh || { echo "Cannot install what the tests need."; exit 1; }

workdir=$(mktemp -d /tmp/alongside-test.XXXXXX)
chmod 755 "$workdir"
free_port() {
  "$BIN/python" -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"
}
pgport=${ALONGSIDE_TEST_PG_PORT:-$(free_port)}
cleanup() {
  bash scripts/postgres.sh stop "$workdir/pg" >/dev/null 2>&1 || true
  if [ -n "${redis_pid:-}" ]; then kill "$redis_pid" 2>/dev/null || true; fi
  rm -rf "$workdir"
}
trap cleanup EXIT

pg_url=$(bash scripts/postgres.sh start "$workdir/pg" "$pgport" | head -n 1) || {
  echo "Could not start PostgreSQL."; exit 1; }

redis_port=${ALONGSIDE_TEST_REDIS_PORT:-$(free_port)}
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no \
  --daemonize no >"$workdir/redis.log" 2>&1 &
redis_pid=$!
export ALONGSIDE_TEST_REDIS_URL="redis://127.0.0.1:$redis_port/0"

step "ruff lint" "$BIN/ruff" check .
step "ruff format" "$BIN/ruff" format --check .
step "mypy" "$BIN/mypy" alongside config
step "migrations are up to date" "$BIN/python" manage.py makemigrations --check --dry-run
# The data keys go to a second database on the same server (pytest-django creates a
# test database for each).
# Both suites run on every core (pytest-xdist): each worker has its own test databases.
workers=${ALONGSIDE_TEST_WORKERS:-auto}
step "tests on PostgreSQL" env DATABASE_URL="$pg_url" \
  ALONGSIDE_KEYS_DATABASE_URL="${pg_url%/*}/alongside_keys" "$BIN/pytest" -q -n "$workers" alongside
# The naughty-strings fuzz takes minutes; it runs once, on PostgreSQL, which is the
# stricter of the two (it refuses NUL characters that SQLite stores).
step "tests on SQLite" env DATABASE_URL="sqlite:///$workdir/test.sqlite3" \
  ALONGSIDE_KEYS_DATABASE_URL="sqlite:///$workdir/keys.sqlite3" \
  "$BIN/pytest" -q -n "$workers" -m "not fuzz" alongside
step "browser journeys (Chromium)" "$BIN/pytest" -q tests_e2e

echo
echo "==================== Summary ===================="
for line in "${results[@]}"; do echo "$line"; done
echo "Total time: $(( $(date +%s) - started ))s"
if [ "$failed" -gt 0 ]; then
  echo "$failed step(s) failed."
  exit 1
fi
echo "All steps passed."
