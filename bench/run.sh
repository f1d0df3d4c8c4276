#!/usr/bin/env bash
# dyad's throughput/memory benchmark: builds the release binary, generates a synthetic
# news-like corpus (bench/gen_corpus.py, text written for dyad), and runs `dyad bench`,
# which times each stage on one thread against a whitespace-split baseline measured in
# the same run, plus dictionary load time and peak RSS.
# Usage: bench/run.sh [N_DOCS]   (default 1000 documents ≈ 11,000 sentences)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000}"
mkdir -p bench/out
cargo build --release -p dyad
python3 bench/gen_corpus.py "$n" > "bench/out/corpus-$n.jsonl"
./target/release/dyad bench "bench/out/corpus-$n.jsonl"
./target/release/dyad bench --json "bench/out/corpus-$n.jsonl" > "bench/out/bench-$n.json"
echo "figures written to bench/out/bench-$n.json"
