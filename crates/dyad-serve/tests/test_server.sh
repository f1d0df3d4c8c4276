# Sourced by the browser and schemathesis scripts: builds a test store from
# the project's samples and a generated corpus, and starts `dyad serve` on a
# free loopback port. Sets WORK, DYAD_URL, SERVER_PID; stop_server cleans up.
# Needs: ROOT (repository root), DYAD (the dyad binary).

start_server() {
  WORK=$(mktemp -d)
  python3 "$ROOT/bench/gen_corpus.py" 200 > "$WORK/corpus.jsonl"
  "$DYAD" ingest --db "$WORK/test.db" "$ROOT"/samples/* "$WORK/corpus.jsonl" > "$WORK/ingest.log" 2>&1 \
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
