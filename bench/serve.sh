#!/usr/bin/env bash
# bench/run serve: latency of the embedded web app, then (with wrk and nginx installed) its
# throughput next to nginx serving a saved copy of the same reader page. Everything listens on
# 127.0.0.1 only and is stopped at the end.
set -euo pipefail
JAVA="$1"; CP="$2"; shift 2
WORKS="${1:-300}"; REQUESTS="${2:-4000}"
WORK="$(mktemp -d /tmp/quire-serve.XXXXXX)"
cleanup() {
  [ -n "${QPID:-}" ] && kill "$QPID" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

"$JAVA" --enable-native-access=ALL-UNNAMED -Xmx1g -cp "$CP" org.quire.bench.ServeBench \
  "$WORKS" "$REQUESTS" "$WORK" > "$WORK/serve.log" 2>"$WORK/serve.err" &
QPID=$!
until grep -q "until killed" "$WORK/serve.log" 2>/dev/null; do
  kill -0 "$QPID" 2>/dev/null || { cat "$WORK/serve.err" >&2; exit 1; }
  sleep 1
done
grep -v "until killed" "$WORK/serve.log"

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  echo "wrk or nginx is not installed: skipping the throughput comparison (apt-get install wrk nginx)."
  exit 0
fi
PAGE="/works/1/chapters/2"
mkdir -p "$WORK/www"
curl -s "http://127.0.0.1:7071$PAGE" > "$WORK/www/page.html"
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp;
  uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  server { listen 127.0.0.1:7072; root $WORK/www; location / { default_type text/html; } }
}
CONF
mkdir -p "$WORK/tmp"
nginx -c "$WORK/nginx.conf" -p "$WORK"
sleep 1
echo
echo "Throughput, wrk -t2 -c16 -d10s on loopback after a 5 s warm-up (nginx: 1 worker; the machine has $(nproc) cores):"
echo "| Server and page | requests/s | p50 ms | p99 ms |"
echo "| --- | ---: | ---: | ---: |"
run() {
  local label="$1" url="$2"
  # A discarded warm-up first: the JVM compiles the hot path during the first seconds of load.
  wrk -t2 -c16 -d5s "$url" > /dev/null
  wrk -t2 -c16 -d10s --latency "$url" > "$WORK/wrk.out"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")
  p50=$(awk '$1=="50%" {print $2}' "$WORK/wrk.out")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/wrk.out")
  echo "| $label | $rps | $p50 | $p99 |"
}
run "nginx, saved copy of the reader page" "http://127.0.0.1:7072/page.html"
curl -s "http://127.0.0.1:7071/works" > "$WORK/www/works.html"
run "nginx, saved copy of the listing" "http://127.0.0.1:7072/works.html"
run "Quire, reader page $PAGE (visitor)" "http://127.0.0.1:7071$PAGE"
run "Quire, static CSS" "http://127.0.0.1:7071/assets/quire.css"
run "Quire, listing /works (visitor)" "http://127.0.0.1:7071/works"
run "Quire, search /search?q=river (visitor)" "http://127.0.0.1:7071/search?q=river"

# The reader page against nginx in alternating rounds: the machine's speed drifts over a run, so
# each ratio compares two measurements taken seconds apart.
echo
echo "Reader page vs nginx, three alternating rounds of wrk -t2 -c16 -d10s:"
echo "| Round | nginx requests/s | Quire requests/s | Quire / nginx |"
echo "| --- | ---: | ---: | ---: |"
for round in 1 2 3; do
  wrk -t2 -c16 -d10s "http://127.0.0.1:7072/page.html" > "$WORK/wrk.out"
  n=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")
  wrk -t2 -c16 -d10s "http://127.0.0.1:7071$PAGE" > "$WORK/wrk.out"
  q=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")
  echo "| $round | $n | $q | $(awk -v q="$q" -v n="$n" 'BEGIN {printf "%.0f %%", 100 * q / n}') |"
done

# Sustained load: 60 s (QUIRE_LOAD_SECONDS) on each page; every response must be a 200.
SECS="${QUIRE_LOAD_SECONDS:-60}"
echo
echo "Sustained load, wrk -t2 -c8 -d${SECS}s each; errors = socket errors + non-2xx responses:"
echo "| Page | requests | requests/s | p99 | errors |"
echo "| --- | ---: | ---: | ---: | ---: |"
for page in "$PAGE" "/works" "/search?q=river"; do
  wrk -t2 -c8 -d"${SECS}s" --latency "http://127.0.0.1:7071$page" > "$WORK/wrk.out"
  total=$(awk '/requests in/ {print $1}' "$WORK/wrk.out")
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/wrk.out")
  sock=$(awk '/Socket errors/ {gsub(",", ""); print $4+$6+$8+$10}' "$WORK/wrk.out")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$WORK/wrk.out")
  echo "| $page | $total | $rps | $p99 | $(( ${sock:-0} + ${non2xx:-0} )) |"
done
