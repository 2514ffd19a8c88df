#!/usr/bin/env bash
# Benchmark: online submissions/s — each one a draft, a 2 KB form saved, one 200 KB paper uploaded
# (multipart, streamed, sniffed, stored) and the submit — then public lookups/s of the codes, on
# SQLite (WAL, synchronous=FULL) and on PostgreSQL (fsync and synchronous_commit at their defaults):
# every answer is acknowledged only once on disk. The driver (bench/submit-driver.mjs, node) runs on
# the same cores as the server. Prints figures; never fails on timing.
# Env: BIN (build/src/app/motcua), SECONDS_PER_PHASE (10), CONCURRENCY (16), BUILD (build).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN=${BIN:-build/src/app/motcua}
SECONDS_PER_PHASE=${SECONDS_PER_PHASE:-10}
CONCURRENCY=${CONCURRENCY:-16}
PORT=${PORT:-18083}
tmp=$(mktemp -d)
PGDIR=$ROOT/${BUILD:-build}/pg-bench-submit
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null
  scripts/pg-cluster stop "$PGDIR" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# The API tests' small catalog, its permit's form made of a name, a phone, a 1 200-character
# description and co-owners, so that a filled form is 2 KB of JSON.
mkdir -p "$tmp/static"
cp -r tests/api/fixtures/accounts "$tmp/catalog"
permit=$tmp/catalog/procedures/H26.QH.XD.01.yaml
sed -i '/^form:/,$d' "$permit"
cat >>"$permit" <<'YAML'
form:
  - key: full_name
    type: text
    label: Họ và tên
    required: true
    max_length: 100
  - key: phone
    type: phone
    label: Số điện thoại
    required: true
  - key: description
    type: long_text
    label: Mô tả công trình
    max_length: 2000
  - key: co_owners
    type: repeat
    label: Đồng sở hữu
    max_items: 10
    fields:
      - key: full_name
        type: text
        label: Họ và tên
        required: true
        max_length: 100
      - key: relationship
        type: text
        label: Quan hệ với chủ hộ
        max_length: 50
YAML

run() {  # NAME URL
  local name=$1 url=$2
  local env=(MOTCUA_DATABASE_URL="$url" MOTCUA_CATALOG_DIR="$tmp/catalog" MOTCUA_PASSWORD_COST=min
    MOTCUA_DATA_DIR="$tmp/data-$name" MOTCUA_STATIC_DIR="$tmp/static" MOTCUA_LOG_LEVEL=warn MOTCUA_PURGE_MINUTES=0)
  env "${env[@]}" "$BIN" demo >"$tmp/$name-demo.log" 2>&1
  env "${env[@]}" MOTCUA_LISTEN=127.0.0.1:$PORT "$BIN" serve >"$tmp/$name.log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null || { tail -5 "$tmp/$name.log"; exit 1; }
  echo "== $name: $SECONDS_PER_PHASE s per phase, $CONCURRENCY clients"
  node bench/submit-driver.mjs "http://127.0.0.1:$PORT" "$SECONDS_PER_PHASE" "$CONCURRENCY"
  du -sh "$tmp/data-$name/papers" | sed "s|$tmp/||; s|^|stored papers: |"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
}

run sqlite "sqlite://$tmp/bench.db"
pg=$(scripts/pg-cluster start "$PGDIR")
PGOPTIONS='-c client_min_messages=warning' psql "$pg" -qc 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' >/dev/null
run postgres "$pg"
