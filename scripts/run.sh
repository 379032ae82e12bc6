#!/usr/bin/env bash
# Quick start: virtualenv, install, migrate, demo data, then serve on http://127.0.0.1:8000.
# With no DATABASE_URL it uses SQLite in the project folder and runs Celery tasks eagerly.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_venv requirements.txt
export DEBUG=${DEBUG:-1}
log "DEMO: data contoh dan kata sandi yang diketahui umum; jangan dipakai untuk data warga sebenarnya."
"$VENV/bin/python" manage.py migrate --no-input -v0
"$VENV/bin/python" manage.py seed_demo
# HOST=0.0.0.0 to reach it from a phone on the same network (README, Quick start)
log "Posyandu ILP: http://${HOST:-127.0.0.1}:${PORT:-8000}/ (Ctrl+C untuk berhenti)"
exec "$VENV/bin/python" manage.py runserver "${HOST:-127.0.0.1}:${PORT:-8000}"
