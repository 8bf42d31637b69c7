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
# Start the daily check of supporters' training, supervision and requests for help.
"$BIN/python" manage.py schedule_supporter_checks
# Start the meetings check every five minutes: due reminders, and RSVPs a week old.
"$BIN/python" manage.py schedule_meeting_reminders
# Nobody is here yet: forget the live-room connections a stopped server left behind.
"$BIN/python" manage.py clear_live_presence
# Start the daily check for the plan review reminders people asked for.
"$BIN/python" manage.py schedule_plan_reviews
# Start the check every quarter of an hour for one-to-one offers left unanswered.
"$BIN/python" manage.py schedule_offer_checks
# Start the daily task that tells people once when a check-in opens for them.
"$BIN/python" manage.py schedule_check_ins
"$BIN/python" manage.py db_worker --interval 1 &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM

# Say where to go once the server really answers, not before. A server listening on
# every address is reached on this machine at 127.0.0.1.
case "$HOST" in
  0.0.0.0 | "::" | "[::]") shown=127.0.0.1 ;;
  *) shown=$HOST ;;
esac
(
  for _ in $(seq 1 240); do
    if (exec 3<>"/dev/tcp/$shown/$PORT") 2>/dev/null; then
      echo "Alongside is running at http://$shown:$PORT (Ctrl+C to stop)"
      exit 0
    fi
    sleep 0.5
  done
  echo "Alongside has not started answering at http://$shown:$PORT yet."
) &
announcer=$!
trap 'kill "$worker" "$announcer" 2>/dev/null || true' EXIT INT TERM
# --no-proxy-headers: uvicorn would otherwise believe X-Forwarded-For from any local
# connection. Django decides which proxies to believe (ALONGSIDE_TRUSTED_PROXIES).
"$BIN/uvicorn" config.asgi:application --host "$HOST" --port "$PORT" --no-access-log --lifespan off \
  --no-proxy-headers --workers "${WEB_WORKERS:-1}"
