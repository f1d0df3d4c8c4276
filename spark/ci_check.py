#!/usr/bin/env python3
"""The checks of spark/ci_test.sh, run as a Spark job on the test cluster.

1. The Spark events are the same multiset of (doc_id, sentence, source,
   target, code) as `dyad code` run locally on the same corpus.
2. No event id occurs twice (a killed and retried task added nothing).
3. The error output holds exactly the expected number of documents.
4. For every series variant, the Spark SQL series equals the `dyad series`
   output saved beside it (counts exactly, Goldstein within 1e-6).

Exit status 1 on any mismatch, with what differs on stderr.
"""

import argparse
import json
import os
import sys

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

import dyad_spark

KEY = ["doc_id", "sentence", "source", "target", "code"]


def load_variants(path):
    """Lines `NAME<TAB>dyad series flags` (see ci_test.sh)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                name, flags = line.split("\t", 1)
                out.append((name, flags.split()))
    return out


def series_args(flags):
    p = argparse.ArgumentParser()
    p.add_argument("--by", default="month")
    p.add_argument("--one-a-day", action="store_true")
    p.add_argument("--count", default="store")
    dyad_spark.add_filter_args(p)
    return p.parse_args(flags)


def same_series(name, want, got):
    problems = []
    if [r["period"] for r in want] != [r["period"] for r in got]:
        problems.append(f"{name}: periods differ: dyad {[r['period'] for r in want][:8]}... spark {[r['period'] for r in got][:8]}...")
        return problems
    for w, g in zip(want, got):
        for k in dyad_spark.SERIES_FIELDS[1:]:
            if k.startswith("goldstein"):
                ok = abs(float(w[k]) - float(g[k])) <= 1e-6 * max(1.0, abs(float(w[k])))
            else:
                ok = int(w[k]) == int(g[k])
            if not ok:
                problems.append(f"{name}: period {w['period']}: {k} dyad {w[k]} spark {g[k]}")
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--local-events", required=True)
    ap.add_argument("--spark-out", required=True)
    ap.add_argument("--expect-errors", type=int, required=True)
    ap.add_argument("--variants", required=True)
    ap.add_argument("--series-dir", action="append", default=[], help="NAME=DIR of `dyad series` outputs")
    a = ap.parse_args()
    spark = SparkSession.builder.appName("dyad-ci-check").getOrCreate()
    problems = []

    local = spark.read.json(a.local_events).select(
        "doc_id", F.col("sentence").cast("long").alias("sentence"), "source", "target", "code"
    )
    events = spark.read.parquet(a.spark_out + "/events")
    cluster = events.select(*KEY)
    n_local, n_cluster = local.count(), cluster.count()
    missing = local.exceptAll(cluster).count()
    extra = cluster.exceptAll(local).count()
    print(f"events: dyad code {n_local}, spark {n_cluster}, missing {missing}, extra {extra}")
    if n_local == 0 or missing or extra or n_local != n_cluster:
        problems.append(f"events differ: dyad code {n_local}, spark {n_cluster}, missing {missing}, extra {extra}")
    dup_ids = events.groupBy("event_id").count().where("count > 1").count()
    dup_keys = events.groupBy(*KEY).count().where("count > 1").count()
    local_dup_keys = local.groupBy(*KEY).count().where("count > 1").count()
    print(f"duplicate event ids {dup_ids}; keys seen twice: spark {dup_keys}, dyad code {local_dup_keys}")
    if dup_ids:
        problems.append(f"{dup_ids} event ids occur more than once")
    errors = spark.read.json(a.spark_out + "/errors")
    n_errors = errors.count()
    print(f"errors: {n_errors} (expected {a.expect_errors})")
    for r in errors.limit(5).collect():
        print(f"  error: {r.asDict().get('doc_id')}: {r['reason']}")
    if n_errors != a.expect_errors:
        problems.append(f"{n_errors} documents in the error output, expected {a.expect_errors}")

    variants = load_variants(a.variants)
    for name, flags in variants:
        got = dyad_spark.series_rows(spark, a.spark_out + "/events", series_args(flags))
        for spec in a.series_dir:
            label, d = spec.split("=", 1)
            path = os.path.join(d, name + ".jsonl")
            with open(path, encoding="utf-8") as f:
                want = [json.loads(l) for l in f if l.strip()]
            p = same_series(f"{label}/{name}", want, got)
            print(f"series {label}/{name} ({' '.join(flags)}): {len(want)} periods, {'equal' if not p else 'DIFFERENT'}")
            if not want:
                p.append(f"{label}/{name}: dyad series printed nothing: the variant tests nothing")
            problems += p
    spark.stop()
    for p in problems[:40]:
        print("MISMATCH: " + p, file=sys.stderr)
    print("ci_check: " + ("ok" if not problems else f"{len(problems)} problems"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
