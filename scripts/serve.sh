#!/usr/bin/env bash
# Serve Alongside as in production: an ASGI server for pages and live sessions, and a
# background worker for tasks (reminders, emails). Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}

# Start the daily check for agreement review dates (it re-queues itself; never twice).
"$BIN/python" manage.py schedule_agreement_reviews
# Start the check every minute for crisis alerts due to move up the chain (the same way).
"$BIN/python" manage.py schedule_escalation_checks
# Start the nightly deletion of messages and threads past each organisation's limits.
"$BIN/python" manage.py schedule_retention
# Start the daily check for the plan review reminders people asked for.
"$BIN/python" manage.py schedule_plan_reviews
"$BIN/python" manage.py db_worker --interval 1 &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM

echo "Alongside is running at http://$HOST:$PORT (Ctrl+C to stop)"
"$BIN/uvicorn" config.asgi:application --host "$HOST" --port "$PORT" --no-access-log --lifespan off \
  --workers "${WEB_WORKERS:-1}"
