#!/usr/bin/env bash
# Benchmark: catalog search requests/s (wrk -t2 -c64, q=giay phep) on SQLite and on PostgreSQL,
# with the Hanoi catalog imported. Prints figures; never fails on timing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN=${BIN:-build/src/app/motcua}
DURATION=${DURATION:-10s}
dpkg-query -W -f='${Status}' wrk 2>/dev/null | grep -q "install ok installed" ||
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
tmp=$(mktemp -d)
PGDIR=$ROOT/${BUILD:-build}/pg-bench
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; scripts/pg-cluster stop "$PGDIR" >/dev/null 2>&1 || true; rm -rf "$tmp"; }
trap cleanup EXIT

run() {  # NAME URL
  local name=$1 url=$2
  MOTCUA_DATABASE_URL=$url "$BIN" import catalog/hanoi >/dev/null
  MOTCUA_LISTEN=127.0.0.1:18082 MOTCUA_DATABASE_URL=$url MOTCUA_DATA_DIR="$tmp/data" MOTCUA_LOG_LEVEL=warn \
    "$BIN" serve >"$tmp/$name.log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do curl -fs http://127.0.0.1:18082/healthz >/dev/null && break; sleep 0.1; done
  curl -fs 'http://127.0.0.1:18082/api/v1/procedures?q=giay%20phep' | head -c 120; echo
  echo "$name: GET /api/v1/procedures?q=giay%20phep"
  wrk -t2 -c64 -d"$DURATION" 'http://127.0.0.1:18082/api/v1/procedures?q=giay%20phep' | grep -E 'Requests/sec|Latency'
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
}

run sqlite "sqlite://$tmp/bench.db"
pg=$(scripts/pg-cluster start "$PGDIR")
psql "$pg" -qc 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' >/dev/null
run postgres "$pg"
