#!/usr/bin/env python3
"""Move spaCy (OntoNotes-style) silver tags towards classic Penn Treebank
conventions, as used by the parsers that produced PETRARCH's gold trees:
  * `to` is always TO in the PTB guidelines (OntoNotes tags prepositional
    `to` as IN);
  * `about` before a phrase is IN (spaCy often says RB/JJ); `at least` is IN JJS;
  * plural-looking proper names after a determiner or proper noun
    (`the United States`, `the Philippines`) are NNPS.
Usage: fix_conventions.py < in.tsv > out.tsv"""
import sys


def fix(sent):
    out = []
    for i, (w, t) in enumerate(sent):
        nxt = sent[i + 1][0] if i + 1 < len(sent) else "."
        prev_w, prev_t = sent[i - 1] if i > 0 else ("", "")
        lw = w.lower()
        if lw == "to" and t in ("IN", "TO"):
            t = "TO"
        elif lw == "least" and prev_w.lower() == "at":
            t = "JJS"
        elif lw == "about" and t in ("RB", "JJ") and nxt[:1].isalnum():
            t = "IN"
        elif (t == "NNP" and len(w) >= 5 and w[0].isupper() and w[1:].islower() and w.endswith("s")
              and not w.endswith(("ss", "us", "is", "os", "as")) and prev_t in ("NNP", "NNPS", "DT")
              and prev_w.lower() != "'s"):
            t = "NNPS"
        out.append((w, t))
    return out


def main():
    sent = []
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line:
            if sent:
                sys.stdout.write("".join(f"{w}\t{t}\n" for w, t in fix(sent)) + "\n")
            sent = []
            continue
        w, t = line.split("\t")
        sent.append((w, t))
    if sent:
        sys.stdout.write("".join(f"{w}\t{t}\n" for w, t in fix(sent)) + "\n")


if __name__ == "__main__":
    main()
