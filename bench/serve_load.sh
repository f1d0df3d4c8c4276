#!/usr/bin/env bash
# Loopback load test of `dyad serve` (issue 5): requests/s and p99 latency
# for /api/series and /api/events on a store of >= 1,000,000 events.
# Bounded: 2 endpoints x DURATION seconds (default 10 s each), loopback only.
# Usage: bash bench/serve_load.sh [STORE.db]
#   Without STORE.db, generates 1,000,000 events with dyad-store's store_bench
#   example (release build, ~1.5 min) into a temporary directory.
#   DYAD_BIN picks the binary (default target/release/dyad); needs `wrk` (Debian package).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGET=${CARGO_TARGET_DIR:-target}
DYAD=${DYAD_BIN:-$TARGET/release/dyad}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-8}
command -v wrk > /dev/null || { apt-get update -qq && apt-get install -y -qq wrk > /dev/null; }
[ -x "$DYAD" ] || cargo build --release -p dyad > /dev/null
WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
DB=${1:-}
if [ -z "$DB" ]; then
  cargo build --release -p dyad-store --example store_bench > /dev/null
  DB=$WORK/big.db
  "$TARGET/release/examples/store_bench" 1000000 "$DB" | head -2
fi
EVENTS=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from events').fetchone()[0])" "$DB")
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$DYAD" serve --db "$DB" --addr "127.0.0.1:$PORT" > "$WORK/serve.log" 2>&1 &
SERVER_PID=$!
URL=http://127.0.0.1:$PORT
for _ in $(seq 1 100); do curl -fsS "$URL/api/health" > /dev/null 2>&1 && break; sleep 0.2; done
curl -fsS "$URL/api/health" > /dev/null
echo "store: $DB ($EVENTS events); server: $DYAD; wrk -t1 -c$CONNECTIONS -d${DURATION}s --latency"
printf '%-58s %10s %9s %9s\n' endpoint req/s p50 p99
for path in "/api/series?dyad=CHN-KEN&by=month" "/api/events?dyad=CHN-KEN&quad=4&limit=100"; do
  curl -fsS "$URL$path" > /dev/null  # warm the page cache
  out=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$URL$path")
  rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
  p50=$(awk '$1=="50%" {print $2}' <<< "$out")
  p99=$(awk '$1=="99%" {print $2}' <<< "$out")
  errors=$(awk '/Non-2xx/ {print $NF}' <<< "$out")
  printf '%-58s %10s %9s %9s\n' "$path" "$rps" "$p50" "$p99"
  [ -z "$errors" ] || { echo "non-2xx responses: $errors"; echo "$out"; exit 1; }
done
