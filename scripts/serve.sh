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
# Nobody is here yet: forget the live-room connections a stopped server left behind.
"$BIN/python" manage.py clear_live_presence
"$BIN/python" manage.py db_worker --interval 1 &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM

echo "Alongside is running at http://$HOST:$PORT (Ctrl+C to stop)"
# --no-proxy-headers: uvicorn would otherwise believe X-Forwarded-For from any local
# connection. Django decides which proxies to believe (ALONGSIDE_TRUSTED_PROXIES).
"$BIN/uvicorn" config.asgi:application --host "$HOST" --port "$PORT" --no-access-log --lifespan off \
  --no-proxy-headers --workers "${WEB_WORKERS:-1}"
