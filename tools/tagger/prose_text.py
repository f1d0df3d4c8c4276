#!/usr/bin/env python3
"""Plain English sentences from the Python documentation sources shipped
by Debian's `python3.11-doc` (PSF licence), one per line: paragraphs of
reStructuredText with markup stripped, code-like sentences dropped.

Usage: prose_text.py /usr/share/doc/python3.11/html/_sources > prose.txt
"""
import os
import re
import sys

ROLE = re.compile(r":[a-z:]+:`~?([^`<]*?)(\s*<[^>]*>)?`")
LITERAL = re.compile(r"``([^`]*)``")
LINK = re.compile(r"`([^`<]*?)\s*(<[^>]*>)?`_+")
EMPH = re.compile(r"\*{1,2}([^*]+)\*{1,2}")
SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"(])")
CODEY = re.compile(r"[=_{}\[\]<>|\\#@~^]|\w\(|\.\w+\(|::|\w\.\w")


def paragraphs(text):
    para = []
    for line in text.split("\n"):
        if not line.strip():
            if para:
                yield " ".join(para)
            para = []
            continue
        if line.startswith((" ", "\t", "..", "=", "-", "*", "+", "#", ">>>", ":")) or line.rstrip().endswith("::"):
            if para:
                yield " ".join(para)
            para = []
            continue
        para.append(line.strip())
    if para:
        yield " ".join(para)


def clean(p):
    p = ROLE.sub(lambda m: m.group(1), p)
    p = LITERAL.sub(r"\1", p)
    p = LINK.sub(r"\1", p)
    p = EMPH.sub(r"\1", p)
    return p


def main():
    root = sys.argv[1]
    seen = set()
    for dirpath, _, files in sorted(os.walk(root)):
        for f in sorted(files):
            if not f.endswith(".txt"):
                continue
            with open(os.path.join(dirpath, f), encoding="utf-8", errors="replace") as fh:
                text = fh.read()
            for p in paragraphs(text):
                for s in SPLIT.split(clean(p)):
                    s = s.strip()
                    words = s.split()
                    if not (6 <= len(words) <= 45) or s in seen or CODEY.search(s):
                        continue
                    if not s[0].isupper() or s[-1] not in ".!?":
                        continue
                    alpha = sum(w.strip(".,;:!?\"'()").isalpha() for w in words)
                    if alpha < 0.85 * len(words):
                        continue
                    seen.add(s)
                    print(s)


if __name__ == "__main__":
    main()
