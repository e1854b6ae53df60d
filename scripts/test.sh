#!/usr/bin/env bash
# Install what the tests need (Debian's chromium when missing) and run the whole suite.
# Extra arguments go to pytest. DATABASE_URL=postgres://… runs it on PostgreSQL.
source "$(dirname "$0")/_env.sh"
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian's chromium for the browser tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium is missing: install it with 'sudo apt-get install chromium'" >&2
    exit 1
  fi
fi
"${UV[@]}" run python manage.py compilemessages --ignore=.venv -v0
"${UV[@]}" run python manage.py collectstatic --noinput -v0
exec "${UV[@]}" run pytest -n "${PYTEST_WORKERS:-2}" "$@"
