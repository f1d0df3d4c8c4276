#!/usr/bin/env bash
# Browser test of the dashboard: ingest the samples and a generated corpus
# into a fresh store, start `dyad serve` on a free loopback port, drive
# Debian's chromium with playwright-core (web/tests/dashboard.test.mjs),
# stop the server. Screenshots go to target/dashboard/.
# Usage: crates/dyad-serve/web/run-browser-test.sh   (DYAD_BIN=path/to/dyad to pick the binary;
# default target/release/dyad, else target/debug/dyad). Builds nothing.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
# shellcheck source=../tests/test_server.sh
. "$HERE/../tests/test_server.sh"
find_dyad run-browser-test || exit 2
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null
fi
command -v curl > /dev/null || { apt-get update -qq && apt-get install -y -qq curl > /dev/null; }
(cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error)
trap stop_server EXIT
start_server
export DYAD_URL
export SCREENSHOTS="${SCREENSHOTS:-$ROOT/target/dashboard}"
mkdir -p "$SCREENSHOTS"
cd "$HERE" && node --test tests/
