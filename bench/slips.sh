#!/usr/bin/env bash
# Benchmark: printable papers per second — a receipt slip (form 01) and a process-control sheet
# (form 05) rendered to PDF on every request (pango + cairo), and a procedure's paper form (tờ khai,
# rendered once per catalog revision, then cached). SQLite with the demo data; wrk -t2 -c8.
# Prints figures; never fails on timing.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-build/src/app/motcua}
DURATION=${DURATION:-10s}
PORT=18083
dpkg-query -W -f='${Status}' wrk 2>/dev/null | grep -q "install ok installed" ||
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

export MOTCUA_DATABASE_URL="sqlite://$tmp/bench.db" MOTCUA_DATA_DIR="$tmp/data" MOTCUA_PASSWORD_COST=min
"$BIN" demo >/dev/null
MOTCUA_LISTEN=127.0.0.1:$PORT MOTCUA_LOG_LEVEL=warn MOTCUA_DEMO=true "$BIN" serve >"$tmp/serve.log" 2>&1 &
pid=$!
base=http://127.0.0.1:$PORT
for _ in $(seq 100); do curl -fs $base/healthz >/dev/null && break; sleep 0.1; done

# badinh.motcua's session; a received dossier of Ba Đình with its receipt slip.
cookie=$(curl -fsi -H 'Content-Type: application/json' -d '{"username":"badinh.motcua","password":"Demo@2017"}' \
  $base/api/v1/auth/login | sed -n 's/^[Ss]et-[Cc]ookie: motcua_session=\([^;]*\).*/\1/p')
first_id() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).items[0].id))'; }
id=$(curl -fs -H "Cookie: motcua_session=$cookie" "$base/api/v1/dossiers?status=received&per_page=1" | first_id)
slip=$(curl -fs -H "Cookie: motcua_session=$cookie" "$base/api/v1/dossiers/$id/slips" | first_id)
echo "dossier $id, slip $slip"

measure() {  # NAME PATH
  local bytes
  bytes=$(curl -fs -H "Cookie: motcua_session=$cookie" "$base$2" | wc -c)
  echo "$1: GET $2 ($bytes bytes)"
  wrk -t2 -c8 -d"$DURATION" -H "Cookie: motcua_session=$cookie" "$base$2" | grep -E 'Requests/sec|Latency|Non-2xx'
}
measure "form 01 PDF" "/api/v1/dossiers/$id/slips/$slip/pdf"
measure "form 05 PDF" "/api/v1/dossiers/$id/control-sheet/pdf"
measure "paper form PDF (cached)" "/api/v1/procedures/H26.QH.XD.01/blank-form.pdf"
