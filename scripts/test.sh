#!/usr/bin/env bash
# The whole test suite on real services: a throwaway PostgreSQL 15 and Redis, and headless
# Chromium for the browser tests. Installs what is missing. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

apt_install chromium redis-server
ensure_venv
# Tests run with DEBUG off, like production, which refuses to start without its own key.
export SECRET_KEY=${SECRET_KEY:-test-only-key-not-secret}
start_postgres
start_redis
log "ruff check"
"$VENV/bin/ruff" check .
log "pytest"
set +e
"$VENV/bin/python" -m pytest "$@"
status=$?
set -e
if [ "$status" = 5 ]; then
  echo "pytest collected no tests" >&2
  exit 1
fi
exit "$status"
