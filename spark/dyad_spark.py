#!/usr/bin/env python3
"""dyad on Apache Spark: code a corpus on a cluster, summarise events there.

The coding logic exists once, in the `dyad` binary: each Spark task writes its
documents as JSON Lines to a local file, runs `dyad code --format jsonl` on it
and reads the events back. This driver only moves data, names events and
writes them out.

    spark-submit --files target/release/dyad spark/dyad_spark.py \
        code --input DOCS --out OUT [--date YYYY-MM-DD] [--dict FILE]...
    spark-submit spark/dyad_spark.py series OUT/events --dyad CHN-KEN --by month

`code` writes
  OUT/events/month=YYYY-MM/part-*.parquet  the columns of `dyad export --format
                                           parquet`, one row per coded event
                                           (mentions = articles = sources = 1)
  OUT/errors/part-*.json                   documents that could not be coded,
                                           with the reason and the input line
  OUT/_dyad_summary.json                   counts
`series` reproduces `dyad series` (see spark/README.md for how the store's
event deduplication is reproduced).
"""

import argparse
import datetime as _dt
import hashlib
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

# The columns of `dyad export --format parquet`, in its order
# (crates/dyad-store/src/parquet_export.rs). `month` is the partition column.
EXPORT_COLUMNS = [
    ("event_id", "long", False),
    ("date", "string", False),
    ("date_source", "string", False),
    ("source", "string", False),
    ("target", "string", False),
    ("source_text", "string", False),
    ("target_text", "string", False),
    ("code", "string", False),
    ("root", "string", False),
    ("quad_class", "int", False),
    ("goldstein", "double", False),
    ("plover_event", "string", False),
    ("plover_mode", "string", False),
    ("plover_context", "string", False),
    ("mentions", "long", False),
    ("articles", "long", False),
    ("sources", "long", False),
    ("doc_id", "string", False),
    ("sentence", "long", False),
    ("url", "string", False),
    ("text", "string", False),
    ("location", "string", False),
    ("location_country", "string", False),
    ("lat", "double", True),
    ("lon", "double", True),
]
ERROR_COLUMNS = [
    ("doc_id", "string", True),
    ("reason", "string", False),
    ("partition", "int", False),
    ("input", "string", True),
]
DOC_FIELDS = ["id", "text", "date", "title", "url", "source"]
WARNING_LINE = re.compile(r"^dyad: warning: (.*):(\d+): (.*)$")
MAX_ERROR_INPUT = 100_000


# --------------------------------------------------------------------------
# Pure helpers (executor side; no Spark imports, unit-tested without Spark)
# --------------------------------------------------------------------------


def event_id(doc_id, sentence, source, target, code, ordinal):
    """A stable 64-bit id for one coded event: the same document coded twice
    (a retried task) gives the same ids, so duplicates can be dropped."""
    key = "\x1f".join([doc_id, str(sentence), source, target, code, str(ordinal)])
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def prepare_doc(raw):
    """One input line → (doc_id, url, json_line) or (None, None, reason).
    A document without an id gets one from its content, so that the id does
    not depend on how the input was split into partitions."""
    line = raw.strip()
    if not line:
        return None, None, None
    try:
        obj = json.loads(line)
    except ValueError as e:
        return None, None, f"invalid JSON: {e}"
    if not isinstance(obj, dict):
        return None, None, "not a JSON object"
    if not isinstance(obj.get("text"), str):
        return _str_id(obj), None, 'missing "text" (or not a string)'
    doc_id = _str_id(obj)
    if doc_id is None:
        doc_id = "doc-" + hashlib.sha1(line.encode("utf-8")).hexdigest()[:16]
        obj["id"] = doc_id
        line = json.dumps(obj, ensure_ascii=False)
    url = obj.get("url") if isinstance(obj.get("url"), str) else ""
    return doc_id, url, line


def _str_id(obj):
    v = obj.get("id")
    if isinstance(v, str) and v:
        return v
    if isinstance(v, int) and not isinstance(v, bool):
        return str(v)
    return None


def event_row(ev, url, ordinal):
    """A `dyad code` event object → an export row tuple (+ month)."""
    plover = ev.get("plover") or {}
    loc = ev.get("location") or {}
    date = ev.get("date") or ""
    sentence = int(ev.get("sentence", 0))
    row = (
        event_id(ev["doc_id"], sentence, ev["source"], ev["target"], ev["code"], ordinal),
        date,
        ev.get("date_source", ""),
        ev["source"],
        ev["target"],
        ev.get("source_text", ""),
        ev.get("target_text", ""),
        ev["code"],
        ev.get("root", ""),
        int(ev.get("quad_class", 0)),
        float(ev.get("goldstein", 0.0)),
        plover.get("event", "") or "",
        plover.get("mode", "") or "",
        plover.get("context", "") or "",
        1,
        1,
        1,
        ev["doc_id"],
        sentence,
        url or "",
        ev.get("text", ""),
        loc.get("name", "") or "",
        loc.get("country", "") or "",
        _float_or_none(loc.get("lat")),
        _float_or_none(loc.get("lon")),
        date[:7] if len(date) >= 7 else "unknown",
    )
    return row


def _float_or_none(v):
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def run_dyad(binary, dyad_args, docs, workdir, threads):
    """Code `docs` [(doc_id, url, line)] with one `dyad code` run.
    Returns (rc, events_path, warnings {line_no: message}, stderr_tail)."""
    inp = os.path.join(workdir, "docs.jsonl")
    out = os.path.join(workdir, "events.jsonl")
    err = os.path.join(workdir, "stderr.txt")
    with open(inp, "w", encoding="utf-8") as f:
        for _, _, line in docs:
            f.write(line)
            f.write("\n")
    env = dict(os.environ)
    # dyad codes on every core it sees; a task owns only spark.task.cpus.
    env["RAYON_NUM_THREADS"] = str(threads)
    with open(out, "wb") as fo, open(err, "wb") as fe:
        rc = subprocess.call(
            [binary, "code", "--format", "jsonl", *dyad_args, inp], stdout=fo, stderr=fe, env=env
        )
    warnings = {}
    with open(err, encoding="utf-8", errors="replace") as fe:
        lines = fe.read().splitlines()
    for l in lines:
        m = WARNING_LINE.match(l)
        if m and m.group(1).endswith("docs.jsonl"):
            warnings.setdefault(int(m.group(2)), m.group(3))
    tail = " | ".join(l for l in lines[-3:] if l)
    if rc < 0:
        tail = f"killed by signal {-rc}; {tail}"
    return rc, out, warnings, tail


def code_docs(binary, dyad_args, docs, workdir, threads, partition):
    """Yield ("E", row) for events and ("X", error) for failed documents.
    When dyad fails on the whole batch (a crash), the batch is split in
    halves until the documents that fail alone are found: they go to the
    error output with dyad's message, the others are coded."""
    if not docs:
        return
    rc, out, warnings, tail = run_dyad(binary, dyad_args, docs, workdir, threads)
    if rc != 0:
        if len(docs) == 1:
            doc_id, _, line = docs[0]
            yield "X", (doc_id, f"dyad exited with status {rc}: {tail}", partition, line[:MAX_ERROR_INPUT])
            return
        mid = len(docs) // 2
        yield from code_docs(binary, dyad_args, docs[:mid], workdir, threads, partition)
        yield from code_docs(binary, dyad_args, docs[mid:], workdir, threads, partition)
        return
    for line_no, msg in sorted(warnings.items()):
        if "line skipped" in msg and 1 <= line_no <= len(docs):
            doc_id, _, line = docs[line_no - 1]
            yield "X", (doc_id, msg, partition, line[:MAX_ERROR_INPUT])
    urls = {d[0]: d[1] for d in docs}
    seen = {}
    with open(out, encoding="utf-8") as f:
        for l in f:
            if not l.strip():
                continue
            ev = json.loads(l)
            key = (ev["doc_id"], ev.get("sentence"), ev["source"], ev["target"], ev["code"])
            ordinal = seen.get(key, 0)
            seen[key] = ordinal + 1
            yield "E", event_row(ev, urls.get(ev["doc_id"], ""), ordinal)


def make_partition_coder(cfg):
    """The function Spark runs on each partition of input lines."""

    def code_partition(index, lines):
        binary = _resolve_file(cfg["binary"], executable=True)
        dyad_args = []
        if cfg.get("date"):
            dyad_args += ["--date", cfg["date"]]
        for d in cfg.get("dicts", []):
            dyad_args += ["--dict", _resolve_file(d)]
        batch_size = max(1, int(cfg.get("batch_docs", 5000)))
        kill_at = _kill_point(cfg, index)
        n_docs, n_events, n_errors = 0, 0, 0
        workdir = tempfile.mkdtemp(prefix=f"dyad-part{index}-")
        try:
            # A bounded batch per dyad run: dyad holds its input in memory,
            # and an input split (an HDFS block) can hold 100,000 documents.
            for batch, errors in _batches(lines, batch_size):
                n_docs += len(batch) + len(errors)
                for e in errors:
                    n_errors += 1
                    yield ("X", None, (e[0], e[1], index, e[2]), None)
                for kind, payload in code_docs(binary, dyad_args, batch, workdir, cfg["threads"], index):
                    if kind == "E":
                        n_events += 1
                        if kill_at is not None and n_events == kill_at:
                            # Test hook: die mid-partition, once, like a lost executor.
                            os.kill(os.getpid(), signal.SIGKILL)
                        yield ("E", payload, None, None)
                    else:
                        n_errors += 1
                        yield ("X", None, payload, None)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        yield ("S", None, None, (index, n_docs, n_events, n_errors))

    return code_partition


def _batches(lines, size):
    """Input lines → ([(doc_id, url, json_line)], [(doc_id, reason, raw)])
    batches of at most `size` codable documents; blank lines dropped."""
    docs, errors = [], []
    for raw in lines:
        doc_id, url, line = prepare_doc(raw)
        if line is None and doc_id is None and url is None:
            continue
        if url is None:
            errors.append((doc_id, line, raw[:MAX_ERROR_INPUT]))
        else:
            docs.append((doc_id, url, line))
            if len(docs) >= size:
                yield docs, errors
                docs, errors = [], []
    if docs or errors:
        yield docs, errors


def _kill_point(cfg, index):
    """For the retry test: the first attempt of a listed partition dies after
    some events (a marker file makes it happen once)."""
    marker_dir = cfg.get("kill_marker_dir")
    if not marker_dir or index not in cfg.get("kill_partitions", []):
        return None
    marker = os.path.join(marker_dir, f"killed-{index}")
    try:
        fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        os.close(fd)
    except FileExistsError:
        return None
    return 50


def _resolve_file(name, executable=False):
    """A file shipped with --files / addFile, else a path on every node."""
    path = name
    if not os.path.isabs(name) or not os.path.exists(name):
        from pyspark import SparkFiles

        shipped = SparkFiles.get(os.path.basename(name))
        if os.path.exists(shipped):
            path = shipped
    if executable and not os.access(path, os.X_OK):
        # addFile does not keep the exec bit everywhere: copy once per node.
        try:
            os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        except OSError:
            copy = os.path.join(tempfile.gettempdir(), f"dyad-{os.getuid()}-{os.path.getsize(path)}")
            if not os.path.exists(copy):
                tmp = copy + f".{os.getpid()}"
                shutil.copyfile(path, tmp)
                os.chmod(tmp, 0o755)
                os.replace(tmp, copy)
            path = copy
    return path


# --------------------------------------------------------------------------
# Spark side
# --------------------------------------------------------------------------


def _schema(columns):
    from pyspark.sql import types as T

    kinds = {
        "long": T.LongType(),
        "int": T.IntegerType(),
        "double": T.DoubleType(),
        "string": T.StringType(),
    }
    return T.StructType([T.StructField(n, kinds[k], nullable) for n, k, nullable in columns])


def event_schema():
    return _schema(EXPORT_COLUMNS + [("month", "string", False)])


def error_schema():
    return _schema(ERROR_COLUMNS)


def read_lines(spark, path, input_format, partitions):
    """Input documents as an RDD of JSON Lines strings."""
    fmt = input_format
    if fmt == "auto":
        fmt = "parquet" if path.rstrip("/").endswith(".parquet") or _is_parquet_dir(spark, path) else "jsonl"
    if fmt == "jsonl":
        rdd = spark.sparkContext.textFile(path, minPartitions=partitions or None)
    else:
        df = spark.read.parquet(path)
        keep = [c for c in DOC_FIELDS if c in df.columns]
        if "text" not in keep:
            raise SystemExit(f"dyad-spark: {path}: Parquet input has no `text` column")
        from pyspark.sql import functions as F

        cols = [F.col(c).cast("string").alias(c) if c == "date" else F.col(c) for c in keep]
        rdd = df.select(*cols).toJSON()
    if partitions and rdd.getNumPartitions() < partitions:
        rdd = rdd.repartition(partitions)
    return rdd


def _is_parquet_dir(spark, path):
    sc = spark.sparkContext
    jvm = sc._jvm
    p = jvm.org.apache.hadoop.fs.Path(path)
    fs = p.getFileSystem(sc._jsc.hadoopConfiguration())
    if not fs.exists(p) or not fs.getFileStatus(p).isDirectory():
        return False
    it = fs.listFiles(p, True)
    while it.hasNext():
        name = it.next().getPath().getName()
        if name.endswith(".parquet"):
            return True
        if name.endswith(".jsonl") or name.endswith(".json"):
            return False
    return False


def run_code(args):
    from pyspark import StorageLevel
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("dyad-code").getOrCreate()
    sc = spark.sparkContext
    start = time.time()
    shipped = {os.path.basename(f.rstrip("/")) for f in sc.getConf().get("spark.files", "").split(",") if f}

    def ship(path, recursive=False):
        # A bare name is what --files shipped; a path on the driver is shipped
        # here, unless --files already sent a file of that name.
        if os.sep in path and os.path.exists(path) and os.path.basename(path.rstrip("/")) not in shipped:
            sc.addFile(path, recursive=recursive)
            shipped.add(os.path.basename(path.rstrip("/")))

    binary = args.binary
    ship(binary)
    dicts = []
    for d in args.dict or []:
        ship(os.path.abspath(d) if os.path.exists(d) else d, recursive=os.path.isdir(d))
        dicts.append(d)
    # Fixed once on the driver: a retried task must not see another "today".
    date = args.date or _dt.date.today().isoformat()
    task_cpus = int(sc.getConf().get("spark.task.cpus", "1"))
    cfg = {
        "binary": binary,
        "dicts": dicts,
        "date": date,
        "threads": task_cpus,
        "batch_docs": args.batch_docs,
        "kill_marker_dir": args.test_kill_marker_dir,
        "kill_partitions": [int(x) for x in (args.test_kill_partitions or "").split(",") if x],
    }
    lines = read_lines(spark, args.input, args.input_format, args.partitions)
    coded = lines.mapPartitionsWithIndex(make_partition_coder(cfg)).persist(StorageLevel.MEMORY_AND_DISK)
    events = spark.createDataFrame(
        coded.filter(lambda t: t[0] == "E").map(lambda t: t[1]), event_schema(), verifySchema=False
    )
    if args.dedupe:
        # Spark's output committer already discards a failed attempt's files;
        # this is for committers that do not (ids are deterministic, so it
        # drops nothing real). It costs a shuffle of every event.
        events = events.dropDuplicates(["event_id"])
    out = args.out.rstrip("/")
    writer = events.write.partitionBy("month")
    if args.mode == "overwrite-months":
        spark.conf.set("spark.sql.sources.partitionOverwriteMode", "dynamic")
        writer = writer.mode("overwrite")
    else:
        writer = writer.mode(args.mode)
    writer.option("compression", "snappy").parquet(out + "/events")
    errors = spark.createDataFrame(coded.filter(lambda t: t[0] == "X").map(lambda t: t[2]), error_schema())
    errors.coalesce(1).write.mode("overwrite" if args.mode != "errorifexists" else "errorifexists").json(
        out + "/errors"
    )
    stats = coded.filter(lambda t: t[0] == "S").map(lambda t: t[3]).collect()
    coded.unpersist()
    summary = {
        "input": args.input,
        "documents": sum(s[1] for s in stats),
        "events": sum(s[2] for s in stats),
        "errors": sum(s[3] for s in stats),
        "partitions": len(stats),
        "fallback_date": date,
        "seconds": round(time.time() - start, 2),
    }
    _write_text(sc, out + "/_dyad_summary.json", json.dumps(summary, indent=1) + "\n")
    print(json.dumps(summary), file=sys.stderr)
    spark.stop()
    return 0


def _write_text(sc, path, text):
    """A small file on any Hadoop file system."""
    jvm = sc._jvm
    p = jvm.org.apache.hadoop.fs.Path(path)
    fs = p.getFileSystem(sc._jsc.hadoopConfiguration())
    stream = fs.create(p, True)
    stream.write(bytearray(text.encode("utf-8")))
    stream.close()


# ------------------------------- series ----------------------------------

ACTOR_CODE = re.compile(r"^[A-Za-z0-9]{1,64}$")


def period_sql(by):
    """Period labels exactly as `dyad series` prints them."""
    if by == "day":
        return "date"
    if by == "month":
        return "substr(date, 1, 7)"
    if by == "year":
        return "substr(date, 1, 4)"
    if by == "week":
        # ISO week: the year is that of the week's Thursday.
        d = "to_date(date)"
        thursday = f"date_add({d}, 3 - ((dayofweek({d}) + 5) % 7))"
        return f"concat(year({thursday}), '-W', lpad(cast(weekofyear({d}) as string), 2, '0'))"
    raise SystemExit(f"dyad-spark: by `{by}` is not day, week, month or year")


def filter_sql(a):
    """The WHERE clause for the contract's filters (text search excepted)."""
    clauses = []

    def code(name, v):
        if not ACTOR_CODE.match(v):
            raise SystemExit(f"dyad-spark: {name} `{v}` is not an actor code prefix (letters and digits)")
        return v.upper()

    if a.source:
        clauses.append(f"source LIKE '{code('source', a.source)}%'")
    if a.target:
        clauses.append(f"target LIKE '{code('target', a.target)}%'")
    if a.dyad:
        parts = a.dyad.split("-", 1)
        if len(parts) != 2:
            raise SystemExit(f"dyad-spark: dyad `{a.dyad}` is not two actor codes joined by `-` (e.g. CHN-KEN)")
        x, y = code("dyad", parts[0]), code("dyad", parts[1])
        fwd = f"(source LIKE '{x}%' AND target LIKE '{y}%')"
        back = f"(source LIKE '{y}%' AND target LIKE '{x}%')"
        clauses.append(fwd if a.directed else f"({fwd} OR {back})")
    if a.code:
        if not re.fullmatch(r"\d{2,4}", a.code):
            raise SystemExit(f"dyad-spark: code `{a.code}` is not a CAMEO code (2-4 digits)")
        clauses.append(f"code = '{a.code}'")
    if a.root:
        if not re.fullmatch(r"\d{2}", a.root):
            raise SystemExit(f"dyad-spark: root `{a.root}` is not a two-digit CAMEO root")
        clauses.append(f"root = '{a.root}'")
    if a.quad is not None:
        if a.quad not in (1, 2, 3, 4):
            raise SystemExit(f"dyad-spark: quad `{a.quad}` is not 1, 2, 3 or 4")
        clauses.append(f"quad_class = {a.quad}")
    for name, op in (("from_", ">="), ("to", "<=")):
        v = getattr(a, name)
        if v:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
                raise SystemExit(f"dyad-spark: `{v}` is not a date in YYYY-MM-DD form")
            clauses.append(f"date {op} '{v}'")
    return " AND ".join(clauses) or "TRUE"


# The store's normalised evidence text (crates/dyad-store/src/hash.rs:
# lowercased alphanumeric words joined by one space).
NORMALISED_TEXT = "trim(lower(regexp_replace(text, '[^\\\\p{IsAlphabetic}\\\\p{N}]+', ' ')))"


def series_sql(view, by, where, one_a_day, count):
    """SQL reproducing `Store::series` over mention-level rows.

    count="store": rows are grouped into the store's events (same date,
    source, target, code and normalised sentence: its `event_key`), each
    event's mentions being its distinct (document, sentence) pairs — what
    `dyad ingest` of the same documents stores. count="rows": every row is an
    event with its own `mentions` column (e.g. a `dyad export`)."""
    if count == "store":
        events = (
            f"SELECT date, source, target, code, MIN(quad_class) AS quad_class, MIN(goldstein) AS goldstein, "
            f"COUNT(DISTINCT doc_id, sentence) AS num_mentions FROM {view} WHERE {where} "
            f"GROUP BY date, source, target, code, {NORMALISED_TEXT}"
        )
    else:
        events = (
            f"SELECT date, source, target, code, quad_class, goldstein, mentions AS num_mentions "
            f"FROM {view} WHERE {where}"
        )
    if one_a_day:
        events = (
            f"SELECT MIN(date) AS date, MIN(quad_class) AS quad_class, MIN(goldstein) AS goldstein, "
            f"SUM(num_mentions) AS num_mentions FROM ({events}) GROUP BY date, source, target, code"
        )
    return (
        f"SELECT {period_sql(by)} AS period, COUNT(*) AS events, SUM(num_mentions) AS mentions, "
        f"SUM(CAST(quad_class = 1 AS INT)) AS verbal_coop, SUM(CAST(quad_class = 2 AS INT)) AS material_coop, "
        f"SUM(CAST(quad_class = 3 AS INT)) AS verbal_conflict, SUM(CAST(quad_class = 4 AS INT)) AS material_conflict, "
        f"SUM(goldstein) AS goldstein_sum, AVG(goldstein) AS goldstein_mean "
        f"FROM ({events}) GROUP BY 1 ORDER BY 1"
    )


SERIES_FIELDS = [
    "period",
    "events",
    "mentions",
    "verbal_coop",
    "material_coop",
    "verbal_conflict",
    "material_conflict",
    "goldstein_sum",
    "goldstein_mean",
]


def series_rows(spark, events_path, a):
    """`dyad series` rows as dicts, computed by Spark SQL."""
    spark.read.parquet(events_path).createOrReplaceTempView("dyad_events")
    sql = series_sql("dyad_events", a.by, filter_sql(a), a.one_a_day, a.count)
    rows = []
    for r in spark.sql(sql).collect():
        d = r.asDict()
        rows.append({k: (d[k] if d[k] is not None else 0) for k in SERIES_FIELDS})
    return rows


def format_series(rows, fmt):
    if fmt == "jsonl":
        return "".join(json.dumps(r) + "\n" for r in rows)
    out = [",".join(SERIES_FIELDS)]
    for r in rows:
        out.append(
            ",".join(
                [str(r[k]) for k in SERIES_FIELDS[:7]]
                + [f"{r['goldstein_sum']:.2f}", f"{r['goldstein_mean']:.3f}"]
            )
        )
    return "\n".join(out) + "\n"


def run_series(a):
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("dyad-series").getOrCreate()
    text = format_series(series_rows(spark, a.events, a), a.format)
    if a.out:
        _write_text(spark.sparkContext, a.out, text)
    else:
        sys.stdout.write(text)
    spark.stop()
    return 0


def add_filter_args(p):
    p.add_argument("--source")
    p.add_argument("--target")
    p.add_argument("--dyad", help="two actor code prefixes, e.g. CHN-KEN (either direction unless --directed)")
    p.add_argument("--directed", action="store_true")
    p.add_argument("--code")
    p.add_argument("--root")
    p.add_argument("--quad", type=int)
    p.add_argument("--from", dest="from_")
    p.add_argument("--to")


def parser():
    ap = argparse.ArgumentParser(prog="dyad_spark.py", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    c = sub.add_parser("code", help="code documents into events (Parquet by month) and errors")
    c.add_argument("--input", required=True, help="JSON Lines or Parquet documents: a path or any Hadoop URI")
    c.add_argument("--input-format", choices=["auto", "jsonl", "parquet"], default="auto")
    c.add_argument("--out", required=True, help="output directory (events/, errors/, _dyad_summary.json)")
    c.add_argument("--binary", default="dyad", help="the dyad binary: shipped with --files (its name) or a path on every node")
    c.add_argument("--dict", action="append", help="dictionary file or directory (shipped to executors), repeatable")
    c.add_argument("--date", help="date for documents with none (YYYY-MM-DD); default: today, fixed by the driver")
    c.add_argument("--partitions", type=int, default=0, help="at least this many tasks")
    c.add_argument("--batch-docs", type=int, default=5000, help="documents per dyad run (bounds its memory)")
    c.add_argument(
        "--mode",
        choices=["errorifexists", "overwrite", "overwrite-months", "append"],
        default="errorifexists",
        help="overwrite-months replaces only the months this run writes",
    )
    c.add_argument(
        "--dedupe",
        action="store_true",
        help="also drop duplicate event ids before writing (a shuffle; for output committers that are not atomic per task)",
    )
    c.add_argument("--test-kill-marker-dir", help=argparse.SUPPRESS)
    c.add_argument("--test-kill-partitions", help=argparse.SUPPRESS)
    s = sub.add_parser("series", help="dyad series over coded events, in Spark SQL")
    s.add_argument("events", help="the events directory (OUT/events, or a `dyad export --format parquet` directory)")
    s.add_argument("--by", choices=["day", "week", "month", "year"], default="month")
    s.add_argument("--one-a-day", action="store_true")
    s.add_argument(
        "--count",
        choices=["store", "rows"],
        default="store",
        help="store: group rows into the store's events (for `code` output); rows: one row = one event (for `dyad export`)",
    )
    s.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    s.add_argument("--out", help="write here instead of stdout")
    add_filter_args(s)
    return ap


def main(argv=None):
    a = parser().parse_args(argv)
    if a.command == "code":
        if a.date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", a.date):
            raise SystemExit(f"dyad-spark: --date `{a.date}` is not a date in YYYY-MM-DD form")
        return run_code(a)
    return run_series(a)


if __name__ == "__main__":
    sys.exit(main())
