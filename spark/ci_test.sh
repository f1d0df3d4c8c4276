#!/usr/bin/env bash
# End-to-end test of dyad on Spark: a real standalone master and worker on
# 127.0.0.1 (from the PyPI pyspark package), the job over a generated corpus
# with one task killed mid-run, and checks against plain `dyad code`,
# `dyad series` and `dyad import-parquet`. Exit status non-zero on mismatch.
#
#   bash spark/ci_test.sh            # DYAD_SPARK_DOCS=6000 by default
# Env: DYAD_BIN (default target/release/dyad, built when absent),
#      DYAD_SPARK_DOCS, DYAD_SPARK_KEEP=1 (keep the work directory).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
N_DOCS=${DYAD_SPARK_DOCS:-6000}
DYAD=${DYAD_BIN:-$ROOT/target/release/dyad}
FALLBACK_DATE=2025-01-01
say() { echo "spark-ci: $*" >&2; }

# shellcheck source=spark/cluster.sh
source spark/cluster.sh
ensure_pyspark
if [ ! -x "$DYAD" ]; then
  say "building $DYAD"
  cargo build --release -p dyad
  DYAD=${CARGO_TARGET_DIR:-$ROOT/target}/release/dyad
fi

python3 -m unittest spark/test_dyad_spark.py > /tmp/dyad-spark-unit.$$ 2>&1 \
  || { cat /tmp/dyad-spark-unit.$$ >&2; rm -f /tmp/dyad-spark-unit.$$; say "unit tests failed"; exit 1; }
say "unit tests: $(tail -1 /tmp/dyad-spark-unit.$$)"; rm -f /tmp/dyad-spark-unit.$$

WORK=$(mktemp -d /tmp/dyad-spark-ci.XXXXXX)
cleanup() {
  stop_cluster
  if [ "${DYAD_SPARK_KEEP:-0}" = 1 ]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
T0=$(date +%s)

# --- the corpus: generated documents plus two that cannot be coded ---------
python3 bench/gen_corpus.py "$N_DOCS" 11 > "$WORK/corpus.jsonl"
printf '%s\n' '{"id": "broken-1", "text": "unterminated' '{"id": "broken-2", "title": "no text"}' >> "$WORK/corpus.jsonl"
EXPECT_ERRORS=2

# --- reference results on this machine --------------------------------------
"$DYAD" code --date "$FALLBACK_DATE" "$WORK/corpus.jsonl" > "$WORK/local.jsonl" 2> "$WORK/local.err"
say "dyad code: $(wc -l < "$WORK/local.jsonl") events; $(grep -c 'line skipped' "$WORK/local.err") lines skipped"
"$DYAD" ingest --db "$WORK/store.db" --date "$FALLBACK_DATE" "$WORK/corpus.jsonl" 2> "$WORK/ingest.err" || { cat "$WORK/ingest.err" >&2; exit 1; }
tail -1 "$WORK/ingest.err" >&2
# Like with like: the store drops exact and near-duplicate documents, which
# the cluster job (one row per coded event) does not detect. The generated
# corpus must have none, or the series comparison would not be fair.
"$DYAD" db check --db "$WORK/store.db" --json > "$WORK/check.json"
python3 - "$WORK/check.json" "$N_DOCS" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
n = int(sys.argv[2])
if r["documents"] != n or r["near_duplicates"] != 0 or r["problems"]:
    sys.exit(f"spark-ci: store not comparable: {r['documents']} documents of {n}, {r['near_duplicates']} near-duplicates, problems {r['problems']}")
EOF

cat > "$WORK/variants.tsv" <<'EOF'
all-month	--by month
all-week	--by week
all-day-one-a-day	--by day --one-a-day
chn-ken-month	--dyad CHN-KEN --by month
rus-tur-directed-year-one-a-day	--dyad RUS-TUR --directed --by year --one-a-day
quad4-month	--quad 4 --by month
EOF
mkdir -p "$WORK/series-store"
while IFS=$'\t' read -r name flags; do
  # shellcheck disable=SC2086
  "$DYAD" series --db "$WORK/store.db" $flags --format jsonl > "$WORK/series-store/$name.jsonl"
done < "$WORK/variants.tsv"

# --- a standalone cluster on 127.0.0.1 -------------------------------------
mkdir -p "$WORK/markers"
start_cluster 2 2g
say "cluster up: $MASTER_URL ($(( $(date +%s) - T0 )) s)"

SUBMIT=("$SPARK_HOME/bin/spark-submit" --master "$MASTER_URL"
  --conf spark.ui.enabled=false --conf spark.task.maxFailures=4
  --executor-memory 1g --driver-memory 1g)

# --- the job, with partitions 1 and 4 killed once mid-run --------------------
"${SUBMIT[@]}" --files "$DYAD" spark/dyad_spark.py code \
  --input "$WORK/corpus.jsonl" --out "$WORK/out" --binary dyad --date "$FALLBACK_DATE" --partitions 6 \
  --test-kill-marker-dir "$WORK/markers" --test-kill-partitions 1,4 > "$WORK/job.log" 2>&1 \
  || { tail -40 "$WORK/job.log" >&2; say "the job failed"; exit 1; }
grep '"documents"' "$WORK/job.log" | tail -1 >&2
KILLED=$(find "$WORK/markers" -name 'killed-*' | wc -l)
LOST=$(grep -c "Lost task" "$WORK/job.log" || true)
say "tasks killed on purpose: $KILLED; 'Lost task' lines in the driver log: $LOST"
if [ "$KILLED" -lt 2 ] || [ "$LOST" -lt 2 ]; then say "the forced retry did not happen"; exit 1; fi

# --- bring the results into a local store -----------------------------------
SERIES_DIRS=(--series-dir "store=$WORK/series-store")
if "$DYAD" import-parquet --help > /dev/null 2>&1; then
  "$DYAD" import-parquet "$WORK/out/events" --db "$WORK/imported.db" >&2
  "$DYAD" import-parquet "$WORK/out/events" --db "$WORK/imported.db" >&2 # again: adds nothing
  "$DYAD" db check --db "$WORK/imported.db" >&2
  mkdir -p "$WORK/series-imported"
  while IFS=$'\t' read -r name flags; do
    # shellcheck disable=SC2086
    "$DYAD" series --db "$WORK/imported.db" $flags --format jsonl > "$WORK/series-imported/$name.jsonl"
  done < "$WORK/variants.tsv"
  SERIES_DIRS+=(--series-dir "imported=$WORK/series-imported")
else
  say "skipped: this dyad has no import-parquet command"
fi

# --- compare ---------------------------------------------------------------
"${SUBMIT[@]}" --py-files spark/dyad_spark.py spark/ci_check.py \
  --local-events "$WORK/local.jsonl" --spark-out "$WORK/out" --expect-errors "$EXPECT_ERRORS" \
  --variants "$WORK/variants.tsv" "${SERIES_DIRS[@]}" > "$WORK/check.log" 2> "$WORK/check.err" \
  || { cat "$WORK/check.log"; grep -v ' INFO \| WARN ' "$WORK/check.err" | tail -40 >&2; say "FAILED"; exit 1; }
cat "$WORK/check.log"
say "passed in $(( $(date +%s) - T0 )) s"
