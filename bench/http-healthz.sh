#!/usr/bin/env bash
# Benchmark: wrk -t2 -c64 -d10s on motcua's /healthz next to nginx serving a static file, in one run.
# Prints requests/s for both. Not a test: it never fails on timing.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-build/src/app/motcua}
DURATION=${DURATION:-10s}
for p in wrk nginx-light; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null; }
done
tmp=$(mktemp -d)
trap 'kill $motcua_pid 2>/dev/null || true; nginx -c "$tmp/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$tmp"' EXIT

MOTCUA_LISTEN=127.0.0.1:18080 MOTCUA_DATABASE_URL="sqlite://$tmp/bench.db" MOTCUA_DATA_DIR="$tmp/data" \
  MOTCUA_LOG_LEVEL=warn "$BIN" serve >"$tmp/motcua.log" 2>&1 &
motcua_pid=$!

mkdir -p "$tmp/www"
echo '{"status":"ok"}' >"$tmp/www/healthz"
cat >"$tmp/nginx.conf" <<NGINX
worker_processes 1;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:18081;
    root $tmp/www;
  }
}
NGINX
nginx -c "$tmp/nginx.conf"
for _ in $(seq 50); do curl -fs http://127.0.0.1:18080/healthz >/dev/null && break; sleep 0.1; done

# The access log goes to stdout; send it to a file so the terminal is not the bottleneck.
echo "motcua /healthz (access log to a file):"
wrk -t2 -c64 -d"$DURATION" http://127.0.0.1:18080/healthz | grep -E 'Requests/sec|Latency'
echo "nginx static file (1 worker, no access log):"
wrk -t2 -c64 -d"$DURATION" http://127.0.0.1:18081/healthz | grep -E 'Requests/sec|Latency'
