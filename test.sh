#!/usr/bin/env bash
# dyad's whole test suite — the README's test command, run by CI through .ci/run.
#   1. build the dyad binary (debug profile, shared with cargo test)
#   2. dashboard browser test (Debian chromium + playwright-core) and schemathesis API fuzz,
#      each against `dyad serve` on a loopback port the script starts and stops
#   3. the Spark scale-out check, when spark/ci_test.sh is present (real standalone master + worker)
#   4. every Rust unit, integration, golden and property test
set -euo pipefail
cd "$(dirname "$0")"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
cargo build -p dyad
export DYAD_BIN="$CARGO_TARGET_DIR/debug/dyad"
bash crates/dyad-serve/web/run-browser-test.sh
bash crates/dyad-serve/tests/schemathesis.sh
if [ -x spark/ci_test.sh ] && [ "${DYAD_SKIP_SPARK:-}" != 1 ]; then
  bash spark/ci_test.sh
fi
cargo test --workspace
