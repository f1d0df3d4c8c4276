#!/usr/bin/env bash
# dyad's accuracy figures, as the README reports them. Needs ../shared beside the repository.
# Usage: bench/accuracy.sh   (builds the release binary first; DYAD_BIN=path uses that binary instead)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${DYAD_BIN:-}" ]; then
  cargo build --release -p dyad >&2
fi
R=${DYAD_BIN:-./target/release/dyad}
S=../shared/data
U=$S/universal-petrarch
P=$S/petrarch2
run() { echo "### $1"; echo "\`\`\`"; shift; "$@" 2>/dev/null; echo "\`\`\`"; }
for mode in own given; do
  run "UD-PETRARCH 2.02 validation records, --parse $mode" \
    $R validate --parse $mode --dict $U $U/PETR_Validate_records_2_02.xml
  run "PETRARCH unit-test records with PETR.Validate.*, --parse $mode" \
    $R validate --parse $mode --dict $P/PETR.Validate.verbs.txt --dict $P/PETR.Validate.actors.txt \
      --dict $P/PETR.Validate.agents.txt --dict $P/PETR.Validate.discards.txt $P/PETR.UnitTest.records.xml
done
run "UD-PETRARCH 2.02 validation records, --parse own, future acts as the CAMEO codebook codes them (--future-acts intent; validate's default is the records' own convention, act)" \
  $R validate --parse own --future-acts intent --dict $U $U/PETR_Validate_records_2_02.xml
run "PETR2 GSR validation (default dictionaries; expected codes partly PETRARCH-2's own output)" \
  $R validate $U/PETR2_GSR_validation.xml
run "CAMEO manual examples (default dictionaries)" python3 bench/cameo_examples.py $R
