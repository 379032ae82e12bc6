# Shared helpers for the quick-start and test scripts. Source it from the project root.
# shellcheck shell=bash

PYTHON=${PYTHON:-python3}
VENV=.venv
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

log() { printf '\033[1;32m==>\033[0m %s\n' "$*"; }

is_root() { [ "$(id -u)" = 0 ]; }

apt_install() {
  # Installs Debian packages that are missing; needs root (CI and the dev machines are root).
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} = 0 ] && return 0
  if ! is_root; then
    echo "Missing system packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
    return 1
  fi
  log "apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_venv() {
  # A virtualenv in .venv with the lock file $1 installed (requirements.txt to run the app,
  # requirements-dev.txt, a superset, to test); every package hash-checked. Reinstalls when
  # that file changes: one stamp per lock file, holding the hash of the file installed.
  local lock=${1:-requirements.txt}
  if [ ! -x "$VENV/bin/python" ]; then
    log "Creating virtualenv $VENV"
    "$PYTHON" -m venv "$VENV"
  fi
  local stamp="$VENV/.$lock.sha"
  local want
  want=$(sha256sum "$lock" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "Installing $lock"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check --require-hashes -r "$lock"
    echo "$want" > "$stamp"
  fi
}

free_port() {
  "$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

RUNTIME_DIR=""
PG_DATA=""
REDIS_PIDFILE=""

cleanup_services() {
  if [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [ -n "$REDIS_PIDFILE" ] && [ -f "$REDIS_PIDFILE" ]; then
    kill "$(cat "$REDIS_PIDFILE")" 2>/dev/null || true
  fi
  [ -n "$RUNTIME_DIR" ] && rm -rf "$RUNTIME_DIR"
  return 0
}

runtime_dir() {
  if [ -z "$RUNTIME_DIR" ]; then
    RUNTIME_DIR=$(mktemp -d /tmp/posyandu-test.XXXXXX)
    chmod 755 "$RUNTIME_DIR"
    trap cleanup_services EXIT
  fi
}

as_postgres() {
  # initdb and postgres refuse to run as root: use the postgres account then.
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  # A throwaway PostgreSQL 15 cluster on a free port; exports DATABASE_URL.
  if [ ! -x "$PG_BIN/initdb" ]; then apt_install postgresql-15; fi
  if is_root && ! id postgres >/dev/null 2>&1; then useradd --system --no-create-home postgres; fi
  runtime_dir
  PG_DATA="$RUNTIME_DIR/pg"
  mkdir -p "$PG_DATA"
  is_root && chown -R postgres "$RUNTIME_DIR"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  local port
  port=$(free_port)
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$RUNTIME_DIR/postgres.log" -w -o \
    "-p $port -k $RUNTIME_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
  export DATABASE_URL="postgres://postgres@127.0.0.1:$port/posyandu"
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $port"
}

start_redis() {
  # A throwaway Redis on a free port; exports REDIS_URL.
  apt_install redis-server
  runtime_dir
  local port
  port=$(free_port)
  REDIS_PIDFILE="$RUNTIME_DIR/redis.pid"
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$REDIS_PIDFILE" --dir "$RUNTIME_DIR" --logfile "$RUNTIME_DIR/redis.log"
  for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  export REDIS_URL="redis://127.0.0.1:$port/0"
  log "Redis on port $port"
}
