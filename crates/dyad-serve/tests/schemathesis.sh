#!/usr/bin/env bash
# Property-based API test: schemathesis generates requests from
# /api/openapi.json against `dyad serve` on a store of the samples and a
# generated corpus; any 5xx (or a response off the documented schema)
# fails. Bounded: --max-examples 30 per operation, well under 2 minutes.
# Usage: crates/dyad-serve/tests/schemathesis.sh   (DYAD_BIN=path/to/dyad; default target/release/dyad, else target/debug/dyad)
# Needs python3 with venv; installs schemathesis into target/schemathesis-venv.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
# shellcheck source=test_server.sh
. "$HERE/test_server.sh"
find_dyad schemathesis.sh || exit 2
VENV=${SCHEMATHESIS_VENV:-$ROOT/target/schemathesis-venv}
if [ ! -x "$VENV/bin/schemathesis" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "schemathesis==4.32.5" "hypothesis==6.170.17"
fi
command -v curl > /dev/null || { apt-get update -qq && apt-get install -y -qq curl > /dev/null; }
trap stop_server EXIT
start_server
# Hypothesis keeps its example database in the working directory. One worker: with two,
# hypothesis's lambda introspection raced ("AST constructor recursion depth mismatch").
cd "$WORK"
timeout 170 "$VENV/bin/schemathesis" run "$DYAD_URL/api/openapi.json" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --max-examples 30 --phases examples,coverage,fuzzing --workers 1 --no-color --seed 1
