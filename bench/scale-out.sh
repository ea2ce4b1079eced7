#!/usr/bin/env bash
# bench/run scale-out: the archive on PostgreSQL + OpenSearch. Fills a fresh schema and index,
# measures page latency on one node (as bench/run serve does on the embedded archive), then
# starts a second node on the same servers, puts nginx in front of both (round robin), and loads
# one node alone and then both through the proxy with wrk. Loopback only; everything started
# here is stopped at the end (the servers only if this script started them).
set -euo pipefail
JAVA="$1"; CP="$2"; ROOT="$3"; shift 3
WORKS="${1:-300}"; REQUESTS="${2:-2000}"
WORK="$(mktemp -d /tmp/quire-scale.XXXXXX)"
STARTED=()
cleanup() {
  [ -n "${APID:-}" ] && kill "$APID" 2>/dev/null || true
  [ -n "${BPID:-}" ] && kill "$BPID" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  for s in "${STARTED[@]}"; do "$ROOT/scripts/$s" stop || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
for s in postgres opensearch; do
  "$ROOT/scripts/$s" status || STARTED+=("$s")
done
PG="$("$ROOT/scripts/postgres" start)"
OS="$("$ROOT/scripts/opensearch" start)"
TAG="bench_$(date +%s)"
export QUIRE_DB_URL="$PG?currentSchema=$TAG" QUIRE_SEARCH_URL="$OS" QUIRE_SEARCH_INDEX="${TAG//_/-}"
echo "PostgreSQL $PG (schema $TAG), OpenSearch $OS (index $QUIRE_SEARCH_INDEX-v2)"

QUIRE_BENCH_PORT=7071 "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx1g -cp "$CP" \
  org.quire.bench.ServeBench "$WORKS" "$REQUESTS" "$WORK/a" > "$WORK/a.log" 2>"$WORK/a.err" &
APID=$!
until grep -q "until killed" "$WORK/a.log" 2>/dev/null; do
  kill -0 "$APID" 2>/dev/null || { cat "$WORK/a.err" >&2; exit 1; }
  sleep 1
done
echo "Node A (PostgreSQL + OpenSearch):"
grep -v "until killed" "$WORK/a.log"
QUIRE_BENCH_PORT=7073 "$JAVA" --enable-native-access=ALL-UNNAMED -Xmx1g -cp "$CP" \
  org.quire.bench.ServeNode "$WORK/b" > "$WORK/b.log" 2>"$WORK/b.err" &
BPID=$!
until grep -q "until killed" "$WORK/b.log" 2>/dev/null; do
  kill -0 "$BPID" 2>/dev/null || { cat "$WORK/b.err" >&2; exit 1; }
  sleep 1
done

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  echo "wrk or nginx is not installed: skipping the load test (apt-get install wrk nginx)."
  exit 0
fi
mkdir -p "$WORK/tmp"
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp;
  uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  upstream quire { server 127.0.0.1:7071; server 127.0.0.1:7073; keepalive 32; }
  server {
    listen 127.0.0.1:7074;
    location / {
      proxy_pass http://quire; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Host \$host; proxy_set_header X-Forwarded-Proto http;
    }
  }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK"
sleep 1
# Node B never imported anything: it must serve what node A stored.
for port in 7071 7073; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/works/1/chapters/2")
  echo "node on $port: /works/1/chapters/2 → HTTP $code"
  [ "$code" = 200 ] || exit 1
done
# Node B has served nothing yet: warm its JIT on every page first, unmeasured.
for page in "/works/1/chapters/2" "/works" "/search?q=river"; do
  wrk -t2 -c8 -d10s "http://127.0.0.1:7073$page" > /dev/null
done
echo
echo "Load, wrk -t2 -c16 -d${QUIRE_LOAD_SECONDS:-20}s on loopback; $(nproc) cores shared by wrk, nginx, both nodes, PostgreSQL and OpenSearch:"
echo "| Target and page | requests | requests/s | p50 ms | p99 ms | errors |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
run() {
  local label="$1" url="$2"
  wrk -t2 -c16 -d"${QUIRE_LOAD_SECONDS:-20}s" --latency "$url" > "$WORK/wrk.out"
  local total rps p50 p99 sock non2xx
  total=$(awk '/requests in/ {print $1}' "$WORK/wrk.out")
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")
  p50=$(awk '$1=="50%" {print $2}' "$WORK/wrk.out")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/wrk.out")
  sock=$(awk '/Socket errors/ {gsub(",", ""); print $4+$6+$8+$10}' "$WORK/wrk.out")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$WORK/wrk.out")
  echo "| $label | $total | $rps | $p50 | $p99 | $(( ${sock:-0} + ${non2xx:-0} )) |"
}
for page in "/works/1/chapters/2" "/works" "/search?q=river"; do
  run "node A alone, $page" "http://127.0.0.1:7071$page"
  run "nginx → nodes A+B, $page" "http://127.0.0.1:7074$page"
done
