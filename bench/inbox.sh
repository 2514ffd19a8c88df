#!/usr/bin/env bash
# Benchmark (issue 6): the officers' inbox with 1,000,000 dossiers, and actions/s.
#   bench/inbox.sh [sqlite|postgres|both]      (N=1000000 by default; DURATION=10s)
# The Hanoi catalog and the demo accounts come from `motcua demo`; the dossiers are bulk-inserted
# with SQL (every district and department, a quarter of them at Ba Đình, states spread like a
# working system: most returned, the rest at every step). Then, with badinh.motcua's session:
# wrk --latency (16 connections unless said) on the inbox's first page (also by one officer
# alone), a deep page, a status filter and a name search (p50/p99 and requests/s), and bench/actions.mjs receiving submitted dossiers (actions/s).
# Prints figures; never fails on timing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN=${BIN:-build/src/app/motcua}
N=${N:-1000000}
DURATION=${DURATION:-10s}
WHICH=${1:-both}
PORT=18083
for p in wrk sqlite3 postgresql-client; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null
done
tmp=$(mktemp -d)
PGDIR=$ROOT/${BUILD:-build}/pg-bench
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; scripts/pg-cluster stop "$PGDIR" >/dev/null 2>&1 || true; rm -rf "$tmp"; }
trap cleanup EXIT
# The server wants a built front end; an empty page does when web/ is not built.
STATIC=${MOTCUA_STATIC_DIR:-web/dist}
if [ ! -f "$STATIC/index.html" ]; then STATIC=$tmp/static; mkdir -p "$STATIC"; echo '<!doctype html>' >"$STATIC/index.html"; fi

# The bulk insert: dossier i goes to Ba Đình when i % 4 = 0, else to one of the districts and
# departments; its day is i / 10000 days after 2026-08-20 and its number i % 10000 (codes unique).
STATES="CASE (i / 4) % 20 WHEN 0 THEN 'submitted' WHEN 1 THEN 'received' WHEN 2 THEN 'assigned'
  WHEN 3 THEN 'proposed' WHEN 4 THEN 'reviewed' WHEN 5 THEN 'approved' WHEN 6 THEN 'issued'
  WHEN 7 THEN 'awaiting_supplement' ELSE 'returned' END"
NAMES="CASE i % 8 WHEN 0 THEN 'Nguyễn Văn An' WHEN 1 THEN 'Trần Thị Bình' WHEN 2 THEN 'Lê Văn Cường'
  WHEN 3 THEN 'Phạm Thị Dung' WHEN 4 THEN 'Hoàng Văn Em' WHEN 5 THEN 'Vũ Thị Giang'
  WHEN 6 THEN 'Đặng Văn Hùng' ELSE 'Bùi Thị Lan' END"
FOLDED="CASE i % 8 WHEN 0 THEN 'nguyen van an' WHEN 1 THEN 'tran thi binh' WHEN 2 THEN 'le van cuong'
  WHEN 3 THEN 'pham thi dung' WHEN 4 THEN 'hoang van em' WHEN 5 THEN 'vu thi giang'
  WHEN 6 THEN 'dang van hung' ELSE 'bui thi lan' END"
# Columns from one generated row `g` (i, agency, day, state, name): the same for both dialects.
SELECT_COLS="agency || '-' || yymmdd || '-' || seq, 'x', applicant, 'H26.QH.XD.01', 1, agency, state, '{}', 1,
  day || 'T08:00:00+07:00', day || 'T09:00:00+07:00', day || 'T09:00:00+07:00', day || 'T09:00:00+07:00',
  CASE WHEN state = 'submitted' THEN NULL ELSE due || 'T09:00:00+07:00' END,
  'standard', 15, 'working_days', 'qldt',
  CASE WHEN state IN ('assigned', 'awaiting_supplement', 'proposed') THEN 'badinh.chuyenvien' END,
  CASE state WHEN 'returned' THEN 'stopped' WHEN 'awaiting_supplement' THEN 'paused'
    WHEN 'submitted' THEN 'not_started' ELSE 'running' END,
  day || 'T09:00:00+07:00', '', name, folded, 'citizen'"
INSERT_COLS="code, lookup_secret_hash, applicant_id, procedure_code, procedure_version, agency_code, status,
  form_data, version, created_at, updated_at, submitted_at, received_at, due_at, workflow, statutory_amount,
  statutory_unit, unit_key, assignee, clock, step_since, step_giver, applicant_name, applicant_folded, applicant_kind"

fill_sqlite() {  # DBFILE
  sqlite3 "$1" <<SQL
PRAGMA synchronous = OFF;
BEGIN;
CREATE TEMP TABLE ag AS SELECT code, ROW_NUMBER() OVER (ORDER BY code) - 1 AS k
  FROM agencies WHERE tier IN ('district', 'department');
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $N - 1),
g AS (
  SELECT i,
    CASE WHEN i % 4 = 0 THEN '000.00.19.H26'
      ELSE (SELECT code FROM ag WHERE k = (i / 4) % (SELECT COUNT(*) FROM ag)) END AS agency,
    date('2026-08-20', '+' || (i / 10000) || ' days') AS day,
    strftime('%y%m%d', date('2026-08-20', '+' || (i / 10000) || ' days')) AS yymmdd,
    date('2026-08-20', '+' || (i / 10000 + 21) || ' days') AS due,
    printf('%04d', i % 10000 + 1) AS seq,
    $STATES AS state, $NAMES AS name, $FOLDED AS folded,
    (SELECT id FROM users WHERE username = 'congdan') AS applicant
  FROM n)
INSERT INTO dossiers ($INSERT_COLS) SELECT $SELECT_COLS FROM g;
COMMIT;
ANALYZE;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
}

fill_postgres() {  # URL
  psql -q "$1" <<SQL
SET synchronous_commit = off;
BEGIN;
CREATE TEMP TABLE ag AS SELECT code, (ROW_NUMBER() OVER (ORDER BY code) - 1)::int AS k
  FROM agencies WHERE tier IN ('district', 'department');
INSERT INTO dossiers ($INSERT_COLS)
SELECT $SELECT_COLS FROM (
  SELECT i,
    CASE WHEN i % 4 = 0 THEN '000.00.19.H26'
      ELSE (SELECT code FROM ag WHERE k = (i / 4) % (SELECT COUNT(*) FROM ag)) END AS agency,
    to_char(date '2026-08-20' + (i / 10000)::int, 'YYYY-MM-DD') AS day,
    to_char(date '2026-08-20' + (i / 10000)::int, 'YYMMDD') AS yymmdd,
    to_char(date '2026-08-20' + (i / 10000 + 21)::int, 'YYYY-MM-DD') AS due,
    lpad((i % 10000 + 1)::text, 4, '0') AS seq,
    $STATES AS state, $NAMES AS name, $FOLDED AS folded,
    (SELECT id FROM users WHERE username = 'congdan') AS applicant
  FROM generate_series(0, $N - 1) AS s(i)) g;
COMMIT;
-- What autovacuum does in a running system: the visibility map lets the inbox use index-only scans.
-- (Right after the load one pass leaves about half the pages not yet all-visible; a second does the rest.)
VACUUM ANALYZE dossiers;
VACUUM dossiers;
SQL
}

# wrk prints latency percentiles with --latency; keep p50, p99 and requests/s.
measure() {  # LABEL PATH COOKIE [CONNECTIONS]
  local out conns=${4:-16}
  out=$(wrk -t"$((conns < 2 ? 1 : 2))" -c"$conns" -d"$DURATION" --latency -H "Cookie: motcua_session=$3" "http://127.0.0.1:$PORT$2")
  printf '  %-34s p50 %8s  p99 %8s  %10s req/s\n' "$1" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
}

run() {  # NAME URL FILL TARGET
  local name=$1 url=$2
  echo "== $name: $N dossiers"
  if [ -z "${REUSE:-}" ]; then
    MOTCUA_DATABASE_URL=$url MOTCUA_PASSWORD_COST=min MOTCUA_DEMO_DOSSIERS=false "$BIN" demo >/dev/null
    local started=$SECONDS
    "$3" "$4"
    echo "  bulk insert + analyze: $((SECONDS - started)) s"
  fi
  MOTCUA_LISTEN=127.0.0.1:$PORT MOTCUA_DATABASE_URL=$url MOTCUA_DATA_DIR="$tmp/data" MOTCUA_LOG_LEVEL=warn \
    MOTCUA_STATIC_DIR="$STATIC" MOTCUA_SWEEP_SECONDS=0 MOTCUA_PASSWORD_COST=min "$BIN" serve >"$tmp/$name.log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
  local cookie
  cookie=$(curl -fsi -H 'content-type: application/json' -d '{"username":"badinh.motcua","password":"Demo@2017"}' \
    "http://127.0.0.1:$PORT/api/v1/auth/login" | sed -n 's/^[Ss]et-[Cc]ookie: motcua_session=\([^;]*\).*/\1/p')
  curl -fs -H "Cookie: motcua_session=$cookie" "http://127.0.0.1:$PORT/api/v1/inbox" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);console.log("  badinh.motcua inbox total "+j.total+", counts "+JSON.stringify(j.counts))})'
  measure "inbox page 1, one officer" "/api/v1/inbox" "$cookie" 1
  measure "inbox page 1, 16 at once" "/api/v1/inbox" "$cookie"
  measure "inbox page 500" "/api/v1/inbox?page=500" "$cookie"
  measure "inbox status=issued page 20" "/api/v1/inbox?status=issued&page=20" "$cookie"
  measure "inbox q=bui lan (name search)" "/api/v1/inbox?q=bui%20lan" "$cookie"
  node bench/actions.mjs "http://127.0.0.1:$PORT" "${ACTIONS:-2000}"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
}

if [ "$WHICH" = sqlite ] || [ "$WHICH" = both ]; then
  db=${REUSE:-$tmp/bench.db}  # REUSE=<file>: a database filled by an earlier run (kept by KEEP=<file>)
  run sqlite "sqlite://$db" fill_sqlite "$db"
  if [ -n "${KEEP:-}" ] && [ -z "${REUSE:-}" ]; then cp "$db" "$KEEP"; fi
fi
if [ "$WHICH" = postgres ] || [ "$WHICH" = both ]; then
  pg=$(scripts/pg-cluster start "$PGDIR")
  psql "$pg" -qc 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' >/dev/null
  run postgres "$pg" fill_postgres "$pg"
fi
