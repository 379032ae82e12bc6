#!/usr/bin/env bash
# The hashed lock files (requirements.txt, requirements-dev.txt) must come from the current
# requirements*.in. `make lock` records the inputs' hash in each lock; this script compares it
# (offline, instant) and also checks that every pin in the .in files is the pin in the lock.
#   bash scripts/lock_check.sh          check, exit 1 with the fix when a lock is stale
#   bash scripts/lock_check.sh --stamp  record the hash (the last step of `make lock`)
set -euo pipefail
cd "$(dirname "$0")/.."

inputs_sha() { cat requirements.in requirements-dev.in | sha256sum | cut -d' ' -f1; }
want="# inputs-sha256: $(inputs_sha)"

if [ "${1:-}" = --stamp ]; then
  for lock in requirements.txt requirements-dev.txt; do
    sed -i '/^# inputs-sha256: /d' "$lock"
    printf '%s\n' "$want" >> "$lock"
  done
  exit 0
fi

pins() { grep -hoiE '^[a-z0-9][a-z0-9._-]*==[^ ;\\]+' "$@" | tr 'A-Z_' 'a-z-' | sort -u; }
stale=0
check() {  # $1 = lock file, rest = the .in files it is compiled from
  local lock=$1; shift
  if ! grep -qxF "$want" "$lock"; then
    echo "$lock does not match ${*}: the .in files changed since the last \`make lock\`." >&2
    stale=1
  fi
  local missing
  missing=$(comm -23 <(pins "$@") <(pins "$lock"))
  if [ -n "$missing" ]; then
    echo "$lock lacks pins from ${*}: $missing" >&2
    stale=1
  fi
}
check requirements.txt requirements.in
check requirements-dev.txt requirements.in requirements-dev.in
if [ "$stale" = 1 ]; then
  echo "Run \`make lock\` and commit the lock files." >&2
  exit 1
fi
