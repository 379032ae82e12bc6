#!/usr/bin/env bash
# The whole test suite on real services: a throwaway PostgreSQL 15 and Redis, and headless
# Chromium for the browser tests. Installs what is missing. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

DATE_SENSITIVE_TESTS="registry/tests/test_household_entry.py registry/tests/test_person_validation.py
  registry/tests/test_lifecycle.py visits/tests/test_visit_services.py visits/tests/test_visit_pages.py
  visits/tests/test_kms.py reports/tests/test_skdn.py reports/tests/test_pws.py"

log "lock files match requirements*.in"
bash scripts/lock_check.sh
apt_install chromium redis-server
ensure_venv requirements-dev.txt
# Tests run with DEBUG off, like production, which refuses to start without its own key.
export SECRET_KEY=${SECRET_KEY:-test-only-key-not-secret}
start_postgres
start_redis
log "ruff check, ruff format --check, mypy (mypy.ini)"
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
"$VENV/bin/mypy"
log "pytest"
set +e
"$VENV/bin/python" -m pytest "$@"
status=$?
set -e
if [ "$status" = 5 ]; then
  echo "pytest collected no tests" >&2
  exit 1
fi
if [ "$status" = 0 ] && [ $# = 0 ]; then
  # The modules that build dates from "today", again on the dates that break date arithmetic.
  # The whole suite on one of them: POSYANDU_TEST_TODAY=2028-02-29 bash scripts/test.sh
  for day in 2026-12-31 2027-01-01 2028-02-29; do
    log "date-sensitive tests with today = $day"
    POSYANDU_TEST_TODAY=$day "$VENV/bin/python" -m pytest -q -p no:cacheprovider -m "not browser" \
      $DATE_SENSITIVE_TESTS || exit 1
  done
fi
exit "$status"
