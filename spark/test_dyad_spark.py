#!/usr/bin/env python3
"""Unit tests of the Spark driver's executor-side logic, without Spark:
`python3 -m unittest spark/test_dyad_spark.py` (ci_test.sh runs them first).

A fake `dyad` (a small Python script) stands in for the binary, so these
tests check the driver's bookkeeping, not the coder."""

import json
import os
import shutil
import sys
import tempfile
import textwrap
import types
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dyad_spark  # noqa: E402

FAKE_DYAD = textwrap.dedent(
    """\
    #!/usr/bin/env python3
    # Fake `dyad code --format jsonl [--date D] FILE`: one event per document
    # ("X met Y"), a skipped-line warning for SKIPME, a crash for CRASH.
    import json, sys
    path = sys.argv[-1]
    lines = open(path, encoding="utf-8").read().splitlines()
    if any("CRASH" in l for l in lines):
        print("thread 'main' panicked", file=sys.stderr)
        sys.exit(101)
    for n, l in enumerate(lines, 1):
        if "SKIPME" in l:
            print(f"dyad: warning: {path}:{n}: missing \\"text\\"; line skipped", file=sys.stderr)
            continue
        d = json.loads(l)
        for s in range(2):
            print(json.dumps({"doc_id": d["id"], "sentence": 0, "date": d.get("date", "2025-01-01"),
                              "date_source": "given", "source": "CHN", "target": "KEN", "code": "040",
                              "root": "04", "quad_class": 1, "goldstein": 1.0,
                              "plover": {"event": "CONSULT", "mode": "", "context": ""},
                              "text": "China met Kenya.", "spans": {}}))
    """
)


class PureHelpers(unittest.TestCase):
    def test_event_id_is_stable_and_distinguishes_fields(self):
        a = dyad_spark.event_id("d1", 0, "CHN", "KEN", "040", 0)
        self.assertEqual(a, dyad_spark.event_id("d1", 0, "CHN", "KEN", "040", 0))
        self.assertNotEqual(a, dyad_spark.event_id("d1", 0, "CHN", "KEN", "040", 1))
        self.assertNotEqual(a, dyad_spark.event_id("d1", 1, "CHN", "KEN", "040", 0))
        self.assertTrue(-(2**63) <= a < 2**63)

    def test_prepare_doc(self):
        self.assertEqual(dyad_spark.prepare_doc("   "), (None, None, None))
        doc_id, url, reason = dyad_spark.prepare_doc("{bad")
        self.assertIsNone(url)
        self.assertIn("invalid JSON", reason)
        self.assertIn("not a JSON object", dyad_spark.prepare_doc("[1]")[2])
        self.assertEqual(dyad_spark.prepare_doc('{"id": "x"}')[0], "x")
        self.assertIn("text", dyad_spark.prepare_doc('{"id": "x"}')[2])
        line = '{"id": "x", "text": "t", "url": "http://e/1"}'
        self.assertEqual(dyad_spark.prepare_doc(line), ("x", "http://e/1", line))
        # No id: one from the content, the same wherever the line is read.
        a = dyad_spark.prepare_doc('{"text": "China met Kenya."}')
        b = dyad_spark.prepare_doc('{"text": "China met Kenya."}')
        self.assertEqual(a, b)
        self.assertTrue(a[0].startswith("doc-"))
        self.assertEqual(json.loads(a[2])["id"], a[0])

    def test_event_row_has_the_export_columns(self):
        ev = {"doc_id": "d", "sentence": 3, "date": "2024-09-05", "date_source": "text", "source": "CHN",
              "target": "KEN", "code": "040", "root": "04", "quad_class": 1, "goldstein": 1.0,
              "plover": {"event": "CONSULT", "mode": "", "context": "x"}, "text": "t",
              "location": {"name": "Nairobi", "country": "KEN", "lat": -1.28, "lon": 36.8}}
        row = dyad_spark.event_row(ev, "http://u", 0)
        self.assertEqual(len(row), len(dyad_spark.EXPORT_COLUMNS) + 1)
        named = dict(zip([c[0] for c in dyad_spark.EXPORT_COLUMNS] + ["month"], row))
        self.assertEqual(named["month"], "2024-09")
        self.assertEqual(named["location_country"], "KEN")
        self.assertEqual(named["url"], "http://u")
        self.assertEqual((named["mentions"], named["articles"], named["sources"]), (1, 1, 1))
        self.assertEqual(named["event_id"], dyad_spark.event_id("d", 3, "CHN", "KEN", "040", 0))
        self.assertIsNone(dyad_spark.event_row(dict(ev, location=None), "", 0)[-2])

    def test_filter_and_period_sql(self):
        args = types.SimpleNamespace(source=None, target=None, dyad="chn-KEN", directed=False, code="040",
                                     root=None, quad=4, from_="2024-01-01", to=None)
        where = dyad_spark.filter_sql(args)
        self.assertIn("source LIKE 'CHN%'", where)
        self.assertIn("source LIKE 'KEN%'", where)
        self.assertIn("quad_class = 4", where)
        self.assertIn("date >= '2024-01-01'", where)
        with self.assertRaises(SystemExit):
            dyad_spark.filter_sql(types.SimpleNamespace(**dict(vars(args), dyad="CHN-K'EN")))
        with self.assertRaises(SystemExit):
            dyad_spark.filter_sql(types.SimpleNamespace(**dict(vars(args), quad=5)))
        self.assertEqual(dyad_spark.period_sql("month"), "substr(date, 1, 7)")
        with self.assertRaises(SystemExit):
            dyad_spark.period_sql("decade")


class PartitionCoding(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="dyad-spark-test-")
        self.binary = os.path.join(self.tmp, "dyad")
        with open(self.binary, "w") as f:
            f.write(FAKE_DYAD.replace("#!/usr/bin/env python3", "#!" + sys.executable, 1))
        os.chmod(self.binary, 0o755)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_partition(self, lines, batch_docs=5000):
        cfg = {"binary": self.binary, "dicts": [], "date": "2025-01-01", "threads": 1, "batch_docs": batch_docs}
        return list(dyad_spark.make_partition_coder(cfg)(5, iter(lines)))

    def test_events_errors_and_counts(self):
        lines = [json.dumps({"id": f"d{i}", "text": "x"}) for i in range(4)]
        lines.insert(2, '{"id": "s", "text": "SKIPME"}')
        lines.append("{not json")
        lines.append("")
        out = self.run_partition(lines)
        events = [t[1] for t in out if t[0] == "E"]
        errors = [t[2] for t in out if t[0] == "X"]
        stats = [t[3] for t in out if t[0] == "S"]
        self.assertEqual(len(events), 8)
        # Two identical events in one sentence keep distinct ids (ordinal).
        self.assertEqual(len({e[0] for e in events}), 8)
        self.assertEqual(sorted(e[1] for e in errors), ["invalid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)", 'missing "text"; line skipped'])
        self.assertEqual(stats, [(5, 6, 8, 2)])

    def test_a_crashing_document_is_isolated_and_the_rest_coded(self):
        lines = [json.dumps({"id": f"d{i}", "text": "x"}) for i in range(7)]
        lines[4] = json.dumps({"id": "bad", "text": "CRASH"})
        out = self.run_partition(lines)
        events = [t[1] for t in out if t[0] == "E"]
        errors = [t[2] for t in out if t[0] == "X"]
        self.assertEqual(sorted({e[17] for e in events}), ["d0", "d1", "d2", "d3", "d5", "d6"])
        self.assertEqual(len(errors), 1)
        self.assertEqual(errors[0][0], "bad")
        self.assertIn("status 101", errors[0][1])
        self.assertIn("panicked", errors[0][1])

    def test_small_batches_give_the_same_rows(self):
        lines = [json.dumps({"id": f"d{i}", "text": "x"}) for i in range(7)]
        lines[3] = "{oops"
        key = lambda out: sorted(map(repr, out))
        self.assertEqual(key(self.run_partition(lines, 2)), key(self.run_partition(lines)))

    def test_same_input_same_rows(self):
        lines = [json.dumps({"id": f"d{i}", "text": "x", "date": "2024-02-0%d" % (1 + i)}) for i in range(3)]
        self.assertEqual(self.run_partition(lines), self.run_partition(lines))


if __name__ == "__main__":
    unittest.main()
