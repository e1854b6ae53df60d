#!/usr/bin/env bash
# Set everything up and run the app with demo data on SQLite: http://${HOST:-127.0.0.1}:${PORT:-8000}
source "$(dirname "$0")/_env.sh"
"${UV[@]}" run python manage.py migrate --noinput -v0
"${UV[@]}" run python manage.py compilemessages --ignore=.venv -v0
"${UV[@]}" run python manage.py seed_demo
echo "Mail is kept in the outbox; run '${UV[*]} run python manage.py send_outbox' with an SMTP server on ${EMAIL_HOST:-127.0.0.1}:${EMAIL_PORT:-1025} to send it."
exec "${UV[@]}" run python manage.py runserver "${HOST:-127.0.0.1}:${PORT:-8000}"
