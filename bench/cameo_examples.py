#!/usr/bin/env python3
"""Real-world check: code the CAMEO manual's example sentences and compare.

Reads ../shared/data/cameo/cameo-codes.csv (column `example`, expected `code`), codes every
example with `dyad code` (default dictionaries; the example sentences are news text and are read
from ../shared at run time, never copied), and reports the share of examples where dyad produces
an event with the expected root, and with the exact code.

Usage: python3 bench/cameo_examples.py [path/to/dyad] [--show-misses]
"""
import csv, io, json, os, re, subprocess, sys, tempfile
from collections import Counter

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
csv_path = os.path.join(root, "..", "shared", "data", "cameo", "cameo-codes.csv")
dyad = next((a for a in sys.argv[1:] if not a.startswith("--")), os.path.join(root, "target", "release", "dyad"))
show = "--show-misses" in sys.argv
if not os.path.exists(csv_path):
    print(f"skipped: {csv_path} not found")
    sys.exit(0)

rows = []
def unmangle(m):
    # The codebook's typographic punctuation was UTF-8 read as Mac Roman and saved as
    # Windows-1252 ("\x82\xc4\xf4" for a right single quote); undo that per run.
    try:
        return m.group(0).encode("latin-1").decode("cp1252").encode("mac_roman").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return m.group(0)

with open(csv_path, encoding="latin-1", newline="") as f:
    text = re.sub(r"(?:\x82\xc4[\x80-\xff])+|\xac\xa3", lambda m: unmangle(m) if m.group(0) != "\xac\xa3" else "\u00a3", f.read())
    for r in csv.DictReader(io.StringIO(text)):
        ex = (r.get("example") or "").strip()
        # The codebook appends coder's notes ("Note: Two reciprocal events are coded ...").
        ex = ex.split(" Note:")[0].split("Note:")[0].strip()
        if ex and ex != "NA":
            rows.append((r["code"].strip(), ex))

with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as tmp:
    for i, (code, ex) in enumerate(rows):
        tmp.write(json.dumps({"id": f"ex{i}", "text": ex, "date": "2000-01-01"}) + "\n")
out = subprocess.run([dyad, "code", tmp.name], capture_output=True, text=True, check=True).stdout
os.unlink(tmp.name)
got = {}
for line in out.splitlines():
    e = json.loads(line)
    got.setdefault(e["doc_id"], []).append(e["code"])

root_hits = exact_hits = any_event = 0
per_root = Counter(); per_root_hit = Counter()
for i, (code, ex) in enumerate(rows):
    codes = got.get(f"ex{i}", [])
    any_event += bool(codes)
    r = code[:2]
    per_root[r] += 1
    if any(c[:2] == r for c in codes):
        root_hits += 1
        per_root_hit[r] += 1
    if code in codes:
        exact_hits += 1
    elif show:
        print(f"MISS {code}: got {codes} | {ex[:150]}")
n = len(rows)
print("root  examples  root-hits")
for r in sorted(per_root):
    print(f"{r}    {per_root[r]:8d}  {per_root_hit[r]:9d}")
print(f"examples: {n}; with any event: {any_event} ({100*any_event/n:.1f}%)")
print(f"expected root produced: {root_hits}/{n} = {100*root_hits/n:.1f}%")
print(f"exact code produced:    {exact_hits}/{n} = {100*exact_hits/n:.1f}%")
