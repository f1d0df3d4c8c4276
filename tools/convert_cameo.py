#!/usr/bin/env python3
"""Convert the pinned CAMEO codebook and the CAMEO->PLOVER table from ../shared
into the project's own TSV files (codes, names and Goldstein values only; the
codebook's example sentences are news text and are NOT copied).

Sources (see NOTICE):
  ../shared/data/cameo/cameo-codes.csv         MIT, andybega/icews @3746c72
  ../shared/data/plover/CAMEO2PLOVER-2021.txt  CC BY-SA 4.0, openeventdata/PLOVER @5e0c24f

Run from the repository root: python3 tools/convert_cameo.py
"""
import csv, pathlib, re, sys

root = pathlib.Path(__file__).resolve().parent.parent
shared = root.parent / "shared" / "data"
out = root / "crates" / "dyad-model" / "data"

with open(shared / "cameo" / "cameo-codes.csv", encoding="latin-1", newline="") as f:
    rows = list(csv.DictReader(f))
with open(out / "cameo-codes.tsv", "w", encoding="utf-8") as f:
    f.write("# CAMEO event codes, names and Goldstein scores.\n")
    f.write("# Converted by tools/convert_cameo.py from cameo-codes.csv (andybega/icews @3746c729, MIT).\n")
    f.write("# code\troot\tgoldstein\tname\n")
    for r in rows:
        f.write(f"{r['code']}\t{r['root_code']}\t{float(r['goldstein']):g}\t{r['name'].strip()}\n")

line_re = re.compile(r"^(\d{2,4}):\s*([^#]*?)\s*(?:#.*)?$")
with open(shared / "plover" / "CAMEO2PLOVER-2021.txt", encoding="utf-8") as f, \
        open(out / "cameo2plover.tsv", "w", encoding="utf-8") as o:
    o.write("# CAMEO -> PLOVER (event, mode, context). PLOVER manual draft 0.8, 17-Sep-2021.\n")
    o.write("# Converted by tools/convert_cameo.py from CAMEO2PLOVER-2021.txt (openeventdata/PLOVER @5e0c24fb).\n")
    o.write("# Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), as the source.\n")
    o.write("# code\tevent\tmode\tcontext\n")
    # A code listed twice (the file has "08: CONCEDE" then "08: RETREAT")
    # takes its last, most recent entry.
    table = {}
    for line in f:
        m = line_re.match(line.strip())
        if not m:
            continue
        code, rest = m.groups()
        parts = [p.strip() for p in rest.split(",")]
        parts += [""] * (3 - len(parts))
        event, mode, context = parts[0], parts[1], ",".join(parts[2:]).strip(", ")
        table[code] = (event, mode, context)
    for code in sorted(table):
        o.write(code + "\t" + "\t".join(table[code]) + "\n")
print("wrote", out)
