#!/usr/bin/env bash
# Throughput of the Spark job with 1 and 2 executor cores against plain
# `dyad code` with 1 and 2 threads, on one generated corpus.
#   bash spark/bench.sh [N_DOCS]      (default 20000; DYAD_BIN as in ci_test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
N=${1:-20000}
DYAD=${DYAD_BIN:-$ROOT/target/release/dyad}
# shellcheck source=spark/cluster.sh
source spark/cluster.sh
ensure_pyspark
[ -x "$DYAD" ] || { echo "bench: no $DYAD (cargo build --release -p dyad)" >&2; exit 1; }
WORK=$(mktemp -d /tmp/dyad-spark-bench.XXXXXX)
trap 'stop_cluster; rm -rf "$WORK"' EXIT
python3 bench/gen_corpus.py "$N" 3 > "$WORK/corpus.jsonl"
now() { python3 -c 'import time; print(time.time())'; }
rate() { python3 -c "import sys; n, t = float(sys.argv[1]), float(sys.argv[2]); print(f'{n / t:.0f} docs/s ({t:.1f} s)')" "$N" "$1"; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for threads in 1 2; do
  t0=$(now)
  RAYON_NUM_THREADS=$threads "$DYAD" code --date 2025-01-01 "$WORK/corpus.jsonl" > /dev/null 2>&1
  t1=$(now)
  echo "dyad code, $threads thread(s): $(rate "$(python3 -c "print($t1 - $t0)")")"
done
start_cluster 2 4g
for cores in 1 2; do
  t0=$(now)
  "$SPARK_HOME/bin/spark-submit" --master "$MASTER_URL" --conf spark.ui.enabled=false \
    --total-executor-cores "$cores" --executor-cores "$cores" --executor-memory 1g --driver-memory 1g \
    --files "$DYAD" spark/dyad_spark.py code --input "$WORK/corpus.jsonl" --out "$WORK/out-$cores" \
    --binary dyad --date 2025-01-01 --partitions 8 > "$WORK/job-$cores.log" 2>&1
  t1=$(now)
  job=$(python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['seconds'])" "$WORK/out-$cores/_dyad_summary.json")
  echo "spark, $cores executor core(s): job $(rate "$job"); spark-submit wall $(rate "$(python3 -c "print($t1 - $t0)")")"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
