#!/usr/bin/env bash
# Benchmarks on a throwaway PostgreSQL 15 with a generated district (seed_district, default scale).
#   bash bench/run.sh seed      # time to generate the district
#   bash bench/run.sh load      # visit entry under load: gunicorn (2 workers), 50 simulated kader, 60 s
#   bash bench/run.sh pages     # PWS dashboard, SKDN report and a person's page: p50/p95 and queries
#   bash bench/run.sh recaps    # Kab/Kota and Puskesmas recap builds vs a raw-SQL lower bound
#   bash bench/run.sh figures   # the district's monthly SKDN, gizi and referral totals (TSV)
#   bash bench/run.sh offline   # offline mode: download sizes, 100-visit sync, 50 phones syncing at once
#   bash bench/run.sh all       # pages, recaps, load and offline on one generated district
# Extra arguments after the name go to seed_district (e.g. --posyandu 120 --households 9000).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

what=${1:-all}
shift || true
ensure_venv
start_postgres
export DEBUG=0 SECRET_KEY=bench ALLOWED_HOSTS=127.0.0.1,localhost,testserver CELERY_EAGER=1
export MEDIA_ROOT="$RUNTIME_DIR/media"
createdb_url="${DATABASE_URL%/*}/postgres"
"$VENV/bin/python" - "$createdb_url" <<'PY'
import sys, psycopg2
conn = psycopg2.connect(sys.argv[1]); conn.autocommit = True
conn.cursor().execute("CREATE DATABASE posyandu")
PY
"$VENV/bin/python" manage.py migrate -v0
log "seed_district $*"
"$VENV/bin/python" manage.py seed_district "$@"
"$VENV/bin/python" - "$DATABASE_URL" <<'PY'
import sys, psycopg2
conn = psycopg2.connect(sys.argv[1]); conn.autocommit = True
conn.cursor().execute("VACUUM ANALYZE")
PY
case "$what" in
  seed) ;;
  load) "$VENV/bin/python" bench/visit_load.py ;;
  pages) "$VENV/bin/python" bench/pages.py ;;
  recaps) "$VENV/bin/python" bench/recaps.py ;;
  figures) "$VENV/bin/python" bench/figures.py ;;
  offline) "$VENV/bin/python" bench/offline_sync.py ;;
  all) "$VENV/bin/python" bench/pages.py; "$VENV/bin/python" bench/recaps.py; "$VENV/bin/python" bench/visit_load.py
       "$VENV/bin/python" bench/offline_sync.py ;;
  *) echo "unknown benchmark: $what" >&2; exit 2 ;;
esac
