#!/bin/sh
# Refresh dyad's default dictionaries in crates/dyad-dict/data/ from the MIT-licensed
# PETRARCH-2 / Phoenix files in ../shared/data/petrarch2 (openeventdata/petrarch2 @676801cd).
# They are copied unchanged (their MIT headers kept); dyad's own additions live in
# dyad.*.txt files beside them. Attribution: NOTICE.
set -eu
root="$(cd "$(dirname "$0")/.." && pwd)"
src="${1:-$root/../shared/data/petrarch2}"
out="$root/crates/dyad-dict/data"
mkdir -p "$out"
for f in CAMEO.2.0.txt Phoenix.Countries.actors.txt Phoenix.International.actors.txt \
         Phoenix.MilNonState.actors.txt Phoenix.agents.txt Phoenix.discards.txt; do
  cp "$src/$f" "$out/$f"
done
echo "imported into $out"
