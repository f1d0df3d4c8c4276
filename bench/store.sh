#!/usr/bin/env bash
# Store benchmark (issue 4): ingest rate of `dyad ingest` over generated
# documents (coding included), then series/query latency over >= 1,000,000
# stored events generated directly (the store path only).
# Usage: bash bench/store.sh [N_DOCS=10000] [N_EVENTS=1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
N_DOCS=${1:-10000}
N_EVENTS=${2:-1000000}
PROFILE=${PROFILE:-release}
FLAG=$([ "$PROFILE" = release ] && echo --release || echo)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
cargo build $FLAG -p dyad -p dyad-store --example store_bench >/dev/null
DYAD="$CARGO_TARGET_DIR/$PROFILE/dyad"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 bench/gen_corpus.py "$N_DOCS" > "$WORK/corpus.jsonl"
echo "== dyad ingest: $N_DOCS generated documents"
"$DYAD" ingest --db "$WORK/ingest.db" "$WORK/corpus.jsonl" 2>&1 | tail -1
echo "== again (all duplicates, nothing coded)"
"$DYAD" ingest --db "$WORK/ingest.db" "$WORK/corpus.jsonl" 2>&1 | tail -1
echo "== store_bench: $N_EVENTS generated events"
"$CARGO_TARGET_DIR/$PROFILE/examples/store_bench" "$N_EVENTS" "$WORK/big.db"
echo "== CLI wall time over the same store (process start included)"
for args in "series --dyad CHN-KEN --by month" "query --source CHN --target KEN --root 04 --from 2020-01-01 --to 2020-12-31 --limit 100"; do
  s=$(date +%s.%N); "$DYAD" $args --db "$WORK/big.db" > /dev/null; e=$(date +%s.%N)
  printf 'dyad %s: %.0f ms\n' "$args" "$(echo "($e - $s) * 1000" | bc)"
done
