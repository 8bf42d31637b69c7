#!/usr/bin/env bash
# Install what the tests need from Debian's packages when it is missing:
# PostgreSQL, Redis and Chromium. Elsewhere, say exactly what to install.
set -euo pipefail

need=()
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || command -v pg_ctl >/dev/null || need+=(postgresql)
command -v redis-server >/dev/null || need+=(redis-server)
command -v chromium >/dev/null || need+=(chromium)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing from Debian's packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu-core >/dev/null
  # Debian starts services on install; the tests run their own on loopback.
  service redis-server stop >/dev/null 2>&1 || true
  service postgresql stop >/dev/null 2>&1 || true
else
  echo "The tests need these programs, which are not installed: ${need[*]}" >&2
  echo "On Debian or Ubuntu: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
