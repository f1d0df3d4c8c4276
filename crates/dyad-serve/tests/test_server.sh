# Sourced by the browser and schemathesis scripts: finds the dyad binary,
# builds a test store from the project's samples, a generated corpus and the
# synthetic relationship corpus (tests/fixtures/relationship.jsonl; plus the
# seed article from ../shared when it is there), and starts `dyad serve` on
# a free loopback port. Sets DYAD, WORK, DYAD_URL, SERVER_PID; stop_server
# cleans up. Needs: ROOT (repository root).

# DYAD: $DYAD_BIN, else target/release/dyad, else target/debug/dyad (under
# CARGO_TARGET_DIR when set). $1 names the caller in the error message.
find_dyad() {
  DYAD=${DYAD_BIN:-}
  if [ -z "$DYAD" ]; then
    local cand
    for cand in "${CARGO_TARGET_DIR:-$ROOT/target}/release/dyad" "${CARGO_TARGET_DIR:-$ROOT/target}/debug/dyad"; do
      [ -x "$cand" ] && { DYAD=$cand; break; }
    done
  fi
  [ -n "$DYAD" ] && [ -x "$DYAD" ] || { echo "$1: no dyad binary (build it, or set DYAD_BIN)" >&2; return 2; }
}

start_server() {
  WORK=$(mktemp -d)
  python3 "$ROOT/bench/gen_corpus.py" 200 > "$WORK/corpus.jsonl"
  local seed=()
  if [ -f "$ROOT/../shared/seed/china-kenya-focac-2024.txt" ]; then
    seed=("$ROOT/../shared/seed/china-kenya-focac-2024.txt")
  else
    echo "note: ../shared/seed not found: the seed article is not in the test store"
  fi
  "$DYAD" ingest --db "$WORK/test.db" "$ROOT"/samples/* "$WORK/corpus.jsonl" \
    "$ROOT/crates/dyad-serve/tests/fixtures/relationship.jsonl" "${seed[@]}" > "$WORK/ingest.log" 2>&1 \
    || { cat "$WORK/ingest.log"; return 1; }
  tail -1 "$WORK/ingest.log"
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "$DYAD" serve --db "$WORK/test.db" --addr "127.0.0.1:$port" > "$WORK/serve.log" 2>&1 &
  SERVER_PID=$!
  DYAD_URL="http://127.0.0.1:$port"
  for _ in $(seq 1 100); do
    if curl -fsS "$DYAD_URL/api/health" > /dev/null 2>&1; then
      echo "dyad serve up at $DYAD_URL (pid $SERVER_PID)"
      return 0
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
    sleep 0.2
  done
  echo "dyad serve did not come up:"; cat "$WORK/serve.log"
  return 1
}

stop_server() {
  if [ -n "${SERVER_PID:-}" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  [ -n "${WORK:-}" ] && rm -rf "$WORK"
  return 0
}
