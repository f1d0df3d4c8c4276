#!/bin/sh
# Rebuild crates/dyad-phrases/data/{verb-lemmas,verb-exceptions,noun-exceptions}.txt from
# Debian's wordnet-base (apt-get install wordnet-base). WordNet 3.0 licence: see NOTICE.
set -eu
out="$(dirname "$0")/../crates/dyad-phrases/data"
wn=/usr/share/wordnet
hdr='# Derived from WordNet 3.0 (Debian package wordnet-base) by tools/convert_wordnet.sh.
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Licence: see NOTICE.'
{ echo "$hdr"; grep -v '^ ' "$wn/index.verb" | cut -d' ' -f1 | grep -v _; } > "$out/verb-lemmas.txt"
{ echo "$hdr"; cut -d' ' -f1,2 "$wn/verb.exc" | grep -v '^[^ ]*_'; } > "$out/verb-exceptions.txt"
{ echo "$hdr"; cut -d' ' -f1,2 "$wn/noun.exc" | grep -v '^[^ ]*_'; } > "$out/noun-exceptions.txt"
